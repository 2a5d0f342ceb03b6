-- The case ledger (案件台账, module casefile): cases opened from determined clues or registered
-- directly, their stages on the administrative or criminal path, figures, subjects and regions,
-- key-case flags, supervision, leader ownership and task force, assets, the participants'
-- register (encrypted like people) and refund batches paid to the fen. See docs/cases.md.

create sequence case_code_seq;

create table case_file (
    id                   bigserial primary key,
    code                 varchar(20)  not null unique,
    title                varchar(200) not null,
    origin               varchar(20)  not null check (origin in ('CLUE', 'ASSIGNED', 'LEGACY')),
    clue_id              bigint unique,
    clue_code            varchar(20),
    path                 varchar(20)  not null check (path in ('ADMINISTRATIVE', 'CRIMINAL')),
    stage                varchar(30)  not null,
    stage_on             date         not null,
    region_code          varchar(12)  not null references region (code),
    sector_code          varchar(40),
    scheme_code          varchar(40),
    amount_raised_fen    bigint  check (amount_raised_fen is null or amount_raised_fen >= 0),
    participants_count   integer check (participants_count is null or participants_count >= 0),
    direct_loss_fen      bigint  check (direct_loss_fen is null or direct_loss_fen >= 0),
    criminal_filed_on    date,
    leader_instruction   varchar(500),
    stability_risk       varchar(500),
    cross_province       boolean      not null default false,
    listed_supervision   boolean      not null default false,
    supervision_note     varchar(500),
    owner_leader_id      bigint references app_user (id),
    timetable            varchar(1000),
    created_by           varchar(40)  not null,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    version              integer      not null default 0
);
create index case_file_region_idx on case_file (region_code varchar_pattern_ops, id desc);
create index case_file_stage_idx on case_file (stage, id desc);
create index case_file_key_idx on case_file (id desc)
    where amount_raised_fen >= 10000000000 or participants_count >= 1000 or leader_instruction is not null
       or stability_risk is not null or cross_province or criminal_filed_on is not null;

-- each stage a case reached, with its date, document number and unit; never changed
create table case_stage (
    id          bigserial primary key,
    case_id     bigint       not null references case_file (id),
    stage       varchar(30)  not null,
    entered_on  date         not null,
    doc_number  varchar(100) not null,
    unit        varchar(100) not null,
    note        varchar(1000),
    recorded_by varchar(40)  not null,
    recorded_at timestamptz  not null default now()
);
create index case_stage_case_idx on case_stage (case_id, id);

-- the timeline: every move and change; append-only
create table case_event (
    id          bigserial primary key,
    case_id     bigint       not null references case_file (id),
    occurred_at timestamptz  not null default now(),
    actor       varchar(40)  not null,
    actor_name  varchar(60)  not null,
    kind        varchar(20)  not null,
    note        varchar(2000)
);
create index case_event_case_idx on case_event (case_id, id);

create function case_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_event is append-only';
end;
$$;
create trigger case_event_no_update before update or delete on case_event
    for each row execute function case_event_is_append_only();
create trigger case_stage_no_update before update or delete on case_stage
    for each row execute function case_event_is_append_only();

create table case_subject (
    case_id    bigint not null references case_file (id),
    subject_id bigint not null references subject (id),
    primary key (case_id, subject_id)
);
create index case_subject_subject_idx on case_subject (subject_id);

-- regions involved besides the lead region (三统两分), with when their office was told (null: a
-- region this deployment does not hold, e.g. in another province, told outside the system)
create table case_region (
    case_id     bigint      not null references case_file (id),
    region_code varchar(12) not null check (region_code ~ '^[0-9]{12}$'),
    notified_at timestamptz,
    primary key (case_id, region_code)
);
create index case_region_region_idx on case_region (region_code varchar_pattern_ops);

-- 一案一专班: units and people of a case's task force
create table case_task_force (
    id         bigserial primary key,
    case_id    bigint       not null references case_file (id),
    unit       varchar(100) not null,
    person     varchar(60)  not null,
    duty       varchar(200),
    added_by   varchar(40)  not null,
    added_at   timestamptz  not null default now()
);
create index case_task_force_case_idx on case_task_force (case_id, id);

