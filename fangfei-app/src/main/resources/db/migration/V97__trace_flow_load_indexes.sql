-- A million-row statement's load maintained four indexes on trace_flow; the one on statement_id served no
-- query (the export joins statement by its primary key) and cost about a quarter of the index upkeep.
drop index if exists trace_flow_statement_idx;
