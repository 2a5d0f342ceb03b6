-- Removes what the intake of clues.sh wrote — clues registered by office with a BENCH-… source
-- reference, their steps, timeline entries, upward reports and notices — and rebuilds the
-- dashboard tallies, so that every run measures the list and the dashboard on the seeded data
-- alone. Their audit rows stay: the audit log is append-only.
--
--   psql -h localhost -p PORT -U postgres -d fangfei -f fangfei-bench/load/forget-bench-clues.sql
--
-- Runs with session_replication_role = replica, like seed-clues.sql: that skips the append-only
-- trigger of clue_event (these entries must be removable) and the tally triggers.
\set ON_ERROR_STOP on

begin;
set local session_replication_role = replica;

create temp table bench_ids on commit drop as
select id from clue where created_by = 'office' and source_ref like 'BENCH-%';
create temp table bench_notices on commit drop as
select n.id from notice n join bench_ids b on n.link = '/clues/' || b.id;
delete from notice_read where notice_id in (select id from bench_notices);
delete from notice where id in (select id from bench_notices);
delete from clue_event where clue_id in (select id from bench_ids);
delete from clue_step where clue_id in (select id from bench_ids);
delete from clue_subject where clue_id in (select id from bench_ids);
delete from clue_upward_report where clue_id in (select id from bench_ids);
delete from clue where id in (select id from bench_ids);
\ir clue-tallies.sql
select count(*) as bench_clues_removed from bench_ids;
commit;
