-- Issue 15, scale (docs/performance.md, "Fifth round: the first ledger after a restart"): the
-- township's monthly ledger lists the clues received before the month's end and not concluded
-- (rejected, closed, merged) before its start. Which those are was found by one probe per clue
-- received before the month's end into clue_event (50,000 for 会师镇), reading a 195 MB index on
-- the first request after a start. This per-clue fact keeps, with the clue's region and receipt,
-- the periods in which a clue was not concluded, so the ledger's clues are one index-only range
-- scan over the township's entries.
--
-- A clue's state at an instant is that of its last move before it, in (time, id) order (moves at
-- the same instant are all before it or none). Each period (open_since, open_until] holds the
-- instants at which the clue's state was not concluded: it begins at the instant of the move that
-- reopened it (-infinity: before its first move) and ends at the instant of the move that
-- concluded it (infinity: not concluded since). A clue is open at instant T when
-- open_since < T <= open_until.
create table clue_open_period (
    clue_id     bigint      not null references clue (id),
    open_since  timestamptz not null,
    open_until  timestamptz not null,
    region_code varchar(12) not null,
    received_at timestamptz not null,
    primary key (clue_id, open_since)
);

-- the periods of the clues with ids in [lo, hi], from clue and clue_event
create function clue_open_periods(lo bigint, hi bigint) returns table (clue_id bigint, open_since timestamptz,
        open_until timestamptz, region_code varchar, received_at timestamptz)
    language sql stable as $$
    with last_at as (
        select distinct on (e.clue_id, e.occurred_at) e.clue_id, e.occurred_at as t,
               e.to_state in ('CLOSED', 'REJECTED', 'MERGED') as done
        from clue_event e
        where e.to_state is not null and e.clue_id between lo and hi
        order by e.clue_id, e.occurred_at, e.id desc),
    turns as (
        select l.clue_id, l.t, l.done
        from (select x.*, coalesce(lag(x.done) over (partition by x.clue_id order by x.t), false) as before
              from last_at x) l
        where l.done <> l.before),
    bounds as (
        select b.clue_id, b.t, b.done,
               lag(b.t) over (partition by b.clue_id order by b.t) as prev_t,
               lead(b.t) over (partition by b.clue_id order by b.t) as next_t
        from turns b),
    periods as (
        select b.clue_id, coalesce(b.prev_t, '-infinity') as open_since, b.t as open_until
        from bounds b where b.done
        union all
        select b.clue_id, b.t, 'infinity' from bounds b where not b.done and b.next_t is null)
    select c.id, p.open_since, p.open_until, c.region_code, c.received_at
    from clue c join periods p on p.clue_id = c.id
    where c.id between lo and hi
    union all
    select c.id, '-infinity', 'infinity', c.region_code, c.received_at
    from clue c
    where c.id between lo and hi and not exists (select 1 from turns b where b.clue_id = c.id)
$$;

insert into clue_open_period (clue_id, open_since, open_until, region_code, received_at)
select p.clue_id, p.open_since, p.open_until, p.region_code, p.received_at
from clue_open_periods(-9223372036854775808, 9223372036854775807) p
order by p.region_code, p.open_until;

-- the ledger's clues: a township's range, the periods ending at or after the month's start
create index clue_open_period_region_idx on clue_open_period (region_code varchar_pattern_ops, open_until)
    include (open_since, received_at, clue_id);

create function clue_open_period_refresh(id bigint) returns void language plpgsql as $$
begin
    delete from clue_open_period where clue_id = id;
    insert into clue_open_period (clue_id, open_since, open_until, region_code, received_at)
    select p.clue_id, p.open_since, p.open_until, p.region_code, p.received_at
    from clue_open_periods(id, id) p;
end;
$$;

create function clue_open_period_on_event() returns trigger language plpgsql as $$
begin
    perform clue_open_period_refresh(new.clue_id);
    return null;
end;
$$;
create trigger clue_open_period_on_event after insert on clue_event
    for each row when (new.to_state is not null) execute function clue_open_period_on_event();

create function clue_open_period_on_clue() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform clue_open_period_refresh(new.id);
    else
        update clue_open_period set region_code = new.region_code, received_at = new.received_at
        where clue_id = new.id;
    end if;
    return null;
end;
$$;
create trigger clue_open_period_on_clue_insert after insert on clue
    for each row execute function clue_open_period_on_clue();
create trigger clue_open_period_on_clue_update after update of region_code, received_at on clue
    for each row when (old.region_code is distinct from new.region_code or old.received_at is distinct from new.received_at)
    execute function clue_open_period_on_clue();

-- V108's rebuild after bulk loads that skip the triggers (fangfei-bench/load/seed-clues.sql)
-- rebuilds these periods too
create or replace function clue_facts_rebuild() returns void language plpgsql as $$
begin
    delete from clue_first_determination;
    delete from clue_closing;
    delete from clue_overdue_step;
    delete from clue_open_period;
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
    insert into clue_open_period (clue_id, open_since, open_until, region_code, received_at)
    select p.clue_id, p.open_since, p.open_until, p.region_code, p.received_at
    from clue_open_periods(-9223372036854775808, 9223372036854775807) p
    order by p.region_code, p.open_until;
end;
$$;
