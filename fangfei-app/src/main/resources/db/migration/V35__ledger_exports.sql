-- Excel export of the clue, patrol, alert, people, grid, building and tip lists (issue 14): one
-- permission per list, granted to every role that may see the list.
insert into role_permission (role_code, permission)
select rp.role_code, v.export
from role_permission rp
join (values
  ('clue:clue:view', 'clue:clue:export'),
  ('patrol:patrol:view', 'patrol:patrol:export'),
  ('monitoring:alert:view', 'monitoring:alert:export'),
  ('org:person:view', 'org:person:export'),
  ('org:grid:view', 'org:grid:export'),
  ('building:building:view', 'building:building:export'),
  ('tip:tip:view', 'tip:tip:export')
) as v (viewing, export) on rp.permission = v.viewing
on conflict do nothing;
