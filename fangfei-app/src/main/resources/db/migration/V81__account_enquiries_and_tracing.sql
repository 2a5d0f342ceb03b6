-- Account enquiries (资金查询) and freezes (冻结) approved by the office head (条例 art. 21), the statements
-- banks answer with, read into the accounts and flows of a case or clue for fund tracing (资金穿透).
-- Account numbers are personal data: SM4-GCM encrypted (AAD = table.column:id), an HMAC-SM3 blind index for
-- look-ups, a masked copy for screens. Nothing of an uploaded statement file is kept.

create table enquiry (
    id             bigserial     primary key,
    kind           varchar(10)   not null check (kind in ('ENQUIRY', 'FREEZE')),
    matter_kind    varchar(4)    not null check (matter_kind in ('CASE', 'CLUE')),
    matter_id      bigint        not null,
    matter_label   varchar(300)  not null,
    region_code    varchar(12)   not null,
    bank           varchar(100)  not null,
    period_from    date,
    period_to      date,
    reason         varchar(1000) not null,
    freeze_fen     bigint,
    freeze_until   date,
    status         varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    drafted_by     varchar(40)   not null,
    drafted_at     timestamptz   not null default now(),
    decided_by     varchar(40),
    decided_at     timestamptz,
    decision_note  varchar(500),
    version        integer       not null default 0
);
create index enquiry_region_idx on enquiry (region_code varchar_pattern_ops, id desc);
create index enquiry_matter_idx on enquiry (matter_kind, matter_id);
create index enquiry_freeze_until_idx on enquiry (freeze_until) where kind = 'FREEZE' and status = 'APPROVED';

-- the accounts an enquiry or freeze names
create table enquiry_account (
    id              bigserial    primary key,
    enquiry_id      bigint       not null references enquiry (id),
    number_enc      bytea        not null,
    number_idx      varchar(64)  not null,
    number_masked   varchar(40)  not null,
    holder          varchar(200) not null
);
create index enquiry_account_enquiry_idx on enquiry_account (enquiry_id);
create index enquiry_account_idx on enquiry_account (number_idx);

-- the bank's answer documents (回执、协助查询/冻结通知书回执), cleaned like every upload
create table enquiry_answer (
    id            bigserial    primary key,
    enquiry_id    bigint       not null references enquiry (id),
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    content       bytea        not null,
    cleaning      varchar(200) not null,
    uploaded_by   varchar(40)  not null,
    uploaded_at   timestamptz  not null default now()
);
create index enquiry_answer_enquiry_idx on enquiry_answer (enquiry_id);

-- a bank's statement layout, remembered by bank and header signature
create table statement_mapping (
    bank              varchar(100) not null,
    header_signature  varchar(64)  not null,
    header            text         not null,
    mapping           text         not null,
    saved_by          varchar(40)  not null,
    saved_at          timestamptz  not null default now(),
    primary key (bank, header_signature)
);

-- one statement file read (the file itself is not kept)
create table statement (
    id            bigserial    primary key,
    enquiry_id    bigint       not null references enquiry (id),
    matter_kind   varchar(4)   not null,
    matter_id     bigint       not null,
    account_id    bigint       not null,
    file_name     varchar(200) not null,
    rows_read     integer      not null,
    rows_loaded   integer      not null,
    duplicates    integer      not null,
    summary_rows  integer      not null,
    loaded_by     varchar(40)  not null,
    loaded_at     timestamptz  not null default now()
);
create index statement_enquiry_idx on statement (enquiry_id);
create index statement_matter_idx on statement (matter_kind, matter_id);

-- the accounts of a matter's statements: the queried ones and their counterparties
create table trace_account (
    id              bigserial    primary key,
    matter_kind     varchar(4)   not null,
    matter_id       bigint       not null,
    number_enc      bytea        not null,
    number_idx      varchar(64)  not null,
    number_masked   varchar(40)  not null,
    holder          varchar(200) not null default '',
    bank            varchar(200) not null default '',
    id_number_idx   varchar(64),
    queried         boolean      not null default false,
    role            varchar(12)  check (role in ('COLLECTION', 'CONTROLLER', 'PAYOUT', 'ASSET', 'PARTICIPANT', 'OTHER')),
    unique (matter_kind, matter_id, number_idx)
);
create index trace_account_id_number_idx on trace_account (matter_kind, matter_id, id_number_idx)
    where id_number_idx is not null;

-- one transfer, however many statements showed it (both sides recognised as one)
create table trace_flow (
    id            bigserial     primary key,
    matter_kind   varchar(4)    not null,
    matter_id     bigint        not null,
    statement_id  bigint        not null,
    line          integer       not null,
    at            timestamp     not null,
    payer_id      bigint        not null,
    payee_id      bigint        not null,
    amount_fen    bigint        not null check (amount_fen > 0),
    serial        varchar(100),
    memo          varchar(500)  not null default '',
    channel       varchar(100)  not null default ''
);
create index trace_flow_payer_idx on trace_flow (matter_kind, matter_id, payer_id);
create index trace_flow_payee_idx on trace_flow (matter_kind, matter_id, payee_id);
create index trace_flow_statement_idx on trace_flow (statement_id);

-- the detector's alerts over a matter's flows, replaced on every load
create table trace_alert (
    id            bigserial     primary key,
    matter_kind   varchar(4)    not null,
    matter_id     bigint        not null,
    account_id    bigint        not null,
    pattern       varchar(40)   not null,
    score         integer       not null,
    first_at      timestamp     not null,
    last_at       timestamp     not null,
    explanation   varchar(1000) not null
);
create index trace_alert_matter_idx on trace_alert (matter_kind, matter_id);

-- art. 21: only the office head approves an enquiry or a freeze
insert into role_permission (role_code, permission) values
  ('OFFICE', 'enquiry:enquiry:view'), ('OFFICE', 'enquiry:enquiry:draft'), ('OFFICE', 'enquiry:statement:load'),
  ('OFFICE', 'enquiry:trace:view'), ('OFFICE', 'enquiry:trace:export'),
  ('OFFICE_HEAD', 'enquiry:enquiry:view'), ('OFFICE_HEAD', 'enquiry:enquiry:draft'),
  ('OFFICE_HEAD', 'enquiry:enquiry:approve'), ('OFFICE_HEAD', 'enquiry:statement:load'),
  ('OFFICE_HEAD', 'enquiry:trace:view'), ('OFFICE_HEAD', 'enquiry:trace:export'),
  ('LEADER', 'enquiry:enquiry:view'), ('LEADER', 'enquiry:trace:view');
