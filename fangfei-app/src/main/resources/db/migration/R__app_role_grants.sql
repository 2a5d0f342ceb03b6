-- The application's database role (${appRole}) reads and writes the business tables but can only
-- append to audit_log and clue_event (a clue's timeline). Applied on every start (${flyway:timestamp}) so that tables added by later
-- migrations are granted too.
grant select, insert, update, delete on all tables in schema public to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
revoke update, delete, truncate on audit_log from ${appRole};
revoke update, delete, truncate on clue_event from ${appRole};
