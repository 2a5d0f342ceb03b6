-- Append-only and never-deleted tables added after R__app_role_grants was released. Flyway runs
-- repeatable migrations in the order of their descriptions, so this one follows
-- R__app_role_grants ("app role grants" < "append only grants") on every start (${flyway:timestamp})
-- and takes back what its grant on all tables gave. Tables added later get their revokes here or
-- in a later repeatable migration, never in a released one.
-- a case's timeline and stages (docs/cases.md)
revoke update, delete, truncate on case_event from ${appRole};
revoke update, delete, truncate on case_stage from ${appRole};
-- the credit list keeps its history: entries and repair applications change status but are never
-- deleted, and the query log is append-only (docs/credit.md)
revoke delete, truncate on credit_entry from ${appRole};
revoke delete, truncate on credit_repair from ${appRole};
revoke update, delete, truncate on credit_query_log from ${appRole};
-- a petition's timeline and the stability risk assessments (docs/petitions.md)
revoke update, delete, truncate on petition_event from ${appRole};
revoke update, delete, truncate on stability_assessment from ${appRole};