-- 追赃挽损: assets traced, seized, frozen and realised
create table case_asset (
    id           bigserial primary key,
    case_id      bigint       not null references case_file (id),
    description  varchar(200) not null,
    status       varchar(20)  not null check (status in ('TRACED', 'SEIZED', 'FROZEN', 'REALISED')),
    value_fen    bigint       not null check (value_fen >= 0),
    realised_fen bigint       check (realised_fen is null or realised_fen >= 0),
    status_on    date         not null,
    holder       varchar(100),
    recorded_by  varchar(40)  not null,
    updated_at   timestamptz  not null default now()
);
create index case_asset_case_idx on case_asset (case_id, id);

-- 集资参与人: identity and phone encrypted (AAD case_participant.<column>:<id>), blind-indexed and masked
create table case_participant (
    id               bigserial primary key,
    case_id          bigint       not null references case_file (id),
    name             varchar(60)  not null,
    id_number_enc    bytea        not null,
    id_number_idx    varchar(64)  not null,
    id_number_masked varchar(20)  not null,
    phone_enc        bytea,
    phone_idx        varchar(64),
    phone_masked     varchar(20),
    invested_fen     bigint       not null check (invested_fen > 0),
    received_fen     bigint       not null default 0 check (received_fen >= 0),
    refunded_fen     bigint       not null default 0 check (refunded_fen >= 0),
    claim            varchar(20)  not null default 'CLAIMED' check (claim in ('CLAIMED', 'ACCEPTED', 'REFUSED')),
    claim_reason     varchar(500),
    created_at       timestamptz  not null default now(),
    check (received_fen + refunded_fen <= invested_fen or claim <> 'ACCEPTED')
);
create unique index case_participant_identity_idx on case_participant (case_id, id_number_idx);
create index case_participant_phone_idx on case_participant (case_id, phone_idx) where phone_idx is not null;
create index case_participant_case_idx on case_participant (case_id, id);

-- 清退批次: an amount distributed pro rata to the accepted participants' net loss, to the fen
create table case_refund_batch (
    id           bigserial primary key,
    case_id      bigint       not null references case_file (id),
    seq          integer      not null,
    amount_fen   bigint       not null check (amount_fen > 0),
    participants integer      not null,
    note         varchar(500),
    created_by   varchar(40)  not null,
    created_at   timestamptz  not null default now(),
    unique (case_id, seq)
);

create table case_refund (
    batch_id       bigint not null references case_refund_batch (id),
    participant_id bigint not null references case_participant (id),
    amount_fen     bigint not null check (amount_fen > 0),
    paid_on        date,
    paid_ref       varchar(100),
    primary key (batch_id, participant_id)
);
create index case_refund_participant_idx on case_refund (participant_id);

-- clues determined as suspected illegal fundraising or crime, waiting for the office to open a case
create table case_candidate (
    clue_id        bigint       primary key,
    clue_code      varchar(20)  not null,
    title          varchar(200),
    region_code    varchar(12)  not null,
    sector_code    varchar(40),
    determination  varchar(30)  not null,
    suggested_path varchar(20)  not null check (suggested_path in ('ADMINISTRATIVE', 'CRIMINAL')),
    amount_fen     bigint,
    people_count   integer,
    clue_version   integer      not null,
    status         varchar(20)  not null default 'WAITING' check (status in ('WAITING', 'OPENED', 'WITHDRAWN')),
    case_id        bigint references case_file (id),
    updated_at     timestamptz  not null default now()
);
create index case_candidate_waiting_idx on case_candidate (region_code varchar_pattern_ops) where status = 'WAITING';

insert into role_permission (role_code, permission) values
  ('OFFICE', 'casefile:case:view'), ('OFFICE', 'casefile:case:edit'), ('OFFICE', 'casefile:refund:manage'),
  ('OFFICE_HEAD', 'casefile:case:view'), ('OFFICE_HEAD', 'casefile:case:edit'), ('OFFICE_HEAD', 'casefile:refund:manage'),
  ('OFFICE_HEAD', 'casefile:case:supervise'),
  ('LEADER', 'casefile:case:view'), ('LEADER', 'casefile:case:supervise'),
  ('TOWNSHIP', 'casefile:case:view'), ('DEPARTMENT', 'casefile:case:view');
