-- Clues (线索) and their workflow to close-out (销号): intake from every channel, dispatch,
-- verification, determination, disposal measures, feedback, look-back review, supervision and
-- joint-assessment meetings. See docs/clues.md.

insert into app_role (code, name, scope_kind, admin_kind, description) values
  ('OFFICE_HEAD', '处非办负责人', 'JURISDICTION', null, '县级处非办主任：认定、销号、督办');

create sequence clue_code_seq;

create table clue (
    id                    bigserial primary key,
    code                  varchar(20)  not null unique,
    source                varchar(20)  not null check (source in ('TIP', 'HOTLINE', 'PATROL', 'REFERRAL', 'ASSIGNED',
                                   'MEDIA', 'MONITORING', 'BANK_REPORT', 'ASSOCIATION', 'PETITION', 'OTHER')),
    source_detail         varchar(100),
    source_ref            varchar(100),
    received_at           timestamptz  not null,
    title                 varchar(200) not null,
    description           text         not null check (length(description) <= 5000),
    region_code           varchar(12)  not null references region (code),
    sector_code           varchar(40),
    scheme_code           varchar(40),
    amount_fen            bigint check (amount_fen is null or amount_fen >= 0),
    people_count          integer check (people_count is null or people_count >= 0),
    grade                 varchar(10)  not null default 'NORMAL' check (grade in ('NORMAL', 'MAJOR')),
    state                 varchar(20)  not null,
    handler_region_code   varchar(12) references region (code),
    handler_department_id bigint references department (id),
    determination         varchar(30) check (determination in ('NOT_ILLEGAL', 'IRREGULAR', 'SUSPECTED_ILLEGAL', 'SUSPECTED_CRIME')),
    determination_note    varchar(2000),
    disputed_determination varchar(30),
    merged_into           bigint references clue (id),
    step_started_at       timestamptz  not null default now(),
    due_on                date,
    overdue_notified_on   date,
    supervised            boolean      not null default false,
    supervision_leader_id bigint references app_user (id),
    supervision_note      varchar(500),
    informant_name_enc    bytea,
    informant_phone_enc   bytea,
    informant_masked      varchar(60),
    feedback_required     boolean      not null default false,
    feedback              varchar(2000),
    feedback_at           timestamptz,
    closed_at             timestamptz,
    created_by            varchar(40)  not null,
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    version               integer      not null default 0
);
create unique index clue_source_ref_idx on clue (source, source_ref) where source_ref is not null;
create index clue_region_idx on clue (region_code varchar_pattern_ops, id desc);
create index clue_state_region_idx on clue (state, region_code varchar_pattern_ops, id desc);
create index clue_handler_region_idx on clue (handler_region_code, state) where handler_region_code is not null;
create index clue_handler_department_idx on clue (handler_department_id, state) where handler_department_id is not null;
create index clue_due_idx on clue (due_on) where due_on is not null;
create index clue_supervised_idx on clue (id) where supervised;

-- the subjects a clue concerns (linked to the ledger)
create table clue_subject (
    clue_id    bigint not null references clue (id),
    subject_id bigint not null references subject (id),
    primary key (clue_id, subject_id)
);
create index clue_subject_subject_idx on clue_subject (subject_id);

-- the timeline: every move, edit, comment and view of sensitive fields; append-only
create table clue_event (
    id          bigserial primary key,
    clue_id     bigint       not null references clue (id),
    occurred_at timestamptz  not null default now(),
    actor       varchar(40)  not null,
    actor_name  varchar(60)  not null,
    kind        varchar(20)  not null,
    from_state  varchar(20),
    to_state    varchar(20),
    note        varchar(2000)
);
create index clue_event_clue_idx on clue_event (clue_id, id);

create function clue_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'clue_event is append-only';
end;
$$;
create trigger clue_event_no_update before update or delete on clue_event
    for each row execute function clue_event_is_append_only();

-- one row per step a clue went through, for deadlines and the on-time rate
create table clue_step (
    id          bigserial primary key,
    clue_id     bigint      not null references clue (id),
    step        varchar(20) not null,
    started_at  timestamptz not null,
    due_on      date,
    finished_at timestamptz,
    on_time     boolean
);
create index clue_step_clue_idx on clue_step (clue_id, id);
create index clue_step_finished_idx on clue_step (finished_at) where finished_at is not null;

-- 核查: at least two investigators (条例 art. 21)
create table clue_verification (
    id           bigserial primary key,
    clue_id      bigint        not null references clue (id),
    investigators varchar(300) not null,
    visited_on   date          not null,
    findings     varchar(5000) not null,
    recorded_by  varchar(40)   not null,
    recorded_at  timestamptz   not null default now()
);
create index clue_verification_clue_idx on clue_verification (clue_id);

-- 处置措施
create table clue_measure (
    id          bigserial primary key,
    clue_id     bigint        not null references clue (id),
    kind        varchar(30)   not null check (kind in ('WARNING_INTERVIEW', 'RECTIFICATION_ORDER', 'STOP_ORDER', 'SEIZURE',
                                  'SUPERVISED_REFUND', 'ADMIN_PENALTY', 'POLICE_TRANSFER', 'REGULARISATION')),
    taken_on    date          not null,
    doc_number  varchar(60)   not null,
    amount_fen  bigint check (amount_fen is null or amount_fen >= 0),
    result      varchar(2000) not null,
    recorded_by varchar(40)   not null,
    recorded_at timestamptz   not null default now()
);
create index clue_measure_clue_idx on clue_measure (clue_id);

