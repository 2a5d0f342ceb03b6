-- Synthetic clues (线索) for the scale test of the clue list, dashboard and intake (docs/performance.md).
--
--   psql -h localhost -p PORT -U postgres -d fangfei -v n=1000000 -f fangfei-bench/load/seed-clues.sql
--
-- Rerunnable: every clue it writes has created_by = 'seed'; those clues, their steps, timeline
-- entries and subject links are deleted first. One transaction, set-based, deterministic
-- (setseed): the same n gives the same rows.
--
-- Shape: received over the last five years, ids in the order received; spread over the demo
-- county's villages (90 %) and townships (10 %); 11 channels, 18 sectors (70 % with one),
-- schemes, 3 % major. Most clues are finished: 78 % closed out (销号), 6 % rejected, 2 % merged;
-- 14 % open, received in the last three months, in every open state. A dispatched clue is
-- handled by the township of its place (75 %) or the department that supervises its sector;
-- an open clue's due date follows the step deadlines (clue_deadline), so a share is overdue.
-- 4 % are supervised (督办), 20 % are linked to a subject of the ledger. Each clue has one
-- clue_step per step it went through (1-7, mostly 6-7, finished with on_time except the
-- current one) and clue_event entries for registration, dispatch, determination and the end
-- (1-4 per clue).
--
-- The delete (delete-clues.sql) and the bulk inserts run with session_replication_role = replica:
-- that skips the append-only trigger of clue_event (seeded entries must be removable), the tally
-- triggers (the tallies are rebuilt at the end, clue-tallies.sql) and the per-row foreign key
-- checks; every reference written comes from the tables it points at.
\set ON_ERROR_STOP on
\if :{?n}
\else
\set n 1000000
\endif
\timing on

begin;
set local session_replication_role = replica;
set local work_mem = '256MB';

create temp table doomed_ids on commit drop as select id from clue where created_by = 'seed';
\ir delete-clues.sql

select setseed(0.2026);

-- The steps each kind of history goes through, with the share of the time each takes.
create temp table seed_path on commit drop as
with steps (path, k, step, weight) as (
    select p.path, s.k, s.step, case s.step when 'REGISTERED' then 2 when 'ACCEPTED' then 1 when 'DISPATCHED' then 1
                                            when 'VERIFYING' then 10 when 'ASSESSING' then 3 when 'DISPOSING' then 20
                                            when 'DISPUTED' then 4 else 2 end
    from (values (1, array['REGISTERED']),
                 (2, array['REGISTERED', 'ACCEPTED']),
                 (3, array['REGISTERED', 'ACCEPTED', 'DISPATCHED']),
                 (4, array['REGISTERED', 'ACCEPTED', 'DISPATCHED', 'VERIFYING']),
                 (5, array['REGISTERED', 'ACCEPTED', 'DISPATCHED', 'VERIFYING', 'ASSESSING']),
                 (6, array['REGISTERED', 'ACCEPTED', 'DISPATCHED', 'VERIFYING', 'ASSESSING', 'DISPOSING']),
                 (7, array['REGISTERED', 'ACCEPTED', 'DISPATCHED', 'VERIFYING', 'ASSESSING', 'DISPOSING', 'DISPUTED']),
                 (8, array['REGISTERED', 'ACCEPTED', 'DISPATCHED', 'VERIFYING', 'ASSESSING', 'FEEDBACK']),
                 (9, array['REGISTERED', 'ACCEPTED', 'DISPATCHED', 'VERIFYING', 'ASSESSING', 'DISPOSING', 'FEEDBACK']))
         as p(path, steps)
    cross join lateral unnest(p.steps) with ordinality as s(step, k)
)
select path, k::int, step,
       (sum(weight) over w - weight)::float8 / sum(weight) over (partition by path) as frac_from,
       sum(weight) over w::float8 / sum(weight) over (partition by path) as frac_to,
       k = max(k) over (partition by path) as last
from steps
window w as (partition by path order by k);

