-- Append-only and never-deleted tables added after R__app_role_grants was released (the case
-- ledger's and the credit list's revokes stand in it). Flyway runs
-- repeatable migrations in the order of their descriptions, so this one follows
-- R__app_role_grants ("app role grants" < "append only grants") on every start (${flyway:timestamp})
-- and takes back what its grant on all tables gave. Tables added later get their revokes here or
-- in a later repeatable migration, never in a released one.
-- a petition's timeline and the stability risk assessments (docs/petitions.md)
revoke update, delete, truncate on petition_event from ${appRole};
revoke update, delete, truncate on stability_assessment from ${appRole};
