-- Who reads the risk index, answers warnings, changes the weights, publishes risk notices,
-- opens the leaders' cockpit and imports the township map (docs/warning.md).
insert into role_permission (role_code, permission) values
  ('OFFICE', 'warning:index:view'), ('OFFICE', 'warning:warning:answer'), ('OFFICE', 'warning:notice:publish'),
  ('OFFICE', 'warning:cockpit:view'),
  ('OFFICE_HEAD', 'warning:index:view'), ('OFFICE_HEAD', 'warning:warning:answer'),
  ('OFFICE_HEAD', 'warning:notice:publish'), ('OFFICE_HEAD', 'warning:setting:edit'),
  ('OFFICE_HEAD', 'warning:cockpit:view'),
  ('LEADER', 'warning:index:view'), ('LEADER', 'warning:cockpit:view'),
  ('TOWNSHIP', 'warning:index:view'), ('TOWNSHIP', 'warning:warning:answer'),
  ('DEPARTMENT', 'warning:index:view'), ('DEPARTMENT', 'warning:warning:answer'),
  ('SYS_ADMIN', 'warning:map:import');
