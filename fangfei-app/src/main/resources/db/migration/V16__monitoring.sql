-- 资金监测 (issue 6): uploaded bank exports, their transfers kept as evidence, alerts from uploads
-- and from the Flink job, and the column mappings remembered per header. Times of transfers and
-- alerts are local times (Asia/Shanghai) as the bank writes them, hence timestamp without zone;
-- money is bigint fen.

create table monitoring_batch (
    id               bigserial primary key,
    file_name        varchar(200) not null,
    file_kind        varchar(4)   not null check (file_kind in ('CSV', 'XLSX')),
    header_signature varchar(64)  not null,
    mapping          varchar(1000),
    region_code      varchar(12)  not null references region (code),
    uploaded_by      varchar(40)  not null,
    uploaded_at      timestamptz  not null default now(),
    status           varchar(10)  not null check (status in ('MAPPING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    phase            varchar(40),
    progress         integer      not null default 0 check (progress between 0 and 100),
    row_count        integer      not null default 0,
    transfer_count   integer      not null default 0,
    alert_count      integer      not null default 0,
    new_alert_count  integer      not null default 0,
    error            varchar(2000),
    error_line       integer,
    started_at       timestamptz,
    finished_at      timestamptz
);
create index monitoring_batch_region_idx on monitoring_batch (region_code, id desc);

-- the uploaded file, kept only until its batch is done or failed
create table monitoring_batch_file (
    batch_id bigint primary key references monitoring_batch (id) on delete cascade,
    content  bytea  not null
);

-- every row of a batch, so that any alert's evidence (the account's transfers in its window) can
-- be shown; line is the row number the user sees in the file (the header is 1)
create table monitoring_transfer (
    id            bigserial primary key,
    batch_id      bigint       not null references monitoring_batch (id) on delete cascade,
    line          integer      not null,
    tx_id         varchar(100) not null,
    tx_time       timestamp    not null,
    payer_account varchar(64)  not null,
    payer_name    varchar(200) not null default '',
    payee_account varchar(64)  not null,
    payee_name    varchar(200) not null default '',
    amount_fen    bigint       not null check (amount_fen > 0),
    channel       varchar(40)  not null default '',
    memo          varchar(500) not null default ''
);
create index monitoring_transfer_payer_idx on monitoring_transfer (payer_account, tx_time);
create index monitoring_transfer_payee_idx on monitoring_transfer (payee_account, tx_time);
create index monitoring_transfer_batch_idx on monitoring_transfer (batch_id);

create table monitoring_alert (
    id             bigserial primary key,
    alert_id       varchar(200) not null unique,
    source         varchar(6)   not null check (source in ('UPLOAD', 'FLINK')),
    batch_id       bigint references monitoring_batch (id),
    region_code    varchar(12)  not null references region (code),
    account        varchar(64)  not null,
    holder_name    varchar(200),
    pattern        varchar(40)  not null,
    score          integer      not null check (score between 0 and 100),
    first_time     timestamp    not null,
    last_time      timestamp    not null,
    tx_count       integer      not null check (tx_count >= 0),
    amount_in_fen  bigint       not null check (amount_in_fen >= 0),
    amount_out_fen bigint       not null check (amount_out_fen >= 0),
    counterparties integer      not null check (counterparties >= 0),
    explanation    varchar(4000) not null,
    status         varchar(10)  not null default 'NEW' check (status in ('NEW', 'CLUED', 'DISMISSED')),
    clue_id        bigint,
    clue_code      varchar(40),
    dismiss_reason varchar(500),
    handled_by     varchar(40),
    handled_at     timestamptz,
    received_by    varchar(40)  not null,
    received_at    timestamptz  not null default now(),
    check (first_time <= last_time),
    check (status <> 'CLUED' or clue_id is not null),
    check (status <> 'DISMISSED' or dismiss_reason is not null)
);
create index monitoring_alert_scope_idx on monitoring_alert (region_code, status, score desc);
create index monitoring_alert_batch_idx on monitoring_alert (batch_id);

-- a bank export's column mapping, remembered by the signature of its header row, so the next
-- file with the same header maps by itself for everyone
create table monitoring_mapping (
    header_signature varchar(64)   primary key,
    header           varchar(4000) not null,
    mapping          varchar(1000) not null,
    saved_by         varchar(40)   not null,
    saved_at         timestamptz   not null default now()
);

insert into role_permission (role_code, permission) values
  ('OFFICE', 'monitoring:alert:view'), ('OFFICE', 'monitoring:batch:upload'), ('OFFICE', 'monitoring:alert:clue'),
  ('OFFICE', 'monitoring:alert:ingest'),
  ('OFFICE_HEAD', 'monitoring:alert:view'), ('OFFICE_HEAD', 'monitoring:batch:upload'),
  ('OFFICE_HEAD', 'monitoring:alert:clue'),
  ('TOWNSHIP', 'monitoring:alert:view'), ('TOWNSHIP', 'monitoring:batch:upload'), ('TOWNSHIP', 'monitoring:alert:clue'),
  ('DEPARTMENT', 'monitoring:alert:view');
