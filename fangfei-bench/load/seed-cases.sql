-- Synthetic cases (案件) for the scale test of the case ledger (docs/performance.md).
--
--   psql -h localhost -p PORT -U postgres -d fangfei -v n=100000 -f fangfei-bench/load/seed-cases.sql
--
-- Rerunnable: every case it writes has created_by = 'seed'; those cases and their stages,
-- timeline entries and regions are deleted first. One transaction, set-based, deterministic
-- (setseed): the same n gives the same rows.
--
-- Shape: opened over the last ten years, ids in the order opened; 60 % criminal (立案 → … → 结案),
-- 40 % administrative; 70 % closed (结案), the rest spread over the stages of their path; led by a
-- township (80 %) or the county (20 %); 8 % involve another region (case_region), 2 % another
-- province; amounts from 10万 to 2亿, 3 % ≥ 1亿; 5 % under listed supervision. Each case has the
-- stages it went through (case_stage) and one timeline entry (case_event).
\set ON_ERROR_STOP on
\if :{?n}
\else
\set n 100000
\endif
\timing on

begin;
-- skips the append-only triggers of case_stage and case_event, so seeded rows can be removed
set local session_replication_role = replica;
set local work_mem = '256MB';

delete from case_event where case_id in (select id from case_file where created_by = 'seed');
delete from case_stage where case_id in (select id from case_file where created_by = 'seed');
delete from case_region where case_id in (select id from case_file where created_by = 'seed');
delete from case_file where created_by = 'seed';

select setseed(0.2026);

create temp table seed_lookup on commit drop as
    select
        (select array_agg(r.code order by r.code) from region r where r.level = 'TOWNSHIP' and r.code like '620422%') as townships,
        (select array_agg(r.code order by r.code) from region r where r.level = 'VILLAGE' and r.code like '620422%') as villages,
        (select array_agg(d.code order by d.code) from dict_item d where d.dict_type = 'sector') as sectors,
        (select array_agg(d.code order by d.code) from dict_item d where d.dict_type = 'scheme') as schemes,
        array['鑫', '金', '福', '宏', '盛', '华', '泰', '隆', '瑞', '丰', '源', '达', '兴', '恒', '安', '康', '祥', '和'] as first_chars,
        array['源', '达', '丰', '盛', '泰', '祥', '隆', '瑞', '鑫', '宏', '兴', '福', '邦', '业', '辰', '润', '航', '腾'] as second_chars,
        array['商贸', '农业科技', '养殖合作社', '建材', '文化传媒', '养老服务中心', '投资咨询', '电子商务', '房地产开发',
              '健康管理', '旅游开发', '保健品'] as trades,
        array['非法吸收公众存款案', '集资诈骗案', '非法集资案'] as charges,
        array['FILED', 'INVESTIGATION', 'PROSECUTION', 'TRIAL', 'ENFORCEMENT', 'REFUND', 'CLOSED'] as criminal,
        array['ADMIN_INVESTIGATION', 'ADMIN_DETERMINATION', 'PENALTY', 'REFUND', 'CLOSED'] as administrative;

create temp table seed_case on commit drop as
with base as (
    select g as k, random() as r_path, random() as r_done, random() as r_stage, random() as r_region, random() as r_amt,
           random() as r_cross, random() as r_sup, random() as r_name1, random() as r_name2, random() as r_trade,
           random() as r_charge, random() as r_sector, random() as r_scheme, random() as r_people
    from generate_series(1, :n) g
), shaped as (
    select b.*, l.*,
           case when b.r_path < 0.6 then 'CRIMINAL' else 'ADMINISTRATIVE' end as path,
           -- opened over ten years, in order of k
           (current_date - (3650 - (b.k::float8 / :n) * 3600)::int) as opened_on
    from base b cross join seed_lookup l
)
select k,
       'AJ' || to_char(opened_on, 'YYYY') || lpad(k::text, 7, '0') as code,
       '会宁县' || first_chars[1 + floor(r_name1 * array_length(first_chars, 1))::int]
         || second_chars[1 + floor(r_name2 * array_length(second_chars, 1))::int]
         || trades[1 + floor(r_trade * array_length(trades, 1))::int]
         || charges[1 + floor(r_charge * array_length(charges, 1))::int] as title,
       path,
       case when r_done < 0.7 then 'CLOSED'
            when path = 'CRIMINAL' then criminal[1 + floor(r_stage * 6)::int]
            else administrative[1 + floor(r_stage * 4)::int] end as stage,
       opened_on,
       case when r_region < 0.8 then townships[1 + floor(r_region / 0.8 * array_length(townships, 1))::int]
            else '620422000000' end as region_code,
       sectors[1 + floor(r_sector * array_length(sectors, 1))::int] as sector_code,
       schemes[1 + floor(r_scheme * array_length(schemes, 1))::int] as scheme_code,
       case when r_amt < 0.03 then 10000000000 + floor(r_amt / 0.03 * 10000000000)::bigint
            else 10000000 + floor(r_amt * r_amt * 5000000000)::bigint end as amount_fen,
       (10 + floor(r_people * r_people * 3000))::int as people,
       r_cross < 0.08 as cross_region,
       r_cross < 0.02 as cross_province,
       r_sup < 0.05 as supervised,
       criminal, administrative
from shaped;

insert into case_file (code, title, origin, path, stage, stage_on, region_code, sector_code, scheme_code,
                       amount_raised_fen, participants_count, direct_loss_fen, criminal_filed_on, cross_province,
                       listed_supervision, supervision_note, created_by, created_at, updated_at)
select code, title, 'LEGACY', path, stage, least(current_date, opened_on + 400), region_code, sector_code, scheme_code,
       amount_fen, people, amount_fen / 2, case when path = 'CRIMINAL' then opened_on end, cross_province,
       supervised, case when supervised then '限期办结' end, 'seed', opened_on::timestamptz, opened_on::timestamptz
from seed_case order by k;

-- the stages each case went through, from its first to the one it is at
insert into case_stage (case_id, stage, entered_on, doc_number, unit, recorded_by, recorded_at)
select c.id, s.stage, least(current_date, sc.opened_on + ((s.i - 1) * 60)::int), '会公(经)字〔' || to_char(sc.opened_on, 'YYYY') || '〕' || sc.k || '-' || s.i,
       case when sc.path = 'CRIMINAL' then '会宁县公安局' else '会宁县市场监督管理局' end, 'seed', sc.opened_on::timestamptz
from seed_case sc
join case_file c on c.code = sc.code
cross join lateral unnest(case when sc.path = 'CRIMINAL' then sc.criminal else sc.administrative end) with ordinality as s(stage, i)
where s.i <= array_position(case when sc.path = 'CRIMINAL' then sc.criminal else sc.administrative end, sc.stage);

insert into case_event (case_id, actor, actor_name, kind, note, occurred_at)
select c.id, 'seed', '压测数据', '登记', '存量案件登记', c.created_at from case_file c where c.created_by = 'seed';

-- regions involved: another township of the county, or a county of another province
insert into case_region (case_id, region_code)
select c.id, case when sc.cross_province then '130102000000'
                  else (select l.townships[1 + (sc.k % array_length(l.townships, 1))] from seed_lookup l) end
from seed_case sc join case_file c on c.code = sc.code
where sc.cross_region
on conflict do nothing;

commit;
analyze case_file;
analyze case_stage;
analyze case_region;
