-- Each module owns its tables (issue 13). The patrol module keeps the subjects it patrolled as it
-- needs them — the name for its lists, the sector for a department's scope — in patrol_subject,
-- fed from the subject module's SubjectChanged events instead of reading the subject table.
-- subject.version counts the writes of a subject's fields; an event carries it, so an older change
-- delivered late never overwrites a newer one.
alter table subject add column version bigint not null default 0;

create table patrol_subject (
    subject_id  bigint       primary key,
    name        varchar(200) not null,
    sector_code varchar(40),
    version     bigint       not null
);

insert into patrol_subject (subject_id, name, sector_code, version)
select s.id, s.name, s.sector_code, s.version from subject s
where exists (select 1 from patrol p where p.subject_id = s.id)
   or exists (select 1 from pending_finding f where f.subject_id = s.id);
