-- Issue 15, scale (docs/performance.md): a township's monthly ledger lists the subjects ever
-- registered in the township before the month's end from the index alone (index-only scan, no
-- visit to 65,000 history rows), then probes each subject's state at the month's start and end.
create index subject_history_region_time_idx on subject_history (region_code varchar_pattern_ops, subject_id)
    include (valid_from);
drop index subject_history_region_idx;
