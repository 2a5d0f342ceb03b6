-- Security review (issue 12), items 4, 12 and 17:
-- two-person hand-over of one-time passwords and of the tip identity-reveal permission,
-- password history, and the online sessions page.

-- A request by one administrator that takes effect only when a second, different
-- administrator approves it: a one-time password (PASSWORD), a role for an account
-- (USER_ROLE), a permission for a role (ROLE_PERMISSION) or an API token (API_TOKEN), which
-- acts as its account and so is a credential like a password.
create table account_approval (
    id              bigserial primary key,
    kind            varchar(20)  not null check (kind in ('PASSWORD', 'USER_ROLE', 'ROLE_PERMISSION', 'API_TOKEN')),
    user_id         bigint references app_user (id),
    api_client_id   bigint references api_client (id),
    role_code       varchar(30) references app_role (code),
    permission      varchar(60),
    -- PASSWORD: bcrypt of both halves; PASSWORD and API_TOKEN: the second half SM4-GCM
    -- encrypted until it is shown
    password_hash   varchar(200),
    second_half_enc bytea,
    summary         varchar(300) not null,
    requested_by    varchar(40)  not null,
    requested_by_id bigint       not null,
    requested_at    timestamptz  not null default now(),
    status          varchar(10)  not null default 'PENDING'
                    check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    decided_by      varchar(40),
    decided_by_id   bigint,
    decided_at      timestamptz,
    check ((kind = 'PASSWORD' and user_id is not null and password_hash is not null)
        or (kind = 'USER_ROLE' and user_id is not null and role_code is not null)
        or (kind = 'ROLE_PERMISSION' and role_code is not null and permission is not null)
        or (kind = 'API_TOKEN' and api_client_id is not null and user_id is not null)),
    check (status = 'PENDING' or second_half_enc is null)
);
create index account_approval_pending_idx on account_approval (requested_at) where status = 'PENDING';
create unique index account_approval_one_password_idx on account_approval (user_id)
    where status = 'PENDING' and kind = 'PASSWORD';
create unique index account_approval_one_role_idx on account_approval (user_id, role_code)
    where status = 'PENDING' and kind = 'USER_ROLE';
create unique index account_approval_one_permission_idx on account_approval (role_code, permission)
    where status = 'PENDING' and kind = 'ROLE_PERMISSION';
create index account_approval_api_client_idx on account_approval (api_client_id) where api_client_id is not null;

-- the passwords each account chose, newest first, so that none of the last few is reused
create table password_history (
    id            bigserial primary key,
    user_id       bigint       not null references app_user (id),
    password_hash varchar(200) not null,
    changed_at    timestamptz  not null default now()
);
create index password_history_user_idx on password_history (user_id, changed_at desc);

insert into setting (key, value, label) values
  ('password.history', '5', '不能重复使用最近几次的密码(含当前密码)');

insert into role_permission (role_code, permission) values
  ('SEC_ADMIN', 'monitor:online:view'), ('SEC_ADMIN', 'monitor:online:forceLogout'),
  ('SEC_ADMIN', 'sec:approval:decide'), ('SYS_ADMIN', 'sec:approval:decide'),
  ('AUDIT_ADMIN', 'sec:approval:decide');
