-- Feedback reaches the person who reported (issue 14, item 2).
-- A clue found not illegal or disposed of waits for feedback and close-out (待反馈销号): the tip
-- module's projection now tells that stage (FINISHING) apart from a concluded clue, so a reporter
-- is not told 已办结 before the clue is closed out.
alter table tip drop constraint tip_clue_progress_check;
alter table tip add constraint tip_clue_progress_check
    check (clue_progress in ('WAITING', 'IN_HAND', 'FINISHING', 'CONCLUDED'));
update tip t set clue_progress = 'FINISHING'
from clue c where c.id = t.clue_root_id and c.state = 'FEEDBACK';

-- The office's feedback (反馈来源) is a message to the reporter, one per feedback: clue_version is
-- the version of the clue the feedback wrote, so a repeated delivery of the event adds nothing.
alter table tip_message add column clue_version integer;
create unique index tip_message_feedback_idx on tip_message (tip_id, clue_version);

-- feedback given before this migration
insert into tip_message (tip_id, direction, body, created_by, created_at, clue_version)
select t.id, 'TO_REPORTER', left(c.feedback, 2000), 'feedback', coalesce(c.feedback_at, now()), c.version
from tip t join clue c on c.id = t.clue_root_id
where c.feedback is not null and c.feedback <> '';
