-- Campaigns and tasks (专项行动, docs/campaigns.md): a campaign with its phases, its tasks in
-- groups with a lead unit and assisting units each, the plans units file under it (1+N+3),
-- progress reports per task, unit and period with figures and attachments, and the
-- half-year and final summaries. A unit is a township or county office (region_code) or a
-- member department (department_id); a unit written in the campaign's document that the
-- county does not have keeps its written name and neither.
create table campaign (
    id                bigserial primary key,
    name              varchar(200) not null,
    document          varchar(200),
    region_code       varchar(12)  not null,
    starts_on         date         not null,
    ends_on           date         not null,
    sweep_campaign_id bigint unique,
    created_by        varchar(64)  not null,
    created_at        timestamptz  not null default now(),
    constraint campaign_dates check (ends_on >= starts_on)
);

create table campaign_phase (
    id          bigserial primary key,
    campaign_id bigint       not null references campaign (id) on delete cascade,
    seq         int          not null,
    name        varchar(100) not null,
    starts_on   date         not null,
    ends_on     date         not null,
    note        varchar(500)
);

create table campaign_task (
    id          bigserial primary key,
    campaign_id bigint        not null references campaign (id) on delete cascade,
    group_no    int           not null,
    group_name  varchar(100)  not null,
    seq         int           not null,
    title       varchar(200)  not null,
    body        varchar(4000) not null default '',
    period      varchar(16)   not null,
    due_day     int           not null default 5,
    due_on      date,
    sweep       boolean       not null default false,
    constraint campaign_task_period check (period in ('MONTHLY', 'QUARTERLY', 'ONCE')),
    constraint campaign_task_due_day check (due_day between 1 and 28)
);

create index campaign_task_campaign on campaign_task (campaign_id, group_no, seq);

create table campaign_task_unit (
    id            bigserial primary key,
    task_id       bigint       not null references campaign_task (id) on delete cascade,
    lead          boolean      not null,
    written_name  varchar(100) not null,
    region_code   varchar(12),
    department_id bigint,
    constraint campaign_task_unit_one check (region_code is null or department_id is null)
);

create index campaign_task_unit_task on campaign_task_unit (task_id);
create index campaign_task_unit_region on campaign_task_unit (region_code);
create index campaign_task_unit_department on campaign_task_unit (department_id);

create table campaign_plan (
    id            bigserial primary key,
    campaign_id   bigint        not null references campaign (id) on delete cascade,
    unit_key      varchar(40)   not null,
    unit_name     varchar(100)  not null,
    body          varchar(8000) not null,
    file_name     varchar(200),
    content_type  varchar(120),
    content       bytea,
    cleaning      varchar(100),
    status        varchar(16)   not null default 'FILED',
    review_note   varchar(500),
    filed_by      varchar(64)   not null,
    filed_at      timestamptz   not null,
    reviewed_by   varchar(64),
    reviewed_at   timestamptz,
    constraint campaign_plan_status check (status in ('FILED', 'ACCEPTED', 'RETURNED')),
    unique (campaign_id, unit_key)
);

create table campaign_report (
    id        bigserial primary key,
    unit_id   bigint        not null references campaign_task_unit (id) on delete cascade,
    period    varchar(10)   not null,
    due_on    date          not null,
    body      varchar(4000) not null,
    late      boolean       not null,
    filed_by  varchar(64)   not null,
    filed_at  timestamptz   not null,
    unique (unit_id, period)
);

create table campaign_report_figure (
    report_id bigint       not null references campaign_report (id) on delete cascade,
    seq       int          not null,
    label     varchar(50)  not null,
    value     bigint       not null,
    primary key (report_id, seq)
);

create table campaign_report_file (
    id           bigserial primary key,
    report_id    bigint       not null references campaign_report (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(120) not null,
    content      bytea        not null,
    cleaning     varchar(100) not null
);

create table campaign_summary (
    id            bigserial primary key,
    campaign_id   bigint         not null references campaign (id) on delete cascade,
    kind          varchar(16)    not null,
    title         varchar(200)   not null,
    from_on       date           not null,
    to_on         date           not null,
    body          varchar(20000) not null,
    finalised_by  varchar(64),
    finalised_at  timestamptz,
    created_by    varchar(64)    not null,
    created_at    timestamptz    not null,
    constraint campaign_summary_kind check (kind in ('HALF_YEAR', 'FINAL'))
);

insert into role_permission (role_code, permission) values
  ('OFFICE', 'campaign:campaign:view'), ('OFFICE', 'campaign:campaign:manage'),
  ('OFFICE_HEAD', 'campaign:campaign:view'), ('OFFICE_HEAD', 'campaign:campaign:manage'),
  ('LEADER', 'campaign:campaign:view'),
  ('TOWNSHIP', 'campaign:campaign:view'), ('TOWNSHIP', 'campaign:progress:report'),
  ('DEPARTMENT', 'campaign:campaign:view'), ('DEPARTMENT', 'campaign:progress:report');
