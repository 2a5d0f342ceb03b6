-- The demo county's parts that have run (shared.DemoData): one row per part, written in the
-- transaction that added the part, so a restart never adds it twice. The row
-- '(no demo: fangfei.demo=false)' marks a database first started without the demo.
create table demo_part (
    name    varchar(80)  primary key,
    ran_at  timestamptz  not null default now(),
    millis  bigint       not null
);
-- a database from before this migration: a demo county keeps the parts it has, and gets the
-- parts that are new (the year of history) on its next start; any other county with data is a
-- real one and never gets demo data
insert into demo_part (name, millis)
select p.name, 0
from (values ('organisation.county'), ('security.accounts'), ('subject.ledger'), ('credit.list'),
             ('casefile.cross-province-case'), ('petition.stability')) p(name)
where exists (select 1 from region where code = '620422000000');
insert into demo_part (name, millis)
select '(no demo: fangfei.demo=false)', 0
where exists (select 1 from region) and not exists (select 1 from region where code = '620422000000');
