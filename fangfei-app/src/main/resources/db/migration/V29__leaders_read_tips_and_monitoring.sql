-- Leaders (领导) read the fund-flow alerts (资金监测) and the tips from the public (群众举报) of their
-- jurisdiction (issue 14, item 15). They never see who reported: revealing a reporter stays with
-- tip:reporter:reveal (the office head, handed over by two administrators), which is not granted here.
insert into role_permission (role_code, permission) values
  ('LEADER', 'monitoring:alert:view'), ('LEADER', 'tip:tip:view');
