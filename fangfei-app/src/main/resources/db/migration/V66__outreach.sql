-- Outreach and training (宣传教育, 培训; docs/outreach.md): activities at the 七进 venues with their
-- photos, materials and volunteers, the yearly plan per township, the materials library, awareness
-- surveys answered without an account, typical cases written from closed cases, training sessions
-- with their attendees, volunteers, industry associations and their reports on members.

create table outreach_activity (
    id              bigserial primary key,
    venue           varchar(20)   not null check (venue in ('AGENCY', 'ENTERPRISE', 'SCHOOL', 'COMMUNITY', 'VILLAGE',
                                                            'FAMILY', 'SQUARE', 'BANK', 'OTHER')),
    held_on         date          not null,
    region_code     varchar(12)   not null references region (code),
    place           varchar(200)  not null,
    organiser       varchar(100)  not null,
    forms           varchar(200)  not null,
    people_reached  integer       not null check (people_reached >= 0),
    elderly         boolean       not null default false,
    low_income      boolean       not null default false,
    materials_given integer       not null default 0 check (materials_given >= 0),
    association_id  bigint,
    summary         varchar(2000),
    created_by      varchar(40)   not null,
    created_at      timestamptz   not null default now()
);
create index outreach_activity_region_idx on outreach_activity (region_code varchar_pattern_ops, held_on desc);

create table outreach_activity_photo (
    id           bigserial primary key,
    activity_id  bigint       not null references outreach_activity (id),
    content_type varchar(40)  not null,
    content      bytea        not null
);
create index outreach_activity_photo_idx on outreach_activity_photo (activity_id);

create table outreach_material (
    id           bigserial primary key,
    kind         varchar(20)   not null check (kind in ('LEAFLET', 'POSTER', 'BROCHURE', 'VIDEO', 'BANNER', 'OTHER')),
    title        varchar(200)  not null,
    region_code  varchar(12)   not null references region (code),
    description  varchar(1000),
    copies       integer       not null default 0 check (copies >= 0),
    created_by   varchar(40)   not null,
    created_at   timestamptz   not null default now()
);
create index outreach_material_region_idx on outreach_material (region_code varchar_pattern_ops, id desc);

-- where a material was used: the activities that handed it out or showed it
create table outreach_activity_material (
    activity_id  bigint not null references outreach_activity (id),
    material_id  bigint not null references outreach_material (id),
    primary key (activity_id, material_id)
);
create index outreach_activity_material_idx on outreach_activity_material (material_id);

-- the county's yearly outreach plan: activities and people to reach per township
create table outreach_plan (
    id                bigserial primary key,
    year              integer      not null check (year between 2000 and 2099),
    region_code       varchar(12)  not null references region (code),
    planned_count     integer      not null check (planned_count >= 0),
    planned_reach     integer      not null check (planned_reach >= 0),
    updated_by        varchar(40)  not null,
    updated_at        timestamptz  not null default now(),
    unique (year, region_code)
);

create table volunteer (
    id           bigserial primary key,
    name         varchar(50)   not null,
    region_code  varchar(12)   not null references region (code),
    unit         varchar(100),
    skills       varchar(200),
    joined_on    date          not null,
    enabled      boolean       not null default true,
    created_by   varchar(40)   not null,
    created_at   timestamptz   not null default now()
);
create index volunteer_region_idx on volunteer (region_code varchar_pattern_ops, id desc);

create table outreach_activity_volunteer (
    activity_id  bigint not null references outreach_activity (id),
    volunteer_id bigint not null references volunteer (id),
    primary key (activity_id, volunteer_id)
);
create index outreach_activity_volunteer_idx on outreach_activity_volunteer (volunteer_id);

create table association (
    id            bigserial primary key,
    name          varchar(100)  not null,
    sector_code   varchar(40),
    region_code   varchar(12)   not null references region (code),
    contact_name  varchar(50),
    members       integer       not null default 0 check (members >= 0),
    created_by    varchar(40)   not null,
    created_at    timestamptz   not null default now(),
    unique (name, region_code)
);
create index association_region_idx on association (region_code varchar_pattern_ops, id desc);

-- an association's report on a member; becomes a clue of the channel ASSOCIATION
create table association_report (
    id              bigserial primary key,
    association_id  bigint        not null references association (id),
    member_name     varchar(100)  not null,
    region_code     varchar(12)   not null references region (code),
    reported_on     date          not null,
    description     varchar(2000) not null,
    clue_id         bigint,
    clue_code       varchar(20),
    created_by      varchar(40)   not null,
    created_at      timestamptz   not null default now()
);
create index association_report_idx on association_report (association_id, id desc);

