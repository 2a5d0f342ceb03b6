-- Risk-subject ledger (风险主体台账), buildings and sweeps (扫楼), patrols (走访巡查).

-- 集资模式: how money is raised (editable dictionary)
insert into dict_item (dict_type, code, label, sort_order) values
  ('scheme', 'PRINCIPAL_BACK_SALES', '返本销售', 10),
  ('scheme', 'LEASEBACK', '售后包租', 20),
  ('scheme', 'CONSUMPTION_REBATE', '消费返利', 30),
  ('scheme', 'ELDERLY_CARE', '以养老服务名义', 40),
  ('scheme', 'FAKE_PROJECT', '虚构项目投资', 50),
  ('scheme', 'ORIGINAL_SHARES', '原始股、股权众筹', 60),
  ('scheme', 'VIRTUAL_CURRENCY', '虚拟货币、区块链投资', 70),
  ('scheme', 'GUARANTEED_HIGH_RETURN', '保本高息理财', 80),
  ('scheme', 'COOPERATIVE_SHARES', '合作社吸收股金', 90),
  ('scheme', 'PRIVATE_LOAN', '民间借贷、集资借款', 100),
  ('scheme', 'MEMBERSHIP_REBATE', '会员制、拉人头返利', 110),
  ('scheme', 'OTHER', '其他', 900);

-- 楼宇: office buildings and commercial premises swept for risky tenants
create table building (
    id          bigserial primary key,
    name        varchar(100) not null,
    kind        varchar(20)  not null check (kind in ('OFFICE', 'COMMERCIAL', 'APARTMENT', 'MARKET', 'OTHER')),
    address     varchar(300) not null,
    region_code varchar(12)  not null references region (code),
    grid_id     bigint references grid (id),
    floors      int check (floors is null or floors between 1 and 200),
    notes       varchar(1000),
    enabled     boolean      not null default true,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    unique (region_code, name)
);
create index building_region_idx on building (region_code varchar_pattern_ops);

