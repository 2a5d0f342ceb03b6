-- Participants register themselves (集资参与人登记, module casefile): registration windows the
-- office opens for a case, the claims participants send through the public page without an
-- account, their documents, the five duties of 三统两分 and the cross-province register's own
-- fields. See docs/cases.md.

-- 登记窗口: a period in which participants may register; later ones are supplementary
create table case_claim_window (
    id          bigserial primary key,
    case_id     bigint        not null references case_file (id),
    seq         integer       not null,
    opens_on    date          not null,
    closes_on   date          not null,
    notice      varchar(2000) not null,
    closed_at   timestamptz,
    opened_by   varchar(40)   not null,
    opened_at   timestamptz   not null default now(),
    closed_by   varchar(40),
    unique (case_id, seq),
    check (closes_on >= opens_on)
);
create index case_claim_window_open_idx on case_claim_window (closes_on) where closed_at is null;

-- a participant's claim: identity, phone, refund account (and a claimant's ID) encrypted with
-- AAD case_claim.<column>:<id>; id_number_idx uses the register's blind-index context
-- (case_participant.id_number) so that a claim finds its participant
create table case_claim (
    id                  bigserial primary key,
    case_id             bigint       not null references case_file (id),
    window_id           bigint       not null references case_claim_window (id),
    code_hash           varchar(64)  not null unique,
    supplement_of       bigint references case_claim (id),
    name                varchar(60)  not null,
    id_number_enc       bytea        not null,
    id_number_idx       varchar(64)  not null,
    id_number_masked    varchar(20)  not null,
    phone_enc           bytea        not null,
    phone_masked        varchar(20)  not null,
    invested_fen        bigint       not null check (invested_fen > 0),
    received_fen        bigint       not null check (received_fen >= 0),
    bank_name           varchar(60)  not null,
    account_holder      varchar(60)  not null,
    account_enc         bytea        not null,
    account_masked      varchar(30)  not null,
    claimant            varchar(10)  not null check (claimant in ('SELF', 'HEIR', 'AGENT')),
    claimant_name       varchar(60),
    claimant_id_enc     bytea,
    claimant_id_masked  varchar(20),
    relation            varchar(60),
    statement           varchar(2000),
    status              varchar(12)  not null default 'SUBMITTED'
                        check (status in ('SUBMITTED', 'ACCEPTED', 'CORRECTED', 'REFUSED')),
    decided_invested_fen bigint check (decided_invested_fen is null or decided_invested_fen > 0),
    decided_received_fen bigint check (decided_received_fen is null or decided_received_fen >= 0),
    reason              varchar(500),
    participant_id      bigint references case_participant (id),
    decided_by          varchar(40),
    decided_at          timestamptz,
    submitted_at        timestamptz  not null default now(),
    unique (window_id, id_number_idx),
    check (received_fen <= invested_fen),
    check (claimant = 'SELF' or (claimant_name is not null and claimant_id_enc is not null)),
    check (status <> 'REFUSED' or reason is not null)
);
create index case_claim_case_idx on case_claim (case_id, status, id desc);
create index case_claim_identity_idx on case_claim (case_id, id_number_idx);

-- documents of an heir or agent (继承、委托证明), cleaned exactly as tip attachments are
create table case_claim_document (
    id           bigserial primary key,
    claim_id     bigint       not null references case_claim (id),
    file_name    varchar(100) not null,
    content_type varchar(100) not null,
    size_bytes   integer      not null,
    content      bytea        not null,
    cleaning     varchar(200) not null
);
create index case_claim_document_claim_idx on case_claim_document (claim_id);

-- 三统两分: who holds each of the five duties. A unified duty (统一指挥协调, 统一办案要求,
-- 统一资产处置政策) has one row, the one region that holds it; a separate duty (分别立案侦查诉讼,
-- 分别落实维稳属地责任) has one row per region holding its own part.
create table case_duty (
    case_id     bigint       not null references case_file (id),
    duty        varchar(30)  not null check (duty in ('COMMAND', 'REQUIREMENTS', 'ASSET_POLICY',
                                                      'INVESTIGATION', 'STABILITY')),
    region_code varchar(12)  not null check (region_code ~ '^[0-9]{12}$'),
    unit        varchar(100) not null,
    note        varchar(500),
    set_by      varchar(40)  not null,
    set_at      timestamptz  not null default now(),
    primary key (case_id, duty, region_code)
);

-- 跨省非法集资案件登记: what the 处非办 keeps besides the case itself
create table case_cross_province (
    case_id             bigint       primary key references case_file (id),
    role                varchar(10)  not null check (role in ('LEAD', 'ASSIST')),
    lead_province       varchar(40)  not null,
    local_participants  integer      check (local_participants is null or local_participants >= 0),
    local_amount_fen    bigint       check (local_amount_fen is null or local_amount_fen >= 0),
    liaison             varchar(100),
    progress            varchar(1000),
    updated_by          varchar(40)  not null,
    updated_at          timestamptz  not null default now()
);

insert into role_permission (role_code, permission) values
  ('OFFICE', 'casefile:claim:manage'), ('OFFICE_HEAD', 'casefile:claim:manage');
