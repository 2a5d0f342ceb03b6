-- Issue 15: a scoring scheme's indicators get a stable key, so renaming an indicator keeps the
-- manual scores given under it (they were kept by the indicator's name, and a rename orphaned
-- them). Every indicator already stored takes its name as its key, which is what its manual
-- scores were stored under; new indicators get a generated key (docs/evaluation.md).
update evaluation_scheme s
   set indicators = (select cast(jsonb_agg(e || jsonb_build_object('key', e ->> 'label') order by n) as text)
                       from jsonb_array_elements(cast(s.indicators as jsonb)) with ordinality as t (e, n))
 where jsonb_array_length(cast(s.indicators as jsonb)) > 0;

alter table evaluation_manual_score rename column indicator to indicator_key;
