-- Petitions and stability (信访维稳, issue 21): petitions with their petitioners (encrypted) and
-- timeline (append-only), key persons and their contact records, the 矛盾摸排 register of
-- disputes caused by fundraising, and the stability risk assessments before a case's sensitive
-- steps (三同步). Owned by the petition module.

create sequence petition_code_seq;

-- 信访件: deadlines in working days (信访工作条例 art. 32, 35, 37)
create table petition (
    id                 bigserial primary key,
    code               varchar(20)   not null unique,
    channel            varchar(10)   not null check (channel in ('LETTER', 'VISIT', 'ONLINE', 'PHONE')),
    received_on        date          not null,
    region_code        varchar(12)   not null,
    sector_code        varchar(40),
    level_reached      varchar(10)   not null check (level_reached in ('COUNTY', 'CITY', 'PROVINCE', 'BEIJING')),
    petitioners_count  integer       not null check (petitioners_count between 1 and 100000),
    collective         boolean       not null,
    case_id            bigint,
    subject_id         bigint,
    request            varchar(2000) not null,
    status             varchar(20)   not null default 'RECEIVED'
                       check (status in ('RECEIVED', 'ACCEPTED', 'NOT_ACCEPTED', 'REPLIED', 'CLOSED')),
    accept_due_on      date          not null,
    accepted_on        date,
    not_accepted_reason varchar(1000),
    finish_due_on      date,
    extension_days     integer check (extension_days between 1 and 30),
    extension_reason   varchar(500),
    replied_on         date,
    reply              varchar(2000),
    satisfaction       varchar(20) check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    overdue_flagged_on date,
    version            integer       not null default 0,
    created_by         varchar(40)   not null,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now()
);
create index petition_region_idx on petition (region_code varchar_pattern_ops, id desc);
create index petition_case_idx on petition (case_id) where case_id is not null;
create index petition_subject_idx on petition (subject_id) where subject_id is not null;
create index petition_open_idx on petition (status, accept_due_on, finish_due_on) where status in ('RECEIVED', 'ACCEPTED');

-- 信访人: identity and phone as people's are (SM4-GCM, HMAC-SM3 blind index, masked copy)
create table petition_petitioner (
    id               bigserial primary key,
    petition_id      bigint      not null references petition (id),
    name             varchar(60) not null,
    id_number_enc    bytea,
    id_number_idx    varchar(64),
    id_number_masked varchar(20),
    phone_enc        bytea,
    phone_idx        varchar(64),
    phone_masked     varchar(20)
);
create index petition_petitioner_petition_idx on petition_petitioner (petition_id);
create index petition_petitioner_id_idx on petition_petitioner (id_number_idx) where id_number_idx is not null;
create index petition_petitioner_phone_idx on petition_petitioner (phone_idx) where phone_idx is not null;

-- the petition's timeline; append-only
create table petition_event (
    id          bigserial primary key,
    petition_id bigint        not null references petition (id),
    occurred_at timestamptz   not null default now(),
    actor       varchar(40)   not null,
    actor_name  varchar(60)   not null,
    kind        varchar(20)   not null,
    note        varchar(2000)
);
create index petition_event_petition_idx on petition_event (petition_id, id);

create function petition_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'petition_event and stability_assessment are append-only';
end;
$$;
create trigger petition_event_no_update before update or delete on petition_event
    for each row execute function petition_event_is_append_only();

-- 重点人员 with the person responsible for each (包保责任人)
create table key_person (
    id                 bigserial primary key,
    region_code        varchar(12)  not null,
    name               varchar(60)  not null,
    id_number_enc      bytea,
    id_number_idx      varchar(64),
    id_number_masked   varchar(20),
    phone_enc          bytea,
    phone_idx          varchar(64),
    phone_masked       varchar(20),
    case_id            bigint,
    reason             varchar(500) not null,
    risk_level         varchar(10)  not null check (risk_level in ('HIGH', 'MEDIUM', 'LOW')),
    responsible_name   varchar(60)  not null,
    responsible_unit   varchar(100) not null,
    status             varchar(10)  not null default 'WATCHED' check (status in ('WATCHED', 'RELEASED')),
    last_contact_on    date,
    version            integer      not null default 0,
    created_by         varchar(40)  not null,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now()
);
create index key_person_region_idx on key_person (region_code varchar_pattern_ops, id desc);
create unique index key_person_identity_idx on key_person (id_number_idx) where id_number_idx is not null;

