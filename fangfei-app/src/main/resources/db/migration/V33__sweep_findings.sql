-- 扫楼发现问题，上报线索 (issue 14): a sweep can raise a clue in one tap, as a patrol does. The
-- sweep says it raised one; the clue module takes it in (SweepFindingRaised, and a sweep of
-- those still waiting) and writes back the clue's code.
alter table building_sweep add column raise_clue boolean not null default false;
alter table building_sweep add column clue_ref varchar(20);
alter table building_sweep add column clue_taken_at timestamptz;
create index building_sweep_untaken_idx on building_sweep (created_at, id) where raise_clue and clue_taken_at is null;
