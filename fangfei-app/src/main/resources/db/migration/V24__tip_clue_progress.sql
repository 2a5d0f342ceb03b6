-- What the tip module knows of its clue's progress (issue 13): a projection fed by the
-- clue module's events, so that tips never read the clue tables. clue_root_id is the clue
-- that goes on after merges; clue_version the last version of it applied (older events
-- are ignored); clue_confirmed whether it was determined more than "not illegal" and is
-- not in dispute — when a reward case becomes due.
alter table tip add column clue_root_id bigint;
alter table tip add column clue_progress varchar(16) not null default 'WAITING'
    check (clue_progress in ('WAITING', 'IN_HAND', 'CONCLUDED'));
alter table tip add column clue_version integer not null default -1;
alter table tip add column clue_confirmed boolean not null default false;

-- tips sent before this migration: follow each clue's merges to the clue that goes on
with recursive chain (tip_id, clue_id, hops) as (
    select t.id, t.clue_id, 0 from tip t where t.clue_id is not null
    union all
    select ch.tip_id, c.merged_into, ch.hops + 1
    from chain ch join clue c on c.id = ch.clue_id
    where c.state = 'MERGED' and c.merged_into is not null and ch.hops < 20
),
root as (
    select distinct on (tip_id) tip_id, clue_id from chain order by tip_id, hops desc
)
update tip t set clue_root_id = c.id,
    clue_version = c.version,
    clue_progress = case when c.state = 'REGISTERED' then 'WAITING'
                         when c.state in ('REJECTED', 'FEEDBACK', 'CLOSED', 'MERGED') then 'CONCLUDED'
                         else 'IN_HAND' end,
    clue_confirmed = (c.determination is not null and c.determination <> 'NOT_ILLEGAL'
                      and c.state in ('DISPOSING', 'FEEDBACK', 'CLOSED'))
from root r join clue c on c.id = r.clue_id
where t.id = r.tip_id;

create index tip_clue_root_idx on tip (clue_root_id);
