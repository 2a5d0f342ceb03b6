-- The monthly ledger's versions and timeline and the subjects' history are append-only (docs/ledger.md).
-- Runs after R__app_role_grants and R__append_only_grants (repeatables run in the order of their
-- descriptions) on every start (${flyway:timestamp}) and takes back what the grant on all tables gave.
revoke update, delete, truncate on subject_history from ${appRole};
revoke update, delete, truncate on ledger_version from ${appRole};
revoke update, delete, truncate on ledger_event from ${appRole};
