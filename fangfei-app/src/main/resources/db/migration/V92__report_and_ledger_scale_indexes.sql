-- Issue 15, scale (docs/performance.md, "Statistical forms and monthly ledgers at 1,000,000"):
-- indexes found with EXPLAIN ANALYZE against 1,000,000 clues and 1,000,000 subjects.

-- a form's "subjects registered" and "clues received/major" columns count from the index alone
-- (index-only scan, region and channel read from the index), and their drill-downs walk it
-- newest first and stop after a page; they replace the single-column period indexes of V70
create index subject_created_region_idx on subject (created_at, region_code);
drop index subject_created_at_idx;
create index clue_received_region_idx on clue (received_at, region_code) include (source, grade);
drop index clue_received_at_idx;

-- "overdue at the period's end": steps finished after the period's end, without reading every step
create index clue_step_finished_idx on clue_step (finished_at) include (clue_id, due_on, started_at)
    where finished_at is not null;

-- the monthly ledger: a clue's state at a moment is its last move before it, one index probe
create index clue_event_clue_time_idx on clue_event (clue_id, occurred_at, id) include (to_state)
    where to_state is not null;

-- "clues closed / first determined in the period": the clues' regions read from a narrow index
-- (the join to the period's moves scans it instead of the table), and "not determined before"
-- probed per clue
create index clue_id_region_idx on clue (id) include (region_code);
create index clue_event_determined_clue_idx on clue_event (clue_id, occurred_at) where kind = '认定';
