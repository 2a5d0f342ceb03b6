-- The clue dashboard is scoped to the viewer's jurisdiction (townships see their own clues, a
-- department those dispatched to it or in its sectors), but V13 granted it only to the county
-- office and leaders.
insert into role_permission (role_code, permission) values
  ('TOWNSHIP', 'clue:dashboard:view'), ('DEPARTMENT', 'clue:dashboard:view')
on conflict do nothing;
