-- A finalised evaluation and a community's timeline are never changed (docs/evaluation.md).
-- Runs after R__app_role_grants and R__append_only_grants (repeatables run in the order of their
-- descriptions) on every start (${flyway:timestamp}) and takes back what the grant on all tables gave.
revoke update, delete, truncate on evaluation_result from ${appRole};
revoke update, delete, truncate on evaluation_community_event from ${appRole};
