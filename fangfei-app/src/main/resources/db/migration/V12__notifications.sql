-- Notifications (通知/待办) and bulletins (通报).

-- One row per notice. Exactly one recipient form is set: an account, a unit (the staff of a
-- township or county office: users with that exact region code and no department), a department,
-- or a role within a region prefix. Members are resolved when the notice is read, so people who join
-- a unit later see its open matters. recipient_key spells the recipient for idempotent posting.
create table notice (
    id                bigserial primary key,
    kind              varchar(20)  not null check (kind in ('ASSIGNED', 'RETURNED', 'DUE_SOON', 'OVERDUE', 'SUPERVISION',
                                                        'MAJOR_REPORT', 'BULLETIN', 'FEEDBACK', 'INFO')),
    needs_action      boolean      not null,
    title             varchar(200) not null,
    body              varchar(2000),
    link              varchar(300),
    dedup_key         varchar(200),
    recipient_key     varchar(80)  not null,
    to_user_id        bigint references app_user (id),
    to_unit_code      varchar(12) references region (code),
    to_department_id  bigint references department (id),
    to_role           varchar(30) references app_role (code),
    to_region_prefix  varchar(12),
    created_at        timestamptz  not null default now(),
    resolved_at       timestamptz,
    check ((to_user_id is not null)::int + (to_unit_code is not null)::int + (to_department_id is not null)::int
           + (to_role is not null)::int = 1),
    check (to_role is null or to_region_prefix is not null),
    check (to_region_prefix is null or to_region_prefix ~ '^[0-9]{0,12}$')
);
create unique index notice_dedup_idx on notice (dedup_key, recipient_key) where dedup_key is not null;
create index notice_user_idx on notice (to_user_id, created_at desc) where to_user_id is not null;
create index notice_unit_idx on notice (to_unit_code, created_at desc) where to_unit_code is not null;
create index notice_department_idx on notice (to_department_id, created_at desc) where to_department_id is not null;
create index notice_role_idx on notice (to_role, created_at desc) where to_role is not null;

-- "read" is per person; "resolved" is per notice
create table notice_read (
    notice_id bigint      not null references notice (id),
    user_id   bigint      not null references app_user (id),
    read_at   timestamptz not null default now(),
    primary key (notice_id, user_id)
);

-- 通报: sent down (to townships) or across (to departments) by the office or a leader
create table bulletin (
    id                 bigserial primary key,
    title              varchar(100)  not null,
    body               varchar(5000) not null,
    level              varchar(20)   not null check (level in ('COMMENDATION', 'WORK', 'RISK_ALERT', 'CRITICISM')),
    sender_id          bigint        not null references app_user (id),
    sender_name        varchar(50)   not null,
    sender_region_code varchar(12)   not null references region (code),
    sent_at            timestamptz   not null default now()
);
create index bulletin_sender_region_idx on bulletin (sender_region_code varchar_pattern_ops, sent_at desc);

-- one row per receiving unit, with its receipt: the first member who opened the bulletin
create table bulletin_recipient (
    id              bigserial primary key,
    bulletin_id     bigint      not null references bulletin (id),
    region_code     varchar(12) references region (code),
    department_id   bigint references department (id),
    unit_name       varchar(100) not null,
    first_reader_id bigint references app_user (id),
    first_reader_name varchar(50),
    first_read_at   timestamptz,
    check ((region_code is null) <> (department_id is null))
);
create unique index bulletin_recipient_region_idx on bulletin_recipient (bulletin_id, region_code) where region_code is not null;
create unique index bulletin_recipient_department_idx on bulletin_recipient (bulletin_id, department_id) where department_id is not null;
create index bulletin_recipient_unit_idx on bulletin_recipient (region_code) where region_code is not null;
create index bulletin_recipient_dept_idx on bulletin_recipient (department_id) where department_id is not null;

insert into role_permission (role_code, permission) values
  ('OFFICE', 'notice:inbox:view'), ('LEADER', 'notice:inbox:view'), ('TOWNSHIP', 'notice:inbox:view'),
  ('DEPARTMENT', 'notice:inbox:view'), ('GRID_WORKER', 'notice:inbox:view'),
  ('OFFICE', 'notice:bulletin:view'), ('LEADER', 'notice:bulletin:view'), ('TOWNSHIP', 'notice:bulletin:view'),
  ('DEPARTMENT', 'notice:bulletin:view'), ('GRID_WORKER', 'notice:bulletin:view'),
  ('OFFICE', 'notice:bulletin:send'), ('LEADER', 'notice:bulletin:send');
