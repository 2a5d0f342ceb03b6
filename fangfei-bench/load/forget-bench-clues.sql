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

create temp table doomed_ids on commit drop as
select id from clue where created_by = 'office' and source_ref like 'BENCH-%';
\ir delete-clues.sql
\ir clue-tallies.sql
select count(*) as bench_clues_removed from doomed_ids;
commit;
