-- Deletes the clues whose ids are in the temporary table doomed_ids, with everything that refers
-- to them: the facts the clue measures count from (V108), timeline entries, steps, subject links,
-- measures, verifications, attachments, upward reports, meeting entries and the notices that link
-- to them. Included (\ir) by seed-clues.sql and forget-bench-clues.sql inside their transaction,
-- which runs with session_replication_role = replica (the append-only trigger of clue_event and
-- the tally and fact triggers do not fire: the caller rebuilds the tallies and facts). Audit rows stay: the audit log is
-- append-only.
create temp table doomed_notices on commit drop as
select n.id from notice n join doomed_ids d on n.link = '/clues/' || d.id;
delete from notice_read where notice_id in (select id from doomed_notices);
delete from notice where id in (select id from doomed_notices);
delete from clue_first_determination where clue_id in (select id from doomed_ids);
delete from clue_closing where clue_id in (select id from doomed_ids);
delete from clue_overdue_step where clue_id in (select id from doomed_ids);
delete from clue_open_period where clue_id in (select id from doomed_ids);
delete from clue_event where clue_id in (select id from doomed_ids);
delete from clue_step where clue_id in (select id from doomed_ids);
delete from clue_subject where clue_id in (select id from doomed_ids);
delete from clue_measure where clue_id in (select id from doomed_ids);
delete from clue_verification where clue_id in (select id from doomed_ids);
delete from clue_attachment where clue_id in (select id from doomed_ids);
delete from clue_upward_report where clue_id in (select id from doomed_ids);
delete from meeting_clue where clue_id in (select id from doomed_ids);
update clue set merged_into = null where merged_into in (select id from doomed_ids);
delete from clue where id in (select id from doomed_ids);
