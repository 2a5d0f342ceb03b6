-- The application's database role (${appRole}) reads and writes the business tables but can only
-- append to audit_log. Applied on every start (${flyway:timestamp}) so that tables added by later
-- migrations are granted too.
grant select, insert, update, delete on all tables in schema public to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
revoke update, delete, truncate on audit_log from ${appRole};
