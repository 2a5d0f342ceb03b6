-- The monthly dynamic ledger (月度动态台账, module ledger) and the county's monthly clue report to
-- the city, generated from history as at each month's end; see docs/ledger.md.

-- subject module: every state a subject was in, from when (the ledger asks "as at the end of a
-- month"). Written by trigger so that no path that writes a subject can forget it; a change
-- takes the subject's own updated_at (the application's clock) when the writer set it, else now().
create table subject_history (
    id          bigserial primary key,
    subject_id  bigint       not null,
    valid_from  timestamptz  not null,
    name        varchar(200) not null,
    kind        varchar(20)  not null,
    region_code varchar(12)  not null,
    sector_code varchar(40),
    risk_level  varchar(10),
    status      varchar(20)  not null
);
create index subject_history_region_idx on subject_history (region_code varchar_pattern_ops, subject_id);
create index subject_history_subject_idx on subject_history (subject_id, valid_from, id);

create function subject_history_record() returns trigger language plpgsql as $$
begin
    insert into subject_history (subject_id, valid_from, name, kind, region_code, sector_code, risk_level, status)
    values (new.id,
            case when tg_op = 'INSERT' then new.created_at
                 when new.updated_at is distinct from old.updated_at then new.updated_at
                 else now() end,
            new.name, new.kind, new.region_code, new.sector_code, new.risk_level, new.status);
    return null;
end;
$$;
create trigger subject_history_insert after insert on subject
    for each row execute function subject_history_record();
create trigger subject_history_update after update of name, kind, region_code, sector_code, risk_level, status on subject
    for each row when ((old.name, old.kind, old.region_code, old.sector_code, old.risk_level, old.status)
                       is distinct from (new.name, new.kind, new.region_code, new.sector_code, new.risk_level, new.status))
    execute function subject_history_record();
create function subject_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'subject_history is append-only';
end;
$$;
create trigger subject_history_no_update before update or delete on subject_history
    for each row execute function subject_history_is_append_only();

-- what is known of the subjects registered before this release: their state now, from when
-- they were registered
insert into subject_history (subject_id, valid_from, name, kind, region_code, sector_code, risk_level, status)
select id, created_at, name, kind, region_code, sector_code, risk_level, status from subject;

-- clue module: the city's acceptance of a major clue reported at once
alter table clue_upward_report add column accepted_at timestamptz;
alter table clue_upward_report add column accepted_by varchar(40);
alter table clue_upward_report add column accepted_note varchar(200);
create index clue_upward_report_reported_idx on clue_upward_report (reported_at);

-- a township's ledger for a month: where it stands in the workflow
create table ledger (
    id            bigserial primary key,
    region_code   varchar(12) not null references region (code),
    month         char(7)     not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    status        varchar(12) not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    due_on        date        not null,
    versions      integer     not null,
    submitted_at  timestamptz,
    late          boolean     not null default false,
    row_version   integer     not null default 0,
    unique (region_code, month)
);
create index ledger_month_idx on ledger (month, region_code);

-- every version generated, its content frozen as generated (JSON: the sections and their rows)
create table ledger_version (
    ledger_id     bigint      not null references ledger (id),
    number        integer     not null,
    generated_at  timestamptz not null,
    generated_by  varchar(40) not null,
    as_at         timestamptz not null,
    content       text        not null,
    primary key (ledger_id, number)
);

-- the workflow's timeline: generated, submitted, returned (with the reason), accepted; append-only
create table ledger_event (
    id          bigserial primary key,
    ledger_id   bigint       not null references ledger (id),
    number      integer      not null,
    kind        varchar(12)  not null check (kind in ('GENERATED', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    occurred_at timestamptz  not null,
    actor       varchar(40)  not null,
    actor_name  varchar(60)  not null,
    note        varchar(1000)
);
create index ledger_event_ledger_idx on ledger_event (ledger_id, id);

-- the county's monthly clue report to the city (线索月报), generated as at the month's end
create table clue_city_report (
    id            bigserial primary key,
    county_code   varchar(12)  not null references region (code),
    month         char(7)      not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    generated_at  timestamptz  not null,
    generated_by  varchar(40)  not null,
    content       text         not null,
    submitted_at  timestamptz,
    submitted_by  varchar(40),
    accepted_at   timestamptz,
    accepted_by   varchar(40),
    accepted_note varchar(200),
    unique (county_code, month)
);

create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger ledger_event_no_update before update or delete on ledger_event
    for each row execute function ledger_is_append_only();
create trigger ledger_version_no_update before update or delete on ledger_version
    for each row execute function ledger_is_append_only();

insert into role_permission (role_code, permission) values
  ('TOWNSHIP', 'ledger:ledger:view'), ('TOWNSHIP', 'ledger:ledger:submit'),
  ('OFFICE', 'ledger:ledger:view'), ('OFFICE', 'ledger:ledger:review'), ('OFFICE', 'ledger:report:view'),
  ('OFFICE', 'ledger:report:submit'),
  ('OFFICE_HEAD', 'ledger:ledger:view'), ('OFFICE_HEAD', 'ledger:ledger:review'), ('OFFICE_HEAD', 'ledger:report:view'),
  ('OFFICE_HEAD', 'ledger:report:submit'), ('OFFICE_HEAD', 'ledger:report:accept'),
  ('LEADER', 'ledger:ledger:view'), ('LEADER', 'ledger:report:view');