-- an awareness survey: the county's or a township's quiz, answered through one link per township
-- or community (/survey/{code}/{region})
create table survey (
    id           bigserial primary key,
    code         varchar(20)   not null unique,
    title        varchar(100)  not null,
    region_code  varchar(12)   not null references region (code),
    opens_on     date          not null,
    closes_on    date          not null,
    pass_mark    integer       not null check (pass_mark between 1 and 100),
    created_by   varchar(40)   not null,
    created_at   timestamptz   not null default now(),
    check (closes_on >= opens_on)
);

-- one answer sheet: no name, phone or address; the link's region and the age band the visitor chose
create table survey_response (
    id           bigserial primary key,
    survey_id    bigint        not null references survey (id),
    region_code  varchar(12)   not null references region (code),
    age_band     varchar(10)   not null check (age_band in ('UNDER_30', 'FROM_30', 'FROM_45', 'FROM_60', 'FROM_70')),
    score        integer       not null check (score between 0 and 100),
    aware        boolean       not null,
    answers      varchar(40)   not null,
    answered_at  timestamptz   not null default now()
);
create index survey_response_idx on survey_response (survey_id, region_code varchar_pattern_ops);

-- 典型案例: written from a closed case, with no personal data; published ones are on the public page
create table typical_case (
    id            bigserial primary key,
    case_id       bigint        not null unique,
    year          integer       not null check (year between 2000 and 2099),
    region_code   varchar(12)   not null references region (code),
    title         varchar(200)  not null,
    scheme        varchar(2000) not null,
    how_found     varchar(2000) not null,
    outcome       varchar(2000) not null,
    law           varchar(2000) not null,
    lessons       varchar(2000) not null,
    published     boolean       not null default false,
    created_by    varchar(40)   not null,
    created_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now(),
    version       integer       not null default 0
);
create index typical_case_region_idx on typical_case (region_code varchar_pattern_ops, year desc, id desc);

create table training_session (
    id           bigserial primary key,
    topic        varchar(200)  not null,
    held_on      date          not null,
    region_code  varchar(12)   not null references region (code),
    trainer      varchar(100)  not null,
    hours        numeric(4,1)  not null check (hours > 0 and hours <= 40),
    materials    varchar(1000),
    created_by   varchar(40)   not null,
    created_at   timestamptz   not null default now()
);
create index training_session_region_idx on training_session (region_code varchar_pattern_ops, held_on desc);

-- who attended: people of the grid system (organisation.People), by id
create table training_attendee (
    session_id  bigint not null references training_session (id),
    person_id   bigint not null,
    primary key (session_id, person_id)
);
create index training_attendee_person_idx on training_attendee (person_id);

insert into role_permission (role_code, permission) values
  ('OFFICE', 'outreach:outreach:view'), ('OFFICE', 'outreach:outreach:edit'), ('OFFICE', 'outreach:outreach:export'),
  ('OFFICE', 'outreach:plan:edit'), ('OFFICE', 'outreach:training:view'), ('OFFICE', 'outreach:training:edit'),
  ('OFFICE_HEAD', 'outreach:outreach:view'), ('OFFICE_HEAD', 'outreach:outreach:edit'),
  ('OFFICE_HEAD', 'outreach:outreach:export'), ('OFFICE_HEAD', 'outreach:plan:edit'),
  ('OFFICE_HEAD', 'outreach:training:view'), ('OFFICE_HEAD', 'outreach:training:edit'),
  ('LEADER', 'outreach:outreach:view'), ('LEADER', 'outreach:outreach:export'), ('LEADER', 'outreach:training:view'),
  ('TOWNSHIP', 'outreach:outreach:view'), ('TOWNSHIP', 'outreach:outreach:edit'), ('TOWNSHIP', 'outreach:outreach:export'),
  ('TOWNSHIP', 'outreach:training:view'), ('TOWNSHIP', 'outreach:training:edit'),
  ('DEPARTMENT', 'outreach:outreach:view'), ('DEPARTMENT', 'outreach:outreach:edit'),
  ('GRID_WORKER', 'outreach:outreach:view'), ('GRID_WORKER', 'outreach:outreach:edit');