-- 风险主体
create table subject (
    id                   bigserial primary key,
    kind                 varchar(20)  not null check (kind in ('ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'INDIVIDUAL', 'ORGANISATION', 'PLATFORM')),
    name                 varchar(200) not null,
    credit_code          varchar(18),
    id_number_enc        bytea,
    id_number_idx        varchar(64),
    id_number_masked     varchar(20),
    legal_representative varchar(50),
    registered_address   varchar(300),
    business_address     varchar(300),
    building_id          bigint references building (id),
    unit                 varchar(50),
    region_code          varchar(12)  not null references region (code),
    grid_id              bigint references grid (id),
    sector_code          varchar(40),
    department_id        bigint references department (id),
    scheme_code          varchar(40),
    risk_level           varchar(10) check (risk_level in ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    status               varchar(20)  not null check (status in ('WATCHING', 'RECTIFYING', 'RESOLVED', 'CASE_FILED', 'LOST_CONTACT', 'NO_ACTION')),
    business_scope       varchar(2000),
    statutory_words      varchar(100),
    word_review          varchar(10) check (word_review in ('PENDING', 'CONFIRMED', 'CLEARED')),
    notes                varchar(2000),
    created_by           varchar(40)  not null,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    check (credit_code is null or credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    check ((statutory_words is null) = (word_review is null))
);
create unique index subject_credit_code_idx on subject (credit_code) where credit_code is not null;
create unique index subject_id_number_idx on subject (id_number_idx) where id_number_idx is not null;
create index subject_region_idx on subject (region_code varchar_pattern_ops, id);
create index subject_region_name_idx on subject (region_code, name);
create index subject_name_idx on subject (name varchar_pattern_ops);
create index subject_building_idx on subject (building_id);
create index subject_word_review_idx on subject (word_review) where word_review = 'PENDING';

-- 动态管理台账: the ledger as it stood at the end of a month
create table subject_snapshot (
    month        char(7)      not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    subject_id   bigint       not null,
    name         varchar(200) not null,
    kind         varchar(20)  not null,
    region_code  varchar(12)  not null,
    sector_code  varchar(40),
    risk_level   varchar(10),
    status       varchar(20)  not null,
    primary key (month, subject_id)
);
create index subject_snapshot_region_idx on subject_snapshot (month, region_code varchar_pattern_ops);
create table subject_snapshot_run (
    month      char(7)     primary key,
    taken_at   timestamptz not null default now(),
    taken_by   varchar(40) not null,
    subjects   int         not null
);

-- 扫楼 sweeps, optionally within a campaign
create table sweep_campaign (
    id          bigserial primary key,
    name        varchar(100) not null,
    region_code varchar(12)  not null references region (code),
    starts_on   date         not null,
    ends_on     date         not null,
    created_at  timestamptz  not null default now(),
    check (ends_on >= starts_on)
);
create table building_sweep (
    id              bigserial primary key,
    building_id     bigint       not null references building (id),
    campaign_id     bigint references sweep_campaign (id),
    swept_on        date         not null,
    swept_by        varchar(40)  not null,
    participants    varchar(300),
    tenants_checked int          not null default 0 check (tenants_checked >= 0),
    risks_found     int          not null default 0 check (risks_found >= 0),
    findings        varchar(2000),
    created_at      timestamptz  not null default now()
);
create index building_sweep_building_idx on building_sweep (building_id, swept_on desc);

-- 走访巡查
create table patrol (
    id                      bigserial primary key,
    region_code             varchar(12)  not null references region (code),
    grid_id                 bigint references grid (id),
    subject_id              bigint references subject (id),
    building_id             bigint references building (id),
    worker                  varchar(40)  not null,
    visited_at              timestamptz  not null,
    place                   varchar(300) not null,
    legally_registered      varchar(10)  not null check (legally_registered in ('YES', 'NO', 'UNKNOWN')),
    fundraising_approved    varchar(10)  not null check (fundraising_approved in ('YES', 'NO', 'UNKNOWN', 'NONE')),
    solicits_public         varchar(10)  not null check (solicits_public in ('YES', 'NO', 'UNKNOWN')),
    promises_high_returns   varchar(10)  not null check (promises_high_returns in ('YES', 'NO', 'UNKNOWN')),
    hides_behind_legal_form varchar(10)  not null check (hides_behind_legal_form in ('YES', 'NO', 'UNKNOWN')),
    ads_or_stalls_seen      varchar(10)  not null check (ads_or_stalls_seen in ('YES', 'NO', 'UNKNOWN')),
    notes                   varchar(2000),
    raise_clue              boolean      not null default false,
    created_at              timestamptz  not null default now(),
    check (subject_id is not null or building_id is not null)
);
create index patrol_region_idx on patrol (region_code varchar_pattern_ops, visited_at desc);
create index patrol_grid_idx on patrol (grid_id, visited_at desc);
create index patrol_subject_idx on patrol (subject_id, visited_at desc);
create table patrol_photo (
    id           bigserial primary key,
    patrol_id    bigint       not null references patrol (id),
    content_type varchar(20)  not null check (content_type in ('image/jpeg', 'image/png')),
    bytes        bytea        not null,
    size         int          not null,
    created_at   timestamptz  not null default now()
);
create index patrol_photo_patrol_idx on patrol_photo (patrol_id);

-- A finding marked "raise a clue", waiting for the clue workflow to take it in (see docs/patrols.md)
create table pending_finding (
    id          bigserial primary key,
    patrol_id   bigint       not null references patrol (id) unique,
    subject_id  bigint references subject (id),
    region_code varchar(12)  not null,
    summary     varchar(500) not null,
    created_at  timestamptz  not null default now(),
    taken_at    timestamptz,
    clue_ref    varchar(40)
);
create index pending_finding_open_idx on pending_finding (created_at) where taken_at is null;

insert into role_permission (role_code, permission) values
  ('OFFICE', 'subject:subject:view'), ('OFFICE', 'subject:subject:edit'), ('OFFICE', 'subject:subject:import'),
  ('OFFICE', 'subject:subject:export'), ('OFFICE', 'subject:snapshot:take'), ('OFFICE', 'subject:word:review'),
  ('OFFICE', 'building:building:view'), ('OFFICE', 'building:building:edit'), ('OFFICE', 'building:sweep:edit'),
  ('OFFICE', 'patrol:patrol:view'), ('OFFICE', 'patrol:patrol:create'),
  ('LEADER', 'subject:subject:view'), ('LEADER', 'subject:subject:export'), ('LEADER', 'building:building:view'),
  ('LEADER', 'patrol:patrol:view'),
  ('TOWNSHIP', 'subject:subject:view'), ('TOWNSHIP', 'subject:subject:edit'), ('TOWNSHIP', 'subject:subject:import'),
  ('TOWNSHIP', 'subject:subject:export'), ('TOWNSHIP', 'building:building:view'), ('TOWNSHIP', 'building:building:edit'),
  ('TOWNSHIP', 'building:sweep:edit'), ('TOWNSHIP', 'patrol:patrol:view'), ('TOWNSHIP', 'patrol:patrol:create'),
  ('DEPARTMENT', 'subject:subject:view'), ('DEPARTMENT', 'subject:subject:export'), ('DEPARTMENT', 'subject:word:review'),
  ('DEPARTMENT', 'patrol:patrol:view'),
  ('GRID_WORKER', 'subject:subject:view'), ('GRID_WORKER', 'subject:subject:edit'), ('GRID_WORKER', 'building:building:view'),
  ('GRID_WORKER', 'patrol:patrol:view'), ('GRID_WORKER', 'patrol:patrol:create');