create temp table seed_lookup on commit drop as
    select
        (select array_agg(r.code order by r.code) from region r where r.level = 'VILLAGE' and r.code like '620422%') as villages,
        (select array_agg(r.code order by r.code) from region r where r.level = 'TOWNSHIP' and r.code like '620422%') as townships,
        (select array_agg(d.code order by d.code) from dict_item d where d.dict_type = 'sector') as sectors,
        (select array_agg((select min(ds.department_id) from department_sector ds where ds.sector_code = d.code)
                          order by d.code) from dict_item d where d.dict_type = 'sector') as departments,
        (select array_agg(d.code order by d.code) from dict_item d where d.dict_type = 'scheme') as schemes,
        (select id from app_user where username = 'leader') as leader,
        array['鑫', '金', '福', '宏', '盛', '华', '泰', '隆', '瑞', '丰', '源', '达', '兴', '恒', '安', '康', '祥', '和',
              '顺', '德'] as first_chars,
        array['源', '达', '丰', '盛', '泰', '祥', '隆', '瑞', '鑫', '宏', '兴', '福', '邦', '业', '辰', '润', '航', '腾',
              '锦', '悦'] as second_chars,
        array['商贸', '农业科技', '养殖合作社', '种植专业合作社', '建材', '文化传媒', '养老服务中心', '投资咨询', '电子商务',
              '房地产开发', '教育咨询', '健康管理', '旅游开发', '农产品', '保健品', '中药材', '马铃薯', '牛羊肉'] as trades,
        array['以高额回报为诱饵吸收公众存款', '以入股分红名义向村民集资', '以预售养老床位名义收取费用',
              '以销售保健品返利名义吸收资金', '以合作种植保底收益名义集资', '以虚构项目借款承诺高息',
              '以会员卡充值返现名义吸收资金', '以投资理财名义推介高息产品', '以售后返租名义销售商铺',
              '以“消费返利”名义发展会员', '以养殖托管名义承诺固定收益', '未经批准设立交易场所'] as doings;

create temp table seed_clue on commit drop as
with draws as (
    select i, random() as st, random() as src, random() as place, random() as sec, random() as sch, random() as gr,
           random() as age, random() as span, random() as hand, random() as sup, random() as subj, random() as who,
           random() as amt, random() as ppl, random() as det, random() as words
    from generate_series(1, :n) i
),
shaped as (
    select d.*,
           case when d.st < 0.78 then 'CLOSED' when d.st < 0.84 then 'REJECTED' when d.st < 0.86 then 'MERGED'
                when d.st < 0.870 then 'REGISTERED' when d.st < 0.878 then 'ACCEPTED' when d.st < 0.890 then 'DISPATCHED'
                when d.st < 0.930 then 'VERIFYING' when d.st < 0.945 then 'ASSESSING' when d.st < 0.948 then 'DISPUTED'
                when d.st < 0.983 then 'DISPOSING' else 'FEEDBACK' end as state,
           case when d.src < 0.25 then 'TIP' when d.src < 0.45 then 'HOTLINE' when d.src < 0.70 then 'PATROL'
                when d.src < 0.78 then 'REFERRAL' when d.src < 0.83 then 'ASSIGNED' when d.src < 0.85 then 'MEDIA'
                when d.src < 0.93 then 'MONITORING' when d.src < 0.96 then 'BANK_REPORT' when d.src < 0.97 then 'ASSOCIATION'
                when d.src < 0.99 then 'PETITION' else 'OTHER' end as source,
           case when d.place < 0.9 then l.villages[1 + floor(d.place / 0.9 * cardinality(l.villages))::int]
                else l.townships[1 + floor((d.place - 0.9) / 0.1 * cardinality(l.townships))::int] end as region,
           case when d.sec < 0.7 then 1 + floor(d.sec / 0.7 * cardinality(l.sectors))::int end as sector,
           case when d.gr < 0.03 then 'MAJOR' else 'NORMAL' end as grade
    from draws d cross join seed_lookup l
),
pathed as (
    select s.*,
           case s.state when 'REGISTERED' then 1 when 'REJECTED' then 1 when 'MERGED' then 1 + floor(s.det * 2)::int
                        when 'ACCEPTED' then 2 when 'DISPATCHED' then 3 when 'VERIFYING' then 4 when 'ASSESSING' then 5
                        when 'DISPOSING' then 6 when 'DISPUTED' then 7
                        else case when s.det < 0.35 then 8 else 9 end end as path,
           s.state not in ('CLOSED', 'REJECTED', 'MERGED') as open,
           -- how long the history took, in days: a closed clue 10-250, an open one up to now
           case when s.state in ('CLOSED', 'REJECTED', 'MERGED')
                then case when s.state = 'CLOSED' then 10 + 240 * s.span ^ 3 else 1 + 10 * s.span end
                else 0.5 + 90 * s.age ^ 2 end as days
    from shaped s
),
timed as (
    select p.*,
           case when p.open then now() - make_interval(secs => p.days * 86400)
                else now() - make_interval(secs => (p.days + 1 + p.age * (1825 - p.days)) * 86400) end as received
    from pathed p
)
select row_number() over (order by t.received, t.i) as rn, t.*
from timed t;