create table key_person_contact (
    id            bigserial primary key,
    key_person_id bigint        not null references key_person (id),
    contacted_on  date          not null,
    way           varchar(10)   not null check (way in ('VISIT', 'PHONE', 'TALK', 'OTHER')),
    contacted_by  varchar(60)   not null,
    movement      varchar(1000) not null,
    unusual       boolean       not null default false,
    recorded_by   varchar(40)   not null,
    recorded_at   timestamptz   not null default now()
);
create index key_person_contact_person_idx on key_person_contact (key_person_id, contacted_on desc, id desc);

-- 矛盾摸排: disputes caused by fundraising (seed 000, 登记造册, 及时上报反馈)
create table dispute (
    id             bigserial primary key,
    region_code    varchar(12)   not null,
    found_on       date          not null,
    source         varchar(10)   not null check (source in ('VISIT', 'LETTER', 'PATROL', 'GRID', 'OTHER')),
    parties        varchar(200)  not null,
    people_count   integer       not null check (people_count between 1 and 1000000),
    amount_fen     bigint check (amount_fen >= 0),
    description    varchar(2000) not null,
    case_id        bigint,
    subject_id     bigint,
    status         varchar(10)   not null default 'OPEN' check (status in ('OPEN', 'RESOLVING', 'RESOLVED')),
    handling       varchar(2000),
    reported_up    boolean       not null default false,
    resolved_on    date,
    version        integer       not null default 0,
    created_by     varchar(40)   not null,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now()
);
create index dispute_region_idx on dispute (region_code varchar_pattern_ops, id desc);

-- 社会稳定风险评估 before a case's sensitive step (004 task 24); append-only, a newer one supersedes
create table stability_assessment (
    id           bigserial primary key,
    case_id      bigint        not null,
    region_code  varchar(12)   not null,
    step         varchar(20)   not null check (step in ('COERCIVE_MEASURE', 'PUBLIC_STATEMENT', 'REFUND_START', 'TRIAL')),
    risk_level   varchar(10)   not null check (risk_level in ('HIGH', 'MEDIUM', 'LOW')),
    assessed_on  date          not null,
    assessed_by  varchar(100)  not null,
    risks        varchar(2000) not null,
    plan         varchar(2000) not null,
    recorded_by  varchar(40)   not null,
    recorded_at  timestamptz   not null default now()
);
create index stability_assessment_case_idx on stability_assessment (case_id, step);
create index stability_assessment_region_idx on stability_assessment (region_code varchar_pattern_ops, id desc);
create trigger stability_assessment_no_update before update or delete on stability_assessment
    for each row execute function petition_event_is_append_only();

insert into role_permission (role_code, permission) values
  ('OFFICE', 'petition:petition:view'), ('OFFICE', 'petition:petition:edit'), ('OFFICE', 'petition:petition:export'),
  ('OFFICE', 'petition:stability:view'), ('OFFICE', 'petition:stability:edit'), ('OFFICE', 'petition:stability:export'),
  ('OFFICE', 'petition:assessment:edit'),
  ('OFFICE_HEAD', 'petition:petition:view'), ('OFFICE_HEAD', 'petition:petition:edit'),
  ('OFFICE_HEAD', 'petition:petition:export'), ('OFFICE_HEAD', 'petition:stability:view'),
  ('OFFICE_HEAD', 'petition:stability:edit'), ('OFFICE_HEAD', 'petition:stability:export'),
  ('OFFICE_HEAD', 'petition:assessment:edit'),
  ('LEADER', 'petition:petition:view'), ('LEADER', 'petition:petition:export'), ('LEADER', 'petition:stability:view'),
  ('LEADER', 'petition:stability:export'),
  ('TOWNSHIP', 'petition:petition:view'), ('TOWNSHIP', 'petition:petition:edit'), ('TOWNSHIP', 'petition:petition:export'),
  ('TOWNSHIP', 'petition:stability:view'), ('TOWNSHIP', 'petition:stability:edit'),
  ('TOWNSHIP', 'petition:stability:export'),
  ('DEPARTMENT', 'petition:petition:view');
