-- The open lists (sectors, schemes …) are edited by the system administrator.
insert into role_permission (role_code, permission) values ('SYS_ADMIN', 'org:dict:edit');
