-- Outreach corrections and department scope (issue 17; docs/outreach.md): a version on every
-- record two people may edit, the member department (成员单位) that recorded it, and training
-- for departments, which organise outreach and train their own staff too.

alter table outreach_activity add column version integer not null default 0;
alter table outreach_activity add column department_id bigint references department (id);
alter table training_session add column version integer not null default 0;
alter table training_session add column department_id bigint references department (id);
alter table outreach_material add column version integer not null default 0;
alter table outreach_material add column department_id bigint references department (id);
alter table volunteer add column version integer not null default 0;
alter table volunteer add column department_id bigint references department (id);
alter table association add column version integer not null default 0;
alter table association add column department_id bigint references department (id);

create index outreach_activity_department_idx on outreach_activity (department_id, held_on desc)
    where department_id is not null;
create index training_session_department_idx on training_session (department_id, held_on desc)
    where department_id is not null;

-- records a member department's account made before this migration belong to that department
update outreach_activity r set department_id = u.department_id
  from app_user u join department d on d.id = u.department_id
  where u.username = r.created_by and not d.is_office;
update training_session r set department_id = u.department_id
  from app_user u join department d on d.id = u.department_id
  where u.username = r.created_by and not d.is_office;
update outreach_material r set department_id = u.department_id
  from app_user u join department d on d.id = u.department_id
  where u.username = r.created_by and not d.is_office;
update volunteer r set department_id = u.department_id
  from app_user u join department d on d.id = u.department_id
  where u.username = r.created_by and not d.is_office;
update association r set department_id = u.department_id
  from app_user u join department d on d.id = u.department_id
  where u.username = r.created_by and not d.is_office;

insert into role_permission (role_code, permission) values
  ('DEPARTMENT', 'outreach:training:view'), ('DEPARTMENT', 'outreach:training:edit'),
  ('DEPARTMENT', 'outreach:outreach:export');
