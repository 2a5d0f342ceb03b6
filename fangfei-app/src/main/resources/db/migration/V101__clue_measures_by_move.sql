-- Issue 15, scale (docs/performance.md, "Statistical forms and the monthly ledger with 1,000,000
-- clues and 1,000,000 subjects"): the measures "clues closed" and "clues first determined" are
-- driven from the period's moves on the timeline, newest first, and probe each clue by id for its
-- region (ClueMeasures), instead of joining every clue of the county.

-- the period's closing moves in (time, id) order: the drill-down walks it newest first and stops
-- after a page
create index clue_event_closed_time_idx on clue_event (occurred_at, id) include (clue_id)
    where to_state = 'CLOSED';

-- the period's determinations in (time, id) order, replacing V70's index on the time alone
create index clue_event_determined_time_idx on clue_event (occurred_at, id) include (clue_id)
    where kind = '认定';
drop index clue_event_determined_idx;

-- "no earlier determination of this clue": one probe on (clue, time, id), replacing V92's (clue, time)
create index clue_event_determined_first_idx on clue_event (clue_id, occurred_at, id) where kind = '认定';
drop index clue_event_determined_clue_idx;
