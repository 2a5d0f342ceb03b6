-- Evaluation (考核, module evaluation): the yearly scoring schemes, manual scores with their
-- evidence, finalised (frozen) results, and the 无非法集资社区(村) drive; see docs/evaluation.md.

-- a scoring scheme (考核方案) per year for townships or departments; indicators as JSON,
-- checked by evaluation.Scheme before anything is stored
create table evaluation_scheme (
    id          bigserial primary key,
    year        integer      not null check (year between 2000 and 2099),
    target      varchar(12)  not null check (target in ('TOWNSHIP', 'DEPARTMENT')),
    indicators  text         not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(40)  not null,
    version     integer      not null default 0,
    unique (year, target)
);

-- a manual score (人工评分) of one indicator for one unit (a township's region code or a
-- department's id), with the evidence it rests on
create table evaluation_manual_score (
    scheme_id   bigint       not null references evaluation_scheme (id),
    indicator   varchar(30)  not null,
    unit        varchar(20)  not null,
    points      numeric(6,2) not null check (points >= 0),
    evidence    varchar(500) not null,
    scored_at   timestamptz  not null,
    scored_by   varchar(40)  not null,
    primary key (scheme_id, indicator, unit)
);

-- a finalised evaluation (定稿): the scheme and every unit's points frozen as computed
create table evaluation_result (
    scheme_id     bigint       primary key references evaluation_scheme (id),
    as_of         date         not null,
    finalised_at  timestamptz  not null,
    finalised_by  varchar(40)  not null,
    scheme        text         not null,
    scores        text         not null
);

create function evaluation_result_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'evaluation_result is final';
end;
$$;
create trigger evaluation_result_no_update before update or delete on evaluation_result
    for each row execute function evaluation_result_is_final();

-- a community (村/社区) nominated for the 无非法集资社区(村) drive of a year
create table evaluation_community (
    id             bigserial primary key,
    year           integer      not null check (year between 2000 and 2099),
    region_code    varchar(12)  not null references region (code),
    township_code  varchar(12)  not null references region (code),
    status         varchar(12)  not null check (status in ('NOMINATED', 'SUBMITTED', 'RETURNED', 'CERTIFIED', 'REVOKED')),
    certified_on   date,
    revoked_on     date,
    revoked_reason varchar(300),
    version        integer      not null default 0,
    unique (year, region_code)
);
create index evaluation_community_region_idx on evaluation_community (region_code, status);

-- evidence given by the township for a checklist item (a note and optionally a cleaned photo)
create table evaluation_evidence (
    id            bigserial primary key,
    community_id  bigint       not null references evaluation_community (id),
    item          varchar(20)  not null,
    note          varchar(500) not null,
    photo         bytea,
    photo_type    varchar(40),
    added_at      timestamptz  not null,
    added_by      varchar(40)  not null
);
create index evaluation_evidence_idx on evaluation_evidence (community_id, item);

-- the community's timeline (推荐, 自评上报, 退回, 认定, 撤销); append-only
create table evaluation_community_event (
    id            bigserial primary key,
    community_id  bigint       not null references evaluation_community (id),
    kind          varchar(12)  not null check (kind in ('NOMINATED', 'SUBMITTED', 'RETURNED', 'CERTIFIED', 'REVOKED')),
    occurred_at   timestamptz  not null,
    actor         varchar(40)  not null,
    actor_name    varchar(60)  not null,
    note          varchar(1000)
);
create index evaluation_community_event_idx on evaluation_community_event (community_id, id);
create trigger evaluation_community_event_no_update before update or delete on evaluation_community_event
    for each row execute function evaluation_result_is_final();

insert into role_permission (role_code, permission) values
  ('TOWNSHIP', 'evaluation:score:view'), ('TOWNSHIP', 'evaluation:community:assess'),
  ('OFFICE', 'evaluation:score:view'), ('OFFICE', 'evaluation:scheme:edit'), ('OFFICE', 'evaluation:score:finalise'),
  ('OFFICE', 'evaluation:community:review'),
  ('OFFICE_HEAD', 'evaluation:score:view'), ('OFFICE_HEAD', 'evaluation:scheme:edit'),
  ('OFFICE_HEAD', 'evaluation:score:finalise'), ('OFFICE_HEAD', 'evaluation:community:review'),
  ('LEADER', 'evaluation:score:view');
