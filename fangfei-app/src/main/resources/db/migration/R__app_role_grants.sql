-- The application's database role (${appRole}) reads and writes the business tables but can only
-- append to audit_log and clue_event (a clue's timeline). Applied on every start (${flyway:timestamp}) so that tables added by later
-- migrations are granted too.
grant select, insert, update, delete on all tables in schema public to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
revoke update, delete, truncate on audit_log from ${appRole};
revoke update, delete, truncate on clue_event from ${appRole};
revoke update, delete, truncate on case_event from ${appRole};
revoke update, delete, truncate on case_stage from ${appRole};
-- the credit list keeps its history: entries and repair applications change status but are never
-- deleted, and the query log is append-only (docs/credit.md)
revoke delete, truncate on credit_entry from ${appRole};
revoke delete, truncate on credit_repair from ${appRole};
revoke update, delete, truncate on credit_query_log from ${appRole};