-- ids in the order received, after every existing clue
select greatest((select coalesce(max(id), 0) from clue), (select last_value from clue_id_seq)) as id_base \gset
select setval('clue_id_seq', :id_base + :n);
select setval('clue_code_seq', greatest((select last_value from clue_code_seq), :n));

-- when each clue entered each step of its history
create temp table seed_step on commit drop as
select :id_base + c.rn as clue_id, p.k, p.step, p.last, c.open, c.grade,
       c.received + make_interval(secs => c.days * 86400 * p.frac_from) as started_at,
       case when not (c.open and p.last) then c.received + make_interval(secs => c.days * 86400 * p.frac_to) end as finished_at
from seed_clue c join seed_path p on p.path = c.path;

insert into clue (id, code, source, source_detail, source_ref, received_at, title, description, region_code, sector_code,
                  scheme_code, amount_fen, people_count, grade, state, handler_region_code, handler_department_id,
                  determination, step_started_at, due_on, supervised, supervision_leader_id, informant_masked,
                  feedback_required, feedback, feedback_at, closed_at, created_by, created_at, updated_at, version)
select :id_base + c.rn,
       'XS' || to_char(c.received, 'YYYY') || lpad(c.rn::text, 7, '0'),
       c.source,
       case c.source when 'HOTLINE' then '12345' when 'REFERRAL' then '县公安局' when 'BANK_REPORT' then '农村商业银行' end,
       case when c.source in ('HOTLINE', 'MONITORING', 'BANK_REPORT') then 'SEED-' || c.rn end,
       c.received,
       l.first_chars[1 + floor(c.words * 20)::int] || l.second_chars[1 + floor(c.who * 20)::int]
         || l.trades[1 + floor(c.amt * 18)::int] || l.doings[1 + floor(c.ppl * 12)::int],
       '反映' || l.first_chars[1 + floor(c.words * 20)::int] || l.second_chars[1 + floor(c.who * 20)::int]
         || l.trades[1 + floor(c.amt * 18)::int] || l.doings[1 + floor(c.ppl * 12)::int]
         || '，涉及群众约' || (3 + floor(c.ppl * 200)::int) || '人，请核查。',
       c.region,
       l.sectors[c.sector],
       case when c.sch < 0.5 then l.schemes[1 + floor(c.sch / 0.5 * cardinality(l.schemes))::int] end,
       case when c.amt < 0.8 then (floor(10000 + c.amt ^ 4 * 1000000) * 100)::bigint * (case when c.grade = 'MAJOR' then 20 else 1 end) end,
       case when c.ppl < 0.8 then (3 + floor(c.ppl ^ 3 * 400))::int * (case when c.grade = 'MAJOR' then 5 else 1 end) end,
       c.grade,
       c.state,
       case when c.path >= 3 and (c.hand < 0.75 or c.sector is null) then left(c.region, 9) || '000' end,
       case when c.path >= 3 and not (c.hand < 0.75 or c.sector is null) then l.departments[c.sector] end,
       case when c.path >= 6 then case when c.det < 0.35 then 'NOT_ILLEGAL' when c.det < 0.6 then 'IRREGULAR'
                                       when c.det < 0.95 then 'SUSPECTED_ILLEGAL' else 'SUSPECTED_CRIME' end end,
       coalesce(cur.started_at, c.received + make_interval(secs => c.days * 86400)),
       case when c.open then (cur.started_at)::date
            + ceil(dl.working_days * 7.0 / 5)::int end,
       c.sup < case when c.open then 0.12 else 0.03 end,
       case when c.sup < case when c.open then 0.06 else 0.015 end then l.leader end,
       case when c.source in ('TIP', 'HOTLINE', 'PETITION') then '王* 139****' || lpad((c.rn % 10000)::text, 4, '0') end,
       c.source in ('TIP', 'HOTLINE', 'REFERRAL', 'ASSIGNED', 'BANK_REPORT', 'ASSOCIATION', 'PETITION'),
       case when c.state = 'CLOSED' and c.source in ('TIP', 'HOTLINE', 'REFERRAL', 'ASSIGNED', 'BANK_REPORT', 'ASSOCIATION', 'PETITION')
            then '已向来源反馈核查处置结果' end,
       case when c.state = 'CLOSED' and c.source in ('TIP', 'HOTLINE', 'REFERRAL', 'ASSIGNED', 'BANK_REPORT', 'ASSOCIATION', 'PETITION')
            then c.received + make_interval(secs => c.days * 86400 * 0.98) end,
       case when c.state = 'CLOSED' then c.received + make_interval(secs => c.days * 86400) end,
       'seed',
       c.received,
       c.received + make_interval(secs => c.days * 86400),
       c.path + case when c.open then 0 else 1 end
