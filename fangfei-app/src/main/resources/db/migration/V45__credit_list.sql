-- The credit list (失信名单, module credit; seed 003 art. 14 "一处发现，处处受限"): subjects listed on
-- a final administrative penalty or a criminal judgment in force, removed on expiry or by credit
-- repair (entries are never deleted), repair applications, the log of every department query,
-- and the county's settings (public list, default periods). See docs/credit.md.

create table credit_entry (
    id               bigserial primary key,
    subject_id       bigint       not null,
    subject_kind     varchar(30)  not null,
    subject_name     varchar(200) not null,
    credit_code      varchar(18),
    id_number_idx    varchar(64),
    id_number_masked varchar(20),
    region_code      varchar(12)  not null,
    basis_kind       varchar(30)  not null check (basis_kind in ('ADMIN_PENALTY', 'CRIMINAL_JUDGMENT')),
    source           varchar(10)  not null check (source in ('CASE', 'CLUE', 'DEMO')),
    source_id        bigint       not null,
    source_code      varchar(20)  not null,
    source_title     varchar(200),
    basis_doc        varchar(100) not null,
    basis_unit       varchar(100),
    basis_on         date         not null,
    period_years     integer      not null check (period_years between 1 and 10),
    expires_on       date         not null,
    status           varchar(20)  not null default 'LISTED' check (status in ('LISTED', 'EXPIRED', 'REPAIRED')),
    ended_on         date,
    ended_note       varchar(500),
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    version          integer      not null default 0,
    -- one entry per subject per basis document: a redelivered event or the same decision
    -- reported by both the clue and its case lists the subject once
    unique (subject_id, basis_doc)
);
create index credit_entry_region_idx on credit_entry (region_code varchar_pattern_ops, id desc);
create index credit_entry_subject_idx on credit_entry (subject_id);
create index credit_entry_code_idx on credit_entry (credit_code) where credit_code is not null;
create index credit_entry_id_number_idx on credit_entry (id_number_idx) where id_number_idx is not null;
create index credit_entry_expiry_idx on credit_entry (expires_on) where status = 'LISTED';

-- 信用修复: an application with its reason and supporting document, decided by the office head
create table credit_repair (
    id            bigserial primary key,
    entry_id      bigint        not null references credit_entry (id),
    reason        varchar(1000) not null,
    doc_number    varchar(100)  not null,
    status        varchar(20)   not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    applied_by    varchar(40)   not null,
    applied_at    timestamptz   not null default now(),
    decided_by    varchar(40),
    decided_at    timestamptz,
    decision_note varchar(500)
);
create unique index credit_repair_pending_idx on credit_repair (entry_id) where status = 'PENDING';

-- every query of the list by name, credit code or ID number: who, when, what (an ID number only
-- masked and as its blind index), how many entries it found
create table credit_query_log (
    id          bigserial primary key,
    asked_by    varchar(40)  not null,
    asked_name  varchar(100),
    region_code varchar(12),
    via         varchar(10)  not null check (via in ('PAGE', 'API')),
    key_kind    varchar(20)  not null check (key_kind in ('NAME', 'CREDIT_CODE', 'ID_NUMBER')),
    asked       varchar(200) not null,
    asked_idx   varchar(64),
    hits        integer      not null,
    asked_at    timestamptz  not null default now()
);
create index credit_query_log_region_idx on credit_query_log (region_code varchar_pattern_ops, id desc);

create table credit_setting (
    key        varchar(60)  primary key,
    label      varchar(100) not null,
    value      varchar(100) not null,
    updated_at timestamptz  not null default now()
);
insert into credit_setting (key, label, value) values
  ('public-list', '向社会公开失信企业名单', 'false'),
  ('period.ADMIN_PENALTY', '行政处罚的默认列入期限(年)', '3'),
  ('period.CRIMINAL_JUDGMENT', '刑事判决的默认列入期限(年)', '5');

insert into role_permission (role_code, permission) values
  ('OFFICE', 'credit:entry:view'), ('OFFICE', 'credit:entry:query'), ('OFFICE', 'credit:entry:export'),
  ('OFFICE', 'credit:repair:apply'), ('OFFICE', 'credit:log:view'),
  ('OFFICE_HEAD', 'credit:entry:view'), ('OFFICE_HEAD', 'credit:entry:query'), ('OFFICE_HEAD', 'credit:entry:export'),
  ('OFFICE_HEAD', 'credit:repair:apply'), ('OFFICE_HEAD', 'credit:repair:approve'), ('OFFICE_HEAD', 'credit:log:view'),
  ('OFFICE_HEAD', 'credit:setting:edit'),
  ('LEADER', 'credit:entry:view'), ('LEADER', 'credit:entry:query'), ('LEADER', 'credit:entry:export'),
  ('LEADER', 'credit:log:view'),
  ('TOWNSHIP', 'credit:entry:view'), ('TOWNSHIP', 'credit:entry:query'),
  ('DEPARTMENT', 'credit:entry:view'), ('DEPARTMENT', 'credit:entry:query');
