-- The work calendar (工作日历): public holidays (HOLIDAY, 放假, days off even on weekdays) and adjusted
-- working days (WORKDAY, 调休上班, weekend days that are working days), edited by the system
-- administrator. Days not in the table follow the week: Monday to Friday work, weekends off.
create table holiday (
    day        date        primary key,
    kind       varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name       varchar(50) not null check (length(trim(name)) > 0),
    updated_by varchar(40) not null,
    updated_at timestamptz not null default now(),
    -- an adjusted working day is always a Saturday or Sunday
    check (kind <> 'WORKDAY' or extract(isodow from day) in (6, 7))
);

insert into role_permission (role_code, permission) values
  ('SYS_ADMIN', 'system:calendar:view'), ('SYS_ADMIN', 'system:calendar:edit'),
  ('OFFICE', 'system:calendar:view');

-- 2026 as published by the State Council General Office on 4 November 2025
-- (国务院办公厅关于2026年部分节假日安排的通知). 2027 is entered by the administrator once published.
insert into holiday (day, kind, name, updated_by)
select d::date, 'HOLIDAY', n, 'system' from (values
  ('2026-01-01', '元旦'), ('2026-01-02', '元旦'), ('2026-01-03', '元旦'),
  ('2026-02-15', '春节'), ('2026-02-16', '春节'), ('2026-02-17', '春节'), ('2026-02-18', '春节'),
  ('2026-02-19', '春节'), ('2026-02-20', '春节'), ('2026-02-21', '春节'), ('2026-02-22', '春节'),
  ('2026-02-23', '春节'),
  ('2026-04-04', '清明节'), ('2026-04-05', '清明节'), ('2026-04-06', '清明节'),
  ('2026-05-01', '劳动节'), ('2026-05-02', '劳动节'), ('2026-05-03', '劳动节'), ('2026-05-04', '劳动节'),
  ('2026-05-05', '劳动节'),
  ('2026-06-19', '端午节'), ('2026-06-20', '端午节'), ('2026-06-21', '端午节'),
  ('2026-09-25', '中秋节'), ('2026-09-26', '中秋节'), ('2026-09-27', '中秋节'),
  ('2026-10-01', '国庆节'), ('2026-10-02', '国庆节'), ('2026-10-03', '国庆节'), ('2026-10-04', '国庆节'),
  ('2026-10-05', '国庆节'), ('2026-10-06', '国庆节'), ('2026-10-07', '国庆节')
) as h (d, n);

insert into holiday (day, kind, name, updated_by)
select d::date, 'WORKDAY', n, 'system' from (values
  ('2026-01-04', '元旦调休上班'),
  ('2026-02-14', '春节调休上班'), ('2026-02-28', '春节调休上班'),
  ('2026-05-09', '劳动节调休上班'),
  ('2026-09-20', '国庆节调休上班'), ('2026-10-10', '国庆节调休上班')
) as w (d, n);
