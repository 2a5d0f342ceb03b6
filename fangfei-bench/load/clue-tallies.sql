-- Rebuilds the clue dashboard's running tallies (V18__clue_tallies.sql) from the clues and their
-- steps. Included (\ir) by the scripts that change clues in bulk with
-- session_replication_role = replica, which skips the triggers that keep the tallies; runs in
-- the caller's transaction.
lock table clue_tally, clue_tally_delta, clue_step_tally, clue_step_tally_delta in exclusive mode;
truncate clue_tally, clue_tally_delta, clue_step_tally, clue_step_tally_delta;

insert into clue_tally
select clue_township(region_code), coalesce(sector_code, ''), coalesce(handler_department_id, 0), state, source, supervised, count(*)
from clue group by 1, 2, 3, 4, 5, 6;

insert into clue_step_tally
select date_trunc('month', s.finished_at)::date, clue_township(c.region_code), coalesce(c.sector_code, ''),
       coalesce(c.handler_department_id, 0), count(*), count(*) filter (where s.on_time)
from clue_step s join clue c on c.id = s.clue_id where s.finished_at is not null
group by 1, 2, 3, 4;