create table clue_attachment (
    id           bigserial primary key,
    clue_id      bigint       not null references clue (id),
    stage        varchar(20)  not null,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   integer      not null,
    content      bytea        not null,
    uploaded_by  varchar(40)  not null,
    uploaded_at  timestamptz  not null default now()
);
create index clue_attachment_clue_idx on clue_attachment (clue_id);

-- 重大线索上报: what was reported upward, when
create table clue_upward_report (
    id          bigserial primary key,
    clue_id     bigint       not null references clue (id),
    reported_at timestamptz  not null default now(),
    reported_to varchar(100) not null,
    content     varchar(2000) not null
);

-- 会商研判 / 联席会议
create table meeting (
    id          bigserial primary key,
    kind        varchar(20)   not null check (kind in ('JOINT', 'ASSESSMENT')),
    held_on     date          not null,
    title       varchar(200)  not null,
    region_code varchar(12)   not null references region (code),
    attendees   varchar(1000) not null,
    minutes     varchar(5000),
    created_by  varchar(40)   not null,
    created_at  timestamptz   not null default now()
);
create index meeting_region_idx on meeting (region_code varchar_pattern_ops, held_on desc);

create table meeting_clue (
    meeting_id    bigint       not null references meeting (id),
    clue_id       bigint       not null references clue (id),
    determination varchar(30)  not null,
    note          varchar(1000),
    primary key (meeting_id, clue_id)
);
create index meeting_clue_clue_idx on meeting_clue (clue_id);

-- working-day limits per step and grade (settings page)
create table clue_deadline (
    step          varchar(20) not null,
    grade         varchar(10) not null,
    working_days  integer     not null check (working_days between 1 and 365),
    primary key (step, grade)
);
insert into clue_deadline (step, grade, working_days) values
  ('REGISTERED', 'NORMAL', 5),  ('REGISTERED', 'MAJOR', 1),
  ('ACCEPTED', 'NORMAL', 3),    ('ACCEPTED', 'MAJOR', 1),
  ('DISPATCHED', 'NORMAL', 3),  ('DISPATCHED', 'MAJOR', 1),
  ('VERIFYING', 'NORMAL', 30),  ('VERIFYING', 'MAJOR', 10),
  ('ASSESSING', 'NORMAL', 10),  ('ASSESSING', 'MAJOR', 5),
  ('DISPUTED', 'NORMAL', 10),   ('DISPUTED', 'MAJOR', 5),
  ('DISPOSING', 'NORMAL', 60),  ('DISPOSING', 'MAJOR', 30),
  ('FEEDBACK', 'NORMAL', 5),    ('FEEDBACK', 'MAJOR', 3);

insert into role_permission (role_code, permission) values
  ('OFFICE', 'clue:clue:view'), ('OFFICE', 'clue:clue:intake'), ('OFFICE', 'clue:clue:accept'),
  ('OFFICE', 'clue:clue:dispatch'), ('OFFICE', 'clue:clue:handle'), ('OFFICE', 'clue:clue:reveal'),
  ('OFFICE', 'clue:meeting:edit'), ('OFFICE', 'clue:dashboard:view'),
  ('OFFICE_HEAD', 'clue:clue:view'), ('OFFICE_HEAD', 'clue:clue:intake'), ('OFFICE_HEAD', 'clue:clue:accept'),
  ('OFFICE_HEAD', 'clue:clue:dispatch'), ('OFFICE_HEAD', 'clue:clue:handle'), ('OFFICE_HEAD', 'clue:clue:reveal'),
  ('OFFICE_HEAD', 'clue:clue:determine'), ('OFFICE_HEAD', 'clue:clue:close'), ('OFFICE_HEAD', 'clue:supervision:manage'),
  ('OFFICE_HEAD', 'clue:meeting:edit'), ('OFFICE_HEAD', 'clue:dashboard:view'), ('OFFICE_HEAD', 'clue:deadline:edit'),
  ('OFFICE_HEAD', 'subject:subject:view'), ('OFFICE_HEAD', 'subject:subject:edit'),
  ('OFFICE_HEAD', 'org:region:view'), ('OFFICE_HEAD', 'org:grid:view'), ('OFFICE_HEAD', 'org:department:view'),
  ('OFFICE_HEAD', 'org:person:view'), ('OFFICE_HEAD', 'system:calendar:view'),
  ('OFFICE_HEAD', 'notice:inbox:view'), ('OFFICE_HEAD', 'notice:bulletin:view'), ('OFFICE_HEAD', 'notice:bulletin:send'),
  ('LEADER', 'clue:clue:view'), ('LEADER', 'clue:clue:determine'), ('LEADER', 'clue:dispute:resolve'),
  ('LEADER', 'clue:supervision:manage'), ('LEADER', 'clue:dashboard:view'),
  ('TOWNSHIP', 'clue:clue:view'), ('TOWNSHIP', 'clue:clue:intake'), ('TOWNSHIP', 'clue:clue:handle'),
  ('TOWNSHIP', 'clue:dashboard:view'), ('DEPARTMENT', 'clue:dashboard:view'),
  ('DEPARTMENT', 'clue:clue:view'), ('DEPARTMENT', 'clue:clue:intake'), ('DEPARTMENT', 'clue:clue:handle');
