-- Synthetic risk-index signals for the scale test of the nightly recomputation (docs/warning.md,
-- docs/performance.md). Needs the seeded subjects (seed-subjects.sql) first.
--
--   psql -h localhost -p PORT -U postgres -d fangfei -f fangfei-bench/load/seed-warning.sql
--
-- Rerunnable: the seeded subjects' rows in warning_subject and warning_signal are replaced.
-- Every seeded subject becomes known to the index as the warning module would keep it (name,
-- region, sector, legal representative, address); standing signals as the ledger gives them (key
-- sector, statutory words, the hand-picked level) and, over the past year, clue signals for 30 %,
-- a second for 10 %, patrol findings for 3 %, ad hits for 2 % (ref ids far above real ones);
-- and the cockpit's clue inflow and close-outs for 1,000,000 clues over the past 12 months, with
-- the cockpit's month tally recounted.
\set ON_ERROR_STOP on
\timing on

begin;
delete from warning_signal s using subject x where x.id = s.subject_id and x.created_by = 'seed';
delete from warning_index_history h using subject x where x.id = h.subject_id and x.created_by = 'seed';
delete from warning_subject w using subject x where x.id = w.subject_id and x.created_by = 'seed';
select setseed(0.2026);

insert into warning_subject (subject_id, name, region_code, sector_code, department_id, legal_rep, address, version)
select id, name, region_code, sector_code, department_id, legal_representative, business_address, version
from subject where created_by = 'seed';

insert into warning_signal (subject_id, kind, ref_kind, ref_id, strength, decays, at, label, link)
select s.id, 'KEY_SECTOR', 'SUBJECT', s.id, 1, false, now(), '行业属重点领域', null
from subject s where s.created_by = 'seed' and s.sector_code in ('INVESTMENT_CONSULTING', 'WEALTH_MANAGEMENT',
  'PRIVATE_LENDING_AGENCY', 'PRIVATE_FUND', 'THIRD_PARTY_WEALTH', 'ELDERLY_CARE', 'FARMER_COOPERATIVE', 'VIRTUAL_CURRENCY',
  'CULTURE_TOURISM', 'FILM_INVESTMENT', 'DEBT_RELIEF', 'AGRICULTURE', 'COMMERCE_SERVICE');

insert into warning_signal (subject_id, kind, ref_kind, ref_id, strength, decays, at, label, link)
select s.id, 'STATUTORY_WORDS', 'SUBJECT', s.id, 1, false, now(), '名称或经营范围含法定禁用字样', null
from subject s where s.created_by = 'seed' and s.statutory_words is not null;

insert into warning_signal (subject_id, kind, ref_kind, ref_id, strength, decays, at, label, link)
select s.id, 'MANUAL', 'SUBJECT', s.id, case s.risk_level when 'RED' then 1 when 'ORANGE' then 0.6 else 0.25 end, false,
  now(), '台账人工评定', null
from subject s where s.created_by = 'seed' and s.risk_level in ('RED', 'ORANGE', 'YELLOW');

insert into warning_signal (subject_id, kind, ref_kind, ref_id, strength, decays, at, label, link)
select id, kind, ref_kind, 100000000000 + row_number() over (), 1, true, now() - (random() * 365) * interval '1 day',
  '种子信号', null
from (
  select s.id, 'CLUE' as kind, 'CLUE' as ref_kind from subject s where s.created_by = 'seed' and random() < 0.30
  union all
  select s.id, 'CLUE', 'CLUE' from subject s where s.created_by = 'seed' and random() < 0.10
  union all
  select s.id, 'PATROL', 'PATROL' from subject s where s.created_by = 'seed' and random() < 0.03
  union all
  select s.id, 'AD', 'AD_HIT' from subject s where s.created_by = 'seed' and random() < 0.02) x;

-- the cockpit's clue months: 1,000,000 seeded clues registered over the past 12 months in the
-- seeded subjects' villages, 70 % of them closed a month or two later (clue ids far above real ones)
delete from warning_clue_flow where clue_id >= 200000000000;
insert into warning_clue_flow (clue_id, kind, month, region_code)
with v as (select array_agg(distinct region_code order by region_code) as codes from subject where created_by = 'seed')
select 200000000000 + g, 'REGISTERED', date_trunc('month', now() - (random() * 365) * interval '1 day')::date,
  v.codes[1 + (g % array_length(v.codes, 1))]
from generate_series(1, 1000000) g, v;
insert into warning_clue_flow (clue_id, kind, month, region_code)
select clue_id, 'CLOSED', least((month + (1 + (clue_id % 2)) * interval '1 month')::date,
  date_trunc('month', now())::date), region_code
from warning_clue_flow where clue_id >= 200000000000 and kind = 'REGISTERED' and random() < 0.7;
-- the cockpit's month tally (V98) as the nightly pass rebuilds it: the rows above bypassed ClueFlow
-- (the tier tally follows warning_subject by its triggers)
delete from warning_clue_month_tally;
insert into warning_clue_month_tally (month, region_code, kind, n)
select month, region_code, kind, count(*) from warning_clue_flow group by 1, 2, 3;
commit;
analyze warning_subject;
analyze warning_signal;
analyze warning_clue_flow;
select count(*) as subjects from warning_subject;
select count(*) as signals from warning_signal;
select count(*) as clue_flow from warning_clue_flow;
