-- Ad screening (广告资讯排查; docs/ads.md): texts of ads and crawled posts scored by the
-- screener of fangfei-detect, in batches (one paste, one upload, one API call); hits linked to
-- ledger subjects and turned into clues; the office's copy of the screener's dictionary.

create table ad_batch (
    id           bigserial primary key,
    channel      varchar(10)   not null check (channel in ('PASTE', 'UPLOAD', 'API')),
    file_name    varchar(200),
    region_code  varchar(12)   not null references region (code),
    texts        integer       not null check (texts >= 0),
    hits         integer       not null check (hits >= 0),
    created_by   varchar(40)   not null,
    created_at   timestamptz   not null default now()
);
create index ad_batch_region_idx on ad_batch (region_code varchar_pattern_ops, id desc);

-- one text as screened; repeated posts share text_key (the text as the screener reads it, hashed)
create table ad_post (
    id            bigserial primary key,
    batch_id      bigint        not null references ad_batch (id),
    region_code   varchar(12)   not null references region (code),
    url           varchar(1000),
    title         varchar(300),
    body          text          not null,
    published_at  timestamptz,
    text_key      varchar(64)   not null,
    score         integer       not null check (score between 0 and 100),
    flagged       boolean       not null,
    explanation   varchar(4000) not null,
    subject_id    bigint,
    subject_name  varchar(200),
    clue_id       bigint,
    clue_code     varchar(40),
    created_at    timestamptz   not null default now()
);
create index ad_post_region_idx on ad_post (region_code varchar_pattern_ops, flagged, score desc, id desc);
create index ad_post_key_idx on ad_post (text_key);
create index ad_post_batch_idx on ad_post (batch_id);

-- the office's dictionary; the latest row is the one in use, older rows are its history
create table ad_dictionary (
    id          bigserial primary key,
    body        text         not null,
    updated_by  varchar(40)  not null,
    updated_at  timestamptz  not null default now()
);

insert into role_permission (role_code, permission) values
  ('OFFICE', 'ad:ad:view'), ('OFFICE', 'ad:ad:screen'), ('OFFICE', 'ad:ad:clue'), ('OFFICE', 'ad:ad:export'),
  ('OFFICE', 'ad:dictionary:edit'),
  ('OFFICE_HEAD', 'ad:ad:view'), ('OFFICE_HEAD', 'ad:ad:screen'), ('OFFICE_HEAD', 'ad:ad:clue'),
  ('OFFICE_HEAD', 'ad:ad:export'), ('OFFICE_HEAD', 'ad:dictionary:edit'),
  ('LEADER', 'ad:ad:view'), ('LEADER', 'ad:ad:export'),
  ('TOWNSHIP', 'ad:ad:view'), ('TOWNSHIP', 'ad:ad:screen');
