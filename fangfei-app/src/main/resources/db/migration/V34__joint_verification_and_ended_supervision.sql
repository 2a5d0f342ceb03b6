-- 牵头单位 / 协办单位 / 联合核查 (issue 14): a clue is dispatched to a lead unit (clue's
-- handler_region_code / handler_department_id) and any number of assisting units, each a
-- township or a member department. An assisting unit sees the clue and adds its part of the
-- verification (on the timeline); the lead submits the verification. unit_key is the unit as
-- the workflow names it ('R' || township code, 'D' || department id), the one column the
-- visibility rule compares with the user's unit.
create table clue_assist (
    clue_id       bigint       not null references clue (id),
    unit_key      varchar(20)  not null,
    region_code   varchar(12) references region (code),
    department_id bigint references department (id),
    assigned_at   timestamptz  not null default now(),
    primary key (clue_id, unit_key),
    check ((region_code is null) <> (department_id is null)),
    check (unit_key = case when region_code is not null then 'R' || region_code else 'D' || department_id end)
);
create index clue_assist_unit_idx on clue_assist (unit_key, clue_id);

-- 督办 ends with the clue (issue 14): from now on the move that closes, rejects or merges a clue
-- clears its supervision and resolves its supervision notices. Clues that ended before keep
-- neither the flag (the badge and the board) nor open supervision notices.
update clue set supervised = false where supervised and state in ('CLOSED', 'REJECTED', 'MERGED');
update notice set resolved_at = now()
 where resolved_at is null and kind = 'SUPERVISION'
   and link in (select '/clues/' || id from clue where state in ('CLOSED', 'REJECTED', 'MERGED'));
