-- "Name contains" search over a large ledger without an extension: each name's distinct character
-- pairs (bigrams) in a generated array column with a GIN index (core PostgreSQL). A search for a
-- text of two or more characters first narrows to the names holding all its bigrams, then checks
-- the LIKE; a rare word costs an index probe instead of a scan of the whole jurisdiction.
create function name_bigrams(t text) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct substr(t, i, 2)), '{}') from generate_series(1, char_length(t) - 1) i
$$;

alter table subject add column name_grams text[] generated always as (name_bigrams(name)) stored;
create index subject_name_grams_idx on subject using gin (name_grams);
