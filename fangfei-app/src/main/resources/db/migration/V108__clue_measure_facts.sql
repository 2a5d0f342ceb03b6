-- Issue 15, scale (docs/performance.md, "Statistical forms and the monthly ledger with 1,000,000
-- clues and 1,000,000 subjects", fourth round): the measures "clues first determined", "clues
-- closed" and "clues overdue at the period's end" (ClueMeasures) count from per-clue facts that
-- carry the clue's region, each with a period index, so a count is an index-only range scan
-- instead of one probe per record into clue_event and clue.
--
-- The facts are kept by the triggers below in the same transaction as the clue's moves, whoever
-- writes them (the workflow, intake, the demo's history); a clue moved to another place or given
-- another determination (a ruling on a dispute) moves its facts with it. clue_facts_rebuild()
-- recomputes all three from clue, clue_event and clue_step: it fills them here and after bulk
-- loads that skip the triggers (fangfei-bench/load/seed-clues.sql).

-- a clue's first 认定 on its timeline, in (time, id) order, and the determination now in force
create table clue_first_determination (
    clue_id       bigint      primary key references clue (id),
    event_id      bigint      not null,
    occurred_at   timestamptz not null,
    region_code   varchar(12) not null,
    determination varchar(30)
);

-- every move to CLOSED, with the instant of the clue's next closing in (time, id) order: a
-- closing counts in a period when it is in it and the next one (if any) is not
create table clue_closing (
    event_id       bigint      primary key,
    clue_id        bigint      not null references clue (id),
    occurred_at    timestamptz not null,
    next_closed_at timestamptz,
    region_code    varchar(12) not null
);

-- the steps that are or may become overdue at a period's end: every step with a due date that
-- is open, or finished at least a day after it was due (a superset of "finished after the end
-- of a period whose last day came after the due date", whatever the county's time zone)
create table clue_overdue_step (
    step_id     bigint      primary key,
    clue_id     bigint      not null references clue (id),
    region_code varchar(12) not null,
    started_at  timestamptz not null,
    due_on      date        not null,
    finished_at timestamptz
);

create function clue_step_may_be_overdue(due_on date, finished_at timestamptz) returns boolean
    language sql immutable as $$
    select due_on is not null and (finished_at is null or finished_at >= cast(due_on + 1 as timestamp) at time zone 'UTC')
$$;

-- (delete, not truncate: the application's role, which may run it, has no truncate)
create function clue_facts_rebuild() returns void language plpgsql as $$
begin
    delete from clue_first_determination;
    delete from clue_closing;
    delete from clue_overdue_step;
    insert into clue_first_determination (clue_id, event_id, occurred_at, region_code, determination)
    select c.id, f.id, f.occurred_at, c.region_code, c.determination
    from (select distinct on (clue_id) clue_id, id, occurred_at from clue_event
           where kind = '认定' order by clue_id, occurred_at, id) f
    join clue c on c.id = f.clue_id
    order by f.occurred_at, f.id;
    insert into clue_closing (event_id, clue_id, occurred_at, next_closed_at, region_code)
    select e.id, e.clue_id, e.occurred_at,
           lead(e.occurred_at) over (partition by e.clue_id order by e.occurred_at, e.id), c.region_code
    from clue_event e join clue c on c.id = e.clue_id
    where e.to_state = 'CLOSED'
    order by e.occurred_at, e.id;
    insert into clue_overdue_step (step_id, clue_id, region_code, started_at, due_on, finished_at)
    select s.id, s.clue_id, c.region_code, s.started_at, s.due_on, s.finished_at
    from clue_step s join clue c on c.id = s.clue_id
    where clue_step_may_be_overdue(s.due_on, s.finished_at)
    order by s.due_on, s.id;
end;
$$;

select clue_facts_rebuild();

-- the counts: the period's range of each, with everything they filter on in the index
create index clue_first_determination_time_idx on clue_first_determination (occurred_at, event_id)
    include (region_code, determination, clue_id);
create index clue_closing_time_idx on clue_closing (occurred_at, event_id)
    include (region_code, next_closed_at, clue_id);
create index clue_overdue_step_open_idx on clue_overdue_step (due_on)
    include (started_at, region_code, clue_id) where finished_at is null;
create index clue_overdue_step_finished_idx on clue_overdue_step (finished_at)
    include (due_on, started_at, region_code, clue_id) where finished_at is not null;
-- the triggers: a clue's closings in order, a clue's steps
create index clue_closing_clue_idx on clue_closing (clue_id, occurred_at, event_id);
create index clue_overdue_step_clue_idx on clue_overdue_step (clue_id);

-- V101's and V92's indexes that only these measures read
drop index clue_event_closed_time_idx;
drop index clue_event_determined_time_idx;
drop index clue_step_finished_idx;

create function clue_facts_on_event() returns trigger language plpgsql as $$
begin
    if new.kind = '认定' then
        insert into clue_first_determination (clue_id, event_id, occurred_at, region_code, determination)
        select c.id, new.id, new.occurred_at, c.region_code, c.determination from clue c where c.id = new.clue_id
        on conflict (clue_id) do update set event_id = excluded.event_id, occurred_at = excluded.occurred_at
        where (excluded.occurred_at, excluded.event_id)
              < (clue_first_determination.occurred_at, clue_first_determination.event_id);
    end if;
    if new.to_state = 'CLOSED' then
        insert into clue_closing (event_id, clue_id, occurred_at, next_closed_at, region_code)
        select new.id, c.id, new.occurred_at,
               (select min(n.occurred_at) from clue_closing n
                 where n.clue_id = new.clue_id and (n.occurred_at, n.event_id) > (new.occurred_at, new.id)),
               c.region_code
        from clue c where c.id = new.clue_id;
        update clue_closing set next_closed_at = new.occurred_at
        where event_id = (select p.event_id from clue_closing p
                           where p.clue_id = new.clue_id and (p.occurred_at, p.event_id) < (new.occurred_at, new.id)
                           order by p.occurred_at desc, p.event_id desc limit 1);
    end if;
    return null;
end;
$$;
create trigger clue_facts_on_event after insert on clue_event
    for each row when (new.kind = '认定' or new.to_state = 'CLOSED') execute function clue_facts_on_event();

create function clue_facts_on_step() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from clue_overdue_step where step_id = old.id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and clue_step_may_be_overdue(new.due_on, new.finished_at) then
        insert into clue_overdue_step (step_id, clue_id, region_code, started_at, due_on, finished_at)
        select new.id, new.clue_id, c.region_code, new.started_at, new.due_on, new.finished_at
        from clue c where c.id = new.clue_id;
    end if;
    return null;
end;
$$;
create trigger clue_facts_on_step after insert or delete or update of clue_id, started_at, due_on, finished_at
    on clue_step for each row execute function clue_facts_on_step();

create function clue_facts_follow_clue() returns trigger language plpgsql as $$
begin
    update clue_first_determination set region_code = new.region_code, determination = new.determination
    where clue_id = new.id;
    if new.region_code is distinct from old.region_code then
        update clue_closing set region_code = new.region_code where clue_id = new.id;
        update clue_overdue_step set region_code = new.region_code where clue_id = new.id;
    end if;
    return null;
end;
$$;
create trigger clue_facts_follow_clue after update of region_code, determination on clue
    for each row when (old.region_code is distinct from new.region_code or old.determination is distinct from new.determination)
    execute function clue_facts_follow_clue();

analyze clue_first_determination;
analyze clue_closing;
analyze clue_overdue_step;
