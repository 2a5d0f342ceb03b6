-- Foundation schema: territory, grids, departments, people, users and roles, settings, audit.
-- Plain PostgreSQL that KingbaseES and openGauss also speak: no extensions.

-- 行政区划 (12-digit 统计用区划代码)
create table region (
    code        varchar(12) primary key,
    name        varchar(100) not null,
    level       varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code varchar(12) references region (code),
    enabled     boolean      not null default true,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    check (code ~ '^[0-9]{12}$')
);
create index region_parent_idx on region (parent_code);
create index region_code_prefix_idx on region (code varchar_pattern_ops);

-- 网格: level 1 = township grid, level 2 = village/community grid
create table grid (
    id          bigserial primary key,
    code        varchar(32)  not null unique,
    name        varchar(100) not null,
    level       smallint     not null check (level in (1, 2)),
    region_code varchar(12)  not null references region (code),
    parent_id   bigint references grid (id),
    enabled     boolean      not null default true,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    check ((level = 1 and parent_id is null) or (level = 2 and parent_id is not null))
);
create index grid_region_idx on grid (region_code varchar_pattern_ops);
create index grid_parent_idx on grid (parent_id);

-- editable dictionaries (sectors, schemes, channels …)
create table dict_item (
    dict_type  varchar(40)  not null,
    code       varchar(40)  not null,
    label      varchar(100) not null,
    sort_order int          not null default 0,
    enabled    boolean      not null default true,
    primary key (dict_type, code)
);

-- 成员单位 and the sectors each supervises (谁审批谁监管, 谁主管谁监管)
create table department (
    id          bigserial primary key,
    name        varchar(100) not null,
    short_name  varchar(40),
    region_code varchar(12)  not null references region (code),
    is_office   boolean      not null default false,
    enabled     boolean      not null default true,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    unique (region_code, name)
);
create table department_sector (
    department_id bigint      not null references department (id),
    sector_code   varchar(40) not null,
    primary key (department_id, sector_code)
);

-- people attached to grids and departments; phone and ID number encrypted (SM4-GCM) with a keyed blind index
create table person (
    id              bigserial primary key,
    name            varchar(50)  not null,
    role            varchar(20)  not null check (role in ('GRID_LEADER', 'GRID_WORKER', 'INFORMANT', 'STAFF')),
    region_code     varchar(12)  not null references region (code),
    grid_id         bigint references grid (id),
    department_id   bigint references department (id),
    phone_enc       bytea,
    phone_idx       varchar(64),
    phone_masked    varchar(20),
    id_number_enc   bytea,
    id_number_idx   varchar(64),
    id_number_masked varchar(20),
    enabled         boolean      not null default true,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);
create index person_region_idx on person (region_code varchar_pattern_ops);
create index person_grid_idx on person (grid_id);
create unique index person_phone_idx on person (phone_idx) where phone_idx is not null;
create unique index person_id_number_idx on person (id_number_idx) where id_number_idx is not null;

-- roles with their permission strings and data scope kind
create table app_role (
    code        varchar(30)  primary key,
    name        varchar(50)  not null,
    scope_kind  varchar(20)  not null check (scope_kind in ('ALL', 'JURISDICTION', 'DEPARTMENT', 'NONE')),
    admin_kind  varchar(20) check (admin_kind in ('SYSTEM', 'SECURITY', 'AUDIT')),
    description varchar(200)
);
create table role_permission (
    role_code  varchar(30) not null references app_role (code),
    permission varchar(60) not null,
    primary key (role_code, permission)
);

create table app_user (
    id                   bigserial primary key,
    username             varchar(40)  not null unique,
    display_name         varchar(50)  not null,
    password_hash        varchar(200) not null,
    region_code          varchar(12) references region (code),
    department_id        bigint references department (id),
    enabled              boolean      not null default true,
    must_change_password boolean      not null default true,
    failed_attempts      int          not null default 0,
    locked_until         timestamptz,
    password_changed_at  timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    check (username ~ '^[a-z][a-z0-9_.-]{2,39}$')
);
create table user_role (
    user_id   bigint      not null references app_user (id),
    role_code varchar(30) not null references app_role (code),
    primary key (user_id, role_code)
);

-- parameters editable on the settings page
create table setting (
    key         varchar(60)  primary key,
    value       varchar(200) not null,
    label       varchar(100) not null,
    updated_at  timestamptz  not null default now()
);

-- append-only audit log: no update, no delete, not even by the owner
create table audit_log (
    id          bigserial primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(40)  not null,
    actor_ip    varchar(64),
    action      varchar(40)  not null,
    target_type varchar(40),
    target_id   varchar(64),
    summary     varchar(500) not null,
    before_data text,
    after_data  text,
    outcome     varchar(10)  not null check (outcome in ('SUCCESS', 'FAILURE'))
);
create index audit_log_time_idx on audit_log (occurred_at desc);
create index audit_log_actor_idx on audit_log (actor, occurred_at desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- 三员分立: an account holding the system, security or audit administrator role holds no other role
create function user_role_separation() returns trigger language plpgsql as $$
begin
    if exists (select 1 from user_role ur join app_role r on r.code = ur.role_code
               where ur.user_id = new.user_id and r.admin_kind is not null)
       and (select count(*) from user_role where user_id = new.user_id) > 1 then
        raise exception 'administrator roles are exclusive (三员分立)';
    end if;
    return new;
end;
$$;
create trigger user_role_separation after insert or update on user_role
    for each row execute function user_role_separation();
