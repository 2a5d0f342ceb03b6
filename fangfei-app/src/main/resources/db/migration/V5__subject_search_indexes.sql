-- Filters of the subject ledger at a million rows (docs/performance.md, "Subject ledger at scale").
-- Each index serves one filter both ways: the page (newest first, walked backwards on id and
-- stopping after 20 rows) and the capped count (a bitmap of the matching rows instead of a scan
-- of the whole scope for a rare value). Combinations of filters use them together (bitmap and).
create index subject_status_idx on subject (status, id);
create index subject_risk_level_idx on subject (risk_level, id) where risk_level is not null;
create index subject_sector_idx on subject (sector_code, id) where sector_code is not null;
create index subject_kind_idx on subject (kind, id);
