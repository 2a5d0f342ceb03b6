-- Running tallies for the leaders' cockpit (docs/warning.md, docs/performance.md): with a million
-- subjects and clues the page summed warning_subject and warning_clue_flow row by row (about 310
-- and 360 ms); it now sums these few thousand rows. Both are rebuilt from their sources by the
-- nightly pass (CockpitTallies.rebuild), so they cannot drift.

-- subjects per village (the subject's region code), sector ('' for none) and tier, kept by the
-- statement triggers below on every write of warning_subject (a recomputation changing tiers, a
-- subject moving village or sector, a subject first heard of)
create table warning_tier_tally (
    region_code varchar(12) not null,
    sector_code varchar(40) not null,
    tier        varchar(6)  not null,
    n           bigint      not null,
    primary key (region_code, sector_code, tier)
);

-- clues registered and closed per month, village and kind, kept by ClueFlow with each new
-- warning_clue_flow row
create table warning_clue_month_tally (
    month       date        not null,
    region_code varchar(12) not null,
    kind        varchar(10) not null check (kind in ('REGISTERED', 'CLOSED')),
    n           bigint      not null,
    primary key (month, region_code, kind)
);

-- One aggregated upsert per statement: the rows it removed count -1 at their old key, the rows it
-- wrote +1 at their new key; keys whose sum is 0 (an update that kept the tier) are skipped, and
-- the keys are written in order so two statements never wait for each other crosswise.
create function warning_tier_tally_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into warning_tier_tally (region_code, sector_code, tier, n)
        select region_code, coalesce(sector_code, ''), tier, count(*) from new_rows group by 1, 2, 3 order by 1, 2, 3
        on conflict (region_code, sector_code, tier) do update set n = warning_tier_tally.n + excluded.n;
    elsif tg_op = 'DELETE' then
        insert into warning_tier_tally (region_code, sector_code, tier, n)
        select region_code, coalesce(sector_code, ''), tier, -count(*) from old_rows group by 1, 2, 3 order by 1, 2, 3
        on conflict (region_code, sector_code, tier) do update set n = warning_tier_tally.n + excluded.n;
    else
        insert into warning_tier_tally (region_code, sector_code, tier, n)
        select region_code, sector_code, tier, sum(d) from (
            select region_code, coalesce(sector_code, '') as sector_code, tier, -1 as d from old_rows
            union all
            select region_code, coalesce(sector_code, ''), tier, 1 from new_rows) x
        group by 1, 2, 3 having sum(d) <> 0 order by 1, 2, 3
        on conflict (region_code, sector_code, tier) do update set n = warning_tier_tally.n + excluded.n;
    end if;
    return null;
end;
$$;
create trigger warning_tier_tally_insert after insert on warning_subject
    referencing new table as new_rows for each statement execute function warning_tier_tally_apply();
create trigger warning_tier_tally_update after update on warning_subject
    referencing old table as old_rows new table as new_rows for each statement execute function warning_tier_tally_apply();
create trigger warning_tier_tally_delete after delete on warning_subject
    referencing old table as old_rows for each statement execute function warning_tier_tally_apply();

insert into warning_tier_tally (region_code, sector_code, tier, n)
select region_code, coalesce(sector_code, ''), tier, count(*) from warning_subject group by 1, 2, 3;
insert into warning_clue_month_tally (month, region_code, kind, n)
select month, region_code, kind, count(*) from warning_clue_flow group by 1, 2, 3;
