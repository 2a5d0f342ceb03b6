-- The system administrator sees the backups and starts one (issue 12, "losing nothing").
insert into role_permission (role_code, permission) values
  ('SYS_ADMIN', 'system:backup:view'),
  ('SYS_ADMIN', 'system:backup:run');