from seed_clue c
cross join seed_lookup l
left join seed_step cur on cur.clue_id = :id_base + c.rn and cur.last and c.open
left join clue_deadline dl on dl.step = c.state and dl.grade = c.grade
order by c.rn;

-- merged clues point at an earlier clue
update clue m set merged_into = m.id - 1 - (m.id % 50)
where m.created_by = 'seed' and m.state = 'MERGED' and m.id - 1 - (m.id % 50) > :id_base;

insert into clue_step (clue_id, step, started_at, due_on, finished_at, on_time)
select s.clue_id, s.step, s.started_at, s.started_at::date + ceil(dl.working_days * 7.0 / 5)::int, s.finished_at,
       case when s.finished_at is not null then s.finished_at::date <= s.started_at::date + ceil(dl.working_days * 7.0 / 5)::int end
from seed_step s join clue_deadline dl on dl.step = s.step and dl.grade = s.grade
order by s.clue_id, s.k;

-- the timeline: registration, dispatch, determination, and how the clue ended
insert into clue_event (clue_id, occurred_at, actor, actor_name, kind, from_state, to_state, note)
select e.clue_id, e.at, e.actor, e.actor_name, e.kind, e.from_state, e.to_state, e.note
from (
    select s.clue_id, s.started_at as at, 'office' as actor, '县处非办 王静' as actor_name,
           case s.step when 'REGISTERED' then '登记' when 'DISPATCHED' then '分派' else '认定' end as kind,
           case s.step when 'REGISTERED' then null when 'DISPATCHED' then 'ACCEPTED' else 'ASSESSING' end as from_state,
           s.step as to_state,
           case s.step when 'REGISTERED' then '登记线索' when 'DISPATCHED' then '按属地分派' else '研判认定' end as note
    from seed_step s
    where s.step in ('REGISTERED', 'DISPATCHED') or (s.k = 6 and s.step in ('DISPOSING', 'FEEDBACK'))
    union all
    select :id_base + c.rn, c.received + make_interval(secs => c.days * 86400), 'chief', '县处非办主任 周强',
           case c.state when 'CLOSED' then '销号' when 'REJECTED' then '不予受理' else '合并' end,
           case c.state when 'CLOSED' then 'FEEDBACK' when 'REJECTED' then 'REGISTERED' else 'REGISTERED' end,
           c.state,
           case c.state when 'CLOSED' then '销号' when 'REJECTED' then '不属于非法集资线索，不予受理' else '重复线索，合并' end
    from seed_clue c where not c.open
) e
order by e.clue_id, e.at;

-- a fifth of the clues concern a subject of the ledger (one of the first 100,000), joined by
-- position: indexing an array of 100,000 ids in every row copies the array each time and took
-- more than 13 minutes with a million subjects
create temp table seed_subject on commit drop as
    select row_number() over (order by id) as k, id from (select id from subject order by id limit 100000) s;
alter table seed_subject add primary key (k);
select count(*) as subject_count from seed_subject \gset
insert into clue_subject (clue_id, subject_id)
select :id_base + c.rn, s.id
from seed_clue c join seed_subject s on s.k = 1 + floor(c.subj / 0.2 * :subject_count)::int
where c.subj < 0.2;


-- the tally triggers did not fire (replica): count the tallies again, and the facts the clue
-- measures and the ledger count from (V108, V115)
\ir clue-tallies.sql
select clue_facts_rebuild();
commit;

-- Planner statistics, and the visibility map so that index-only scans need not visit the table.
vacuum (analyze) clue;
vacuum (analyze) clue_step;
vacuum (analyze) clue_event;
vacuum (analyze) clue_subject;
vacuum (analyze) clue_first_determination;
vacuum (analyze) clue_closing;
vacuum (analyze) clue_overdue_step;
vacuum (analyze) clue_open_period;

select count(*) as seeded,
       count(*) filter (where state not in ('CLOSED', 'REJECTED', 'MERGED')) as open,
       count(*) filter (where due_on < current_date) as overdue,
       count(*) filter (where supervised) as supervised
from clue where created_by = 'seed';
select count(*) as steps, count(*) filter (where finished_at >= now() - interval '90 days') as finished_90_days,
       round(100.0 * count(*) filter (where on_time) / nullif(count(*) filter (where finished_at is not null), 0), 1)
         as on_time_percent
from clue_step;
select (select count(*) from clue_event) as events, (select count(*) from clue_subject) as subject_links;
