-- The risk index (风险指数) and its warnings (预警), owned by the warning module (docs/warning.md).

-- what the module knows of each subject it has heard of, with its current index and tier
create table warning_subject (
    subject_id   bigint       primary key,
    name         varchar(200) not null,
    region_code  varchar(12)  not null,
    sector_code  varchar(40),
    department_id bigint,
    legal_rep    varchar(100),
    address      varchar(300),
    version      bigint       not null default 0,
    score        smallint     not null default 0 check (score between 0 and 100),
    tier         varchar(6)   not null default 'BLUE' check (tier in ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    computed_at  timestamptz  not null default now()
);
create index warning_subject_region_idx on warning_subject (region_code varchar_pattern_ops);
create index warning_subject_tier_idx on warning_subject (tier, score desc);
create index warning_subject_legal_rep_idx on warning_subject (legal_rep) where legal_rep is not null;
create index warning_subject_address_idx on warning_subject (address) where address is not null;

-- every contribution to an index, with the record it comes from (ref_kind, ref_id)
create table warning_signal (
    id          bigserial    primary key,
    subject_id  bigint       not null,
    kind        varchar(20)  not null check (kind in ('CLUE', 'MONITORING', 'AD', 'KEY_SECTOR', 'STATUTORY_WORDS',
                  'LICENCE', 'MANUAL', 'PETITION', 'PATROL', 'SWEEP', 'LINK')),
    ref_kind    varchar(20)  not null,
    ref_id      bigint       not null,
    strength    numeric(5,2) not null check (strength > 0 and strength <= 5),
    decays      boolean      not null,
    at          timestamptz  not null,
    label       varchar(400) not null,
    link        varchar(200),
    unique (subject_id, kind, ref_kind, ref_id)
);
create index warning_signal_subject_idx on warning_signal (subject_id);

-- the index's history: a row when the tier changes or the score moves by 5 or more
create table warning_index_history (
    subject_id  bigint       not null,
    at          timestamptz  not null,
    score       smallint     not null,
    tier        varchar(6)   not null,
    primary key (subject_id, at)
);

-- subjects that became a case or were determined as illegal fundraising, for the back-test
create table warning_outcome (
    subject_id  bigint       not null,
    kind        varchar(10)  not null check (kind in ('CASE', 'DETERMINED')),
    ref_id      bigint       not null,
    ref_code    varchar(60)  not null,
    at          date         not null,
    primary key (subject_id, kind, ref_id)
);

-- the nightly back-test: days before the outcome the index first reached orange and red
create table warning_backtest (
    subject_id  bigint       not null,
    kind        varchar(10)  not null,
    ref_code    varchar(60)  not null,
    outcome_on  date         not null,
    orange_on   date,
    red_on      date,
    computed_at timestamptz  not null,
    primary key (subject_id, kind, ref_code)
);

create table warning_setting (
    key        varchar(60)  primary key,
    label      varchar(100) not null,
    value      varchar(400) not null,
    updated_at timestamptz  not null default now()
);
insert into warning_setting (key, label, value) values
  ('weight.CLUE', '线索、举报(每条)', '25'),
  ('weight.MONITORING', '资金监测预警(每条)', '30'),
  ('weight.AD', '广告资讯命中(满分时)', '25'),
  ('weight.KEY_SECTOR', '重点领域行业', '15'),
  ('weight.STATUTORY_WORDS', '名称或经营范围含法定禁用字样', '20'),
  ('weight.LICENCE', '证照异常', '15'),
  ('weight.MANUAL', '人工评定风险等级(红色时)', '40'),
  ('weight.PETITION', '信访(每件)', '20'),
  ('weight.PATROL', '巡查发现问题(每次)', '20'),
  ('weight.SWEEP', '扫楼发现问题(每次)', '15'),
  ('weight.LINK', '关联高风险主体(同一负责人或地址)', '15'),
  ('half-life-days', '动态信号的半衰期(天)', '90'),
  ('tier.YELLOW', '黄色下限', '30'),
  ('tier.ORANGE', '橙色下限', '60'),
  ('tier.RED', '红色下限', '80'),
  ('due.ORANGE', '橙色预警反馈时限(工作日)', '5'),
  ('due.RED', '红色预警反馈时限(工作日)', '3'),
  ('key-sectors', '重点领域(行业代码，逗号分隔)',
   'INVESTMENT_CONSULTING,WEALTH_MANAGEMENT,PRIVATE_LENDING_AGENCY,PRIVATE_FUND,THIRD_PARTY_WEALTH,ELDERLY_CARE,FARMER_COOPERATIVE,VIRTUAL_CURRENCY,CULTURE_TOURISM,FILM_INVESTMENT,DEBT_RELIEF,AGRICULTURE,COMMERCE_SERVICE');

-- a warning pushed to the responsible township (and department) on entering orange or red
create table warning (
    id            bigserial    primary key,
    subject_id    bigint       not null,
    subject_name  varchar(200) not null,
    region_code   varchar(12)  not null,
    sector_code   varchar(40),
    unit_code     varchar(12)  not null,
    department_id bigint,
    tier          varchar(6)   not null check (tier in ('RED', 'ORANGE')),
    score         smallint     not null,
    reasons       varchar(1000) not null,
    raised_at     timestamptz  not null,
    due_on        date         not null,
    status        varchar(10)  not null check (status in ('OPEN', 'ANSWERED')),
    escalated_at  timestamptz,
    checked       varchar(1000),
    done          varchar(1000),
    proposed_tier varchar(6)   check (proposed_tier in ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    visited_on    date,
    visit_note    varchar(1000),
    answered_by   varchar(60),
    answered_at   timestamptz,
    check (status = 'OPEN' or (checked is not null and done is not null and proposed_tier is not null)),
    check (status = 'OPEN' or tier <> 'RED' or visited_on is not null)
);
create index warning_open_idx on warning (status, due_on);
create index warning_subject_idx on warning (subject_id);
create index warning_region_idx on warning (region_code varchar_pattern_ops);

-- 风险提示: a public notice about a subject, published by the office on the portal
create table warning_notice (
    id            bigserial    primary key,
    subject_id    bigint       not null,
    title         varchar(200) not null,
    body          varchar(4000) not null,
    published_at  timestamptz  not null,
    published_by  varchar(60)  not null,
    withdrawn_at  timestamptz
);

-- the township map the administrator imported (GeoJSON), replacing the schematic tile map
create table warning_map (
    id          int          primary key check (id = 1),
    geojson     text         not null,
    imported_at timestamptz  not null,
    imported_by varchar(60)  not null
);

-- clue inflow and close-outs by month for the cockpit, one row per clue and kind, from ClueEvent
create table warning_clue_flow (
    clue_id     bigint       not null,
    kind        varchar(10)  not null check (kind in ('REGISTERED', 'CLOSED')),
    month       date         not null,
    region_code varchar(12)  not null,
    primary key (clue_id, kind)
);
create index warning_clue_flow_month_idx on warning_clue_flow (month, region_code varchar_pattern_ops);
