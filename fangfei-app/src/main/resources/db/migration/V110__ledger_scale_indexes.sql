-- Issue 15, scale (docs/performance.md): a township's monthly ledger with 1,000,000 subjects and
-- 1,000,000 clues.
-- The states of the township's subjects before the month's end are read from this covering index
-- alone: an index-only range scan over the township's entries, which lie together, where the
-- table's rows lie scattered over all of its pages. It covers V102's index, which it replaces.
create index subject_history_region_state_idx on subject_history (region_code varchar_pattern_ops, subject_id)
    include (valid_from, id, name, kind, sector_code, risk_level, status);
drop index subject_history_region_time_idx;
-- Which of the township's clues were received before the month's end, from the index alone; only
-- those not concluded before the month are then read from the table.
create index clue_region_received_idx on clue (region_code varchar_pattern_ops, received_at) include (id);
