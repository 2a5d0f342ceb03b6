-- The clue list and dashboard at a million clues (docs/performance.md, "Clues at 1,000,000").
--
-- The list collects the ids of up to 10,001 matches newest first. A filter that keeps a few
-- per cent of the clues walks its own index in id order instead of the whole table; the
-- scope columns ride along (include) so that the scope check needs no visit to the table.
create index clue_state_id_idx on clue (state, id) include (region_code, sector_code, handler_department_id);
create index clue_source_id_idx on clue (source, id) include (region_code, sector_code, handler_department_id);
create index clue_sector_id_idx on clue (sector_code, id) include (region_code, handler_department_id)
    where sector_code is not null;

-- Open clues carry a due date (an ended clue has none): "overdue" walks them newest first.
create index clue_due_id_idx on clue (id) include (due_on, region_code, sector_code, handler_department_id)
    where due_on is not null;

-- "Title contains": the title's distinct character pairs under a GIN index, as for subject
-- names (V10, name_bigrams); the search narrows to titles holding all pairs of the text.
alter table clue add column title_grams text[] generated always as (name_bigrams(title)) stored;
create index clue_title_grams_idx on clue using gin (title_grams);

-- The dashboard's on-time rate reads the steps finished in the last 90 days from the index
-- (until V18 replaced it by a running tally and dropped this index).
drop index clue_step_finished_idx;
create index clue_step_finished_idx on clue_step (finished_at) include (clue_id, on_time) where finished_at is not null;

-- The scope as one index: a township's list reads its ids from here, and the dashboard's
-- counts and the on-time rate's scope check read every column they need from it rather than
-- from the table. Supersedes clue_region_idx (region_code, id desc).
drop index clue_region_idx;
create index clue_scope_idx on clue (region_code varchar_pattern_ops, id)
    include (state, source, due_on, supervised, sector_code, handler_department_id);
