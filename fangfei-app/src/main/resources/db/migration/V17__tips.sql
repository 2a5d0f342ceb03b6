-- 举报 (tips from the public) and 举报奖励 (rewards), see docs/tips.md.
-- The tip's content is what staff work with; the reporter's identity lives in tip_reporter, encrypted
-- (SM4-GCM, AAD tip_reporter.<column>:<tip id>), and is never copied into the clue.
create table tip (
    id                 bigserial primary key,
    tracking_hash      varchar(64)  not null unique,
    region_code        varchar(12)  not null references region (code),
    subject_name       varchar(100) not null,
    subject_address    varchar(200),
    subject_business   varchar(200),
    what_happened      text         not null check (length(what_happened) <= 3000),
    amount_fen         bigint check (amount_fen is null or amount_fen >= 0),
    people_count       integer check (people_count is null or people_count >= 0),
    anonymous          boolean      not null,
    wants_reward       boolean      not null default false,
    declared_staff     boolean      not null default false,
    clue_id            bigint references clue (id),
    clue_code          varchar(20),
    created_at         timestamptz  not null default now()
);
create index tip_region_idx on tip (region_code varchar_pattern_ops, id desc);
create index tip_clue_idx on tip (clue_id);

create table tip_reporter (
    tip_id        bigint primary key references tip (id),
    name_enc      bytea,
    phone_enc     bytea,
    phone_idx     varchar(64),
    contact_enc   bytea,
    name_idx      varchar(64)
);

create table tip_attachment (
    id           bigserial primary key,
    tip_id       bigint       not null references tip (id),
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   integer      not null,
    content      bytea        not null,
    added_at     timestamptz  not null default now()
);
create index tip_attachment_tip_idx on tip_attachment (tip_id);

-- messages between the office and the reporter, seen through the tracking code
create table tip_message (
    id          bigserial primary key,
    tip_id      bigint        not null references tip (id),
    direction   varchar(20)   not null check (direction in ('TO_REPORTER', 'FROM_REPORTER')),
    body        varchar(2000) not null,
    created_by  varchar(40)   not null,
    created_at  timestamptz   not null default now()
);
create index tip_message_tip_idx on tip_message (tip_id, id);

-- reward rules per jurisdiction; the most specific region prefix wins, '' is the default
create table reward_rule (
    region_prefix varchar(12) primary key check (region_prefix ~ '^[0-9]{0,12}$'),
    mode          varchar(20) not null check (mode in ('TIERS', 'PER_MILLE')),
    normal_fen    bigint      check (normal_fen is null or normal_fen >= 0),
    major_fen     bigint      check (major_fen is null or major_fen >= 0),
    per_mille     integer     check (per_mille is null or per_mille between 0 and 1000),
    floor_fen     bigint      check (floor_fen is null or floor_fen >= 0),
    cap_fen       bigint      check (cap_fen is null or cap_fen >= 0),
    updated_by    varchar(40) not null,
    updated_at    timestamptz not null default now()
);
insert into reward_rule (region_prefix, mode, normal_fen, major_fen, updated_by)
values ('', 'TIERS', 200000, 1000000, 'system');

-- one reward case per tip; amounts and the payment record are confidential like the identity
create table reward (
    id            bigserial primary key,
    tip_id        bigint      not null unique references tip (id),
    clue_id       bigint      not null references clue (id),
    state         varchar(20) not null check (state in ('PROPOSED', 'EXCLUDED', 'APPROVED', 'PAID')),
    amount_fen    bigint      not null check (amount_fen >= 0),
    basis         varchar(300) not null,
    exclusions    varchar(500),
    approved_by   varchar(40),
    approved_at   timestamptz,
    approval_note varchar(500),
    paid_on       date,
    payment_enc   bytea,
    paid_by       varchar(40),
    created_at    timestamptz not null default now(),
    version       integer     not null default 0
);

insert into role_permission (role_code, permission) values
  ('OFFICE', 'tip:tip:view'), ('OFFICE', 'tip:message:send'),
  ('OFFICE_HEAD', 'tip:tip:view'), ('OFFICE_HEAD', 'tip:message:send'), ('OFFICE_HEAD', 'tip:reporter:reveal'),
  ('OFFICE_HEAD', 'tip:reward:manage');
