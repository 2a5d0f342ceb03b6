-- Running tallies for the clue dashboard (docs/performance.md, "Clues at 1,000,000"): counting a
-- county's million clues and joining its recent steps took about a second; the dashboard now sums
-- these tallies instead. Triggers write each change as a delta row in the same transaction
-- (insert only, so concurrent intakes never wait for one another on a shared tally row), and
-- the application folds the deltas into the tallies every few seconds (ClueTallies.fold); the
-- dashboard reads tally plus deltas, so it is exact at any moment.

-- clues per (township, sector, handling department, state, channel, listed supervision): the
-- region is the township's code (a village's clue counts for its township), the finest place a
-- dashboard is scoped to; a null sector is '' and no handling department is 0, which no scope
-- matches, as null does not
create table clue_tally (
    region_code           varchar(12) not null,
    sector_code           varchar(40) not null,
    handler_department_id bigint      not null,
    state                 varchar(20) not null,
    source                varchar(20) not null,
    supervised            boolean     not null,
    n                     bigint      not null,
    primary key (region_code, sector_code, handler_department_id, state, source, supervised)
);

create table clue_tally_delta (
    region_code           varchar(12) not null,
    sector_code           varchar(40) not null,
    handler_department_id bigint      not null,
    state                 varchar(20) not null,
    source                varchar(20) not null,
    supervised            boolean     not null,
    n                     bigint      not null
);

-- steps finished per calendar month and place, and how many of them on time
create table clue_step_tally (
    month                 date        not null,
    region_code           varchar(12) not null,
    sector_code           varchar(40) not null,
    handler_department_id bigint      not null,
    finished              bigint      not null,
    on_time               bigint      not null,
    primary key (month, region_code, sector_code, handler_department_id)
);

-- the township of a 12-digit region code: the code itself above village level
create function clue_township(region varchar) returns varchar language sql immutable as $$
    select left(region, 9) || '000'
$$;

create table clue_step_tally_delta (
    month                 date        not null,
    region_code           varchar(12) not null,
    sector_code           varchar(40) not null,
    handler_department_id bigint      not null,
    finished              bigint      not null,
    on_time               bigint      not null
);

-- Moves one clue from its old key to its new one: -1 and +1 as delta rows.
create function clue_tally_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (clue_township(old.region_code), coalesce(old.sector_code, ''), coalesce(old.handler_department_id, 0),
                             old.state, old.source, old.supervised)
            is not distinct from (clue_township(new.region_code), coalesce(new.sector_code, ''), coalesce(new.handler_department_id, 0),
                                  new.state, new.source, new.supervised) then
        return null;
    end if;
    insert into clue_tally_delta (region_code, sector_code, handler_department_id, state, source, supervised, n)
    select * from (
        select clue_township(old.region_code), coalesce(old.sector_code, ''), coalesce(old.handler_department_id, 0), old.state,
               old.source, old.supervised, -1::bigint
        where tg_op in ('UPDATE', 'DELETE')
        union all
        select clue_township(new.region_code), coalesce(new.sector_code, ''), coalesce(new.handler_department_id, 0), new.state,
               new.source, new.supervised, 1::bigint
        where tg_op in ('UPDATE', 'INSERT')) d;
    return null;
end;
$$;
create trigger clue_tally_keep after insert or delete
    or update of region_code, sector_code, handler_department_id, state, source, supervised on clue
    for each row execute function clue_tally_apply();

-- Counts a step when it finishes, under the place its clue has at that moment, in the month it
-- finished in the session's time zone (the application's, as for current_date on the dashboard).
create function clue_step_tally_apply() returns trigger language plpgsql as $$
begin
    if new.finished_at is null or (tg_op = 'UPDATE' and old.finished_at is not null) then
        return null;
    end if;
    insert into clue_step_tally_delta (month, region_code, sector_code, handler_department_id, finished, on_time)
    select date_trunc('month', new.finished_at)::date, clue_township(c.region_code), coalesce(c.sector_code, ''),
           coalesce(c.handler_department_id, 0), 1, case when new.on_time then 1 else 0 end
    from clue c where c.id = new.clue_id;
    return null;
end;
$$;
create trigger clue_step_tally_keep after insert or update of finished_at on clue_step
    for each row execute function clue_step_tally_apply();

insert into clue_tally
select clue_township(region_code), coalesce(sector_code, ''), coalesce(handler_department_id, 0), state, source, supervised, count(*)
from clue group by 1, 2, 3, 4, 5, 6;

insert into clue_step_tally
select date_trunc('month', s.finished_at)::date, clue_township(c.region_code), coalesce(c.sector_code, ''),
       coalesce(c.handler_department_id, 0), count(*), count(*) filter (where s.on_time)
from clue_step s join clue c on c.id = s.clue_id where s.finished_at is not null
group by 1, 2, 3, 4;

-- the on-time rate no longer reads finished steps from clue_step (V14's index)
drop index clue_step_finished_idx;
