-- Synthetic risk subjects for the scale test of the subject ledger (docs/performance.md).
--
--   psql -h localhost -p PORT -U postgres -d fangfei -v n=1000000 -f fangfei-bench/load/seed-subjects.sql
--
-- Rerunnable: every row it writes has created_by = 'seed', and those rows are deleted first
-- (a patrol or pending finding that points at a seeded subject makes the delete fail: remove
-- it first). One transaction, set-based, deterministic (setseed): the same n gives the same
-- rows. Spread over the demo county's 322 villages, with each village's grid, the 18 sectors
-- and their supervising departments, the schemes, every kind, status and risk level. About
-- half carry a unique credit code with a correct GB 32100 check character; about 0.5 % have a
-- name with a statutory word (条例 art. 9) and wait for review; the shop name 驼铃 is rare
-- (about 1 in 20,000) for the rare-word search.
\set ON_ERROR_STOP on
\if :{?n}
\else
\set n 1000000
\endif
\timing on

begin;

delete from subject where created_by = 'seed';

select setseed(0.2026);

insert into subject (kind, name, credit_code, legal_representative, business_address, region_code, grid_id,
                     sector_code, department_id, scheme_code, risk_level, status, statutory_words, word_review,
                     created_by, created_at, updated_at)
with lookups as (
    select
        (select array_agg(r.code order by r.code) from region r
          where r.level = 'VILLAGE' and r.code like '620422%') as villages,
        (select array_agg((select min(g.id) from grid g where g.region_code = r.code) order by r.code) from region r
          where r.level = 'VILLAGE' and r.code like '620422%') as grids,
        (select array_agg(d.code order by d.code) from dict_item d where d.dict_type = 'sector') as sectors,
        (select array_agg((select min(ds.department_id) from department_sector ds where ds.sector_code = d.code)
                          order by d.code) from dict_item d where d.dict_type = 'sector') as departments,
        (select array_agg(d.code order by d.code) from dict_item d where d.dict_type = 'scheme') as schemes,
        array['会宁县', '会宁', '白银', '甘肃', '会宁县', ''] as places,
        array['鑫', '金', '福', '宏', '盛', '华', '泰', '隆', '瑞', '丰', '源', '达', '兴', '恒', '安', '康', '祥', '和',
              '顺', '德', '旺', '利', '通', '嘉', '信', '诚', '万', '永', '昌', '辉', '博', '远', '新', '天', '益', '众',
              '合', '汇', '宇', '凯'] as first_chars,
        array['源', '达', '丰', '盛', '泰', '祥', '隆', '瑞', '鑫', '宏', '兴', '福', '邦', '业', '辰', '润', '航', '腾',
              '锦', '悦', '阳', '峰', '川', '海', '林', '禾', '田', '原', '河', '山', '城', '晟', '翔', '鸿', '达', '富',
              '贵', '星', '月', '光'] as second_chars,
        array['商贸', '农业科技', '养殖', '种植', '建材', '餐饮管理', '文化传媒', '养老服务', '投资咨询', '电子商务',
              '物流', '房地产开发', '教育咨询', '健康管理', '旅游开发', '信息技术', '农产品', '汽车服务', '家政服务',
              '装饰工程', '劳务', '保健品', '影视文化', '中药材', '马铃薯', '小杂粮', '牛羊肉', '建筑工程'] as trades,
        array['金融服务', '理财咨询', '财富管理', '股权众筹', '农产品交易中心', '小杂粮交易所'] as statutory_trades,
        array['有限公司', '有限责任公司', '有限公司', '有限公司'] as company_forms,
        array['商行', '门市部', '经营部', '店', '超市', '批发部'] as shop_forms,
        array['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '马', '郭', '何', '罗', '牛', '魏', '田', '丁'] as surnames,
        array['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平',
              '建国', '志强', '秀英', '桂兰', '玉梅', '海燕', '永红', '文斌'] as given_names
),
draws as (
    select i, random() as k, random() as p, random() as f, random() as s, random() as t, random() as form,
           random() as v, random() as sec, random() as sch, random() as risk, random() as st, random() as code,
           random() as who, random() as age
    from generate_series(1, :n) i
),
shaped as (
    select d.*, l.*,
           case when d.k < 0.60 then 'ENTERPRISE' when d.k < 0.90 then 'INDIVIDUAL_BUSINESS'
                when d.k < 0.95 then 'INDIVIDUAL' when d.k < 0.99 then 'ORGANISATION' else 'PLATFORM' end as kind_code,
           case when d.f < 0.00005 then '驼铃'
                else l.first_chars[1 + floor(d.f * 40)::int % 40] || l.second_chars[1 + floor(d.s * 40)::int] end as shop,
           case when d.t < 0.005 then l.statutory_trades[1 + floor(d.t * 1200)::int]
                else l.trades[1 + floor(d.t * 28)::int] end as trade,
           l.surnames[1 + floor(d.who * 18)::int]
             || l.given_names[1 + floor(d.form * 26)::int] as person,
           1 + floor(d.v * 322)::int as village,
           1 + floor(d.sec * 18)::int as sector
    from draws d cross join lookups l
),
named as (
    select s.*,
           case s.kind_code
             when 'INDIVIDUAL' then s.person
             when 'INDIVIDUAL_BUSINESS' then s.places[1 + floor(s.p * 6)::int] || s.shop || s.trade
                                             || s.shop_forms[1 + floor(s.form * 6)::int]
             when 'ORGANISATION' then s.places[1 + floor(s.p * 5)::int] || s.shop || s.trade || '专业合作社'
             when 'PLATFORM' then s.shop || s.trade || '网络平台'
             else s.places[1 + floor(s.p * 6)::int] || s.shop || s.trade || s.company_forms[1 + floor(s.form * 4)::int]
           end as name_text,
           case when s.kind_code <> 'INDIVIDUAL' and s.code < 0.53
                then case s.kind_code when 'INDIVIDUAL_BUSINESS' then '92' when 'ORGANISATION' then '93' else '91' end
                     || '620422' || 'MA' || lpad(s.i::text, 7, '0') end as first17
    from shaped s
)
select n.kind_code,
       n.name_text,
       case when n.first17 is not null then n.first17 || substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
            1 + (31 - (select sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(n.first17, w.pos::int, 1)) - 1) * w.weight)
                         from unnest(array[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
                              with ordinality as w(weight, pos))::int % 31) % 31, 1) end,
       case when n.kind_code <> 'INDIVIDUAL' then n.person end,
       '甘肃省白银市会宁县' || n.shop || '路' || (1 + n.i % 300) || '号',
       n.villages[n.village],
       n.grids[n.village],
       case when n.sec < 0.7 then n.sectors[n.sector] end,
       case when n.sec < 0.7 then n.departments[n.sector] end,
       case when n.sch < 0.4 then n.schemes[1 + floor(n.sch / 0.4 * cardinality(n.schemes))::int] end,
       case when n.risk < 0.02 then 'RED' when n.risk < 0.10 then 'ORANGE' when n.risk < 0.30 then 'YELLOW'
            when n.risk < 0.60 then 'BLUE' end,
       case when n.st < 0.50 then 'WATCHING' when n.st < 0.65 then 'RECTIFYING' when n.st < 0.85 then 'RESOLVED'
            when n.st < 0.88 then 'CASE_FILED' when n.st < 0.93 then 'LOST_CONTACT' else 'NO_ACTION' end,
       w.words,
       case when w.words is not null then case when n.st < 0.8 then 'PENDING' else 'CLEARED' end end,
       'seed',
       now() - make_interval(days => floor(n.age * 2000)::int),
       now() - make_interval(days => floor(n.age * 100)::int)
from named n
cross join lateral (
    select nullif(concat_ws(',',
        case when n.name_text like '%金融%' then '金融' end,
        case when n.name_text like '%交易所%' then '交易所' end,
        case when n.name_text like '%交易中心%' then '交易中心' end,
        case when n.name_text like '%理财%' then '理财' end,
        case when n.name_text like '%财富管理%' then '财富管理' end,
        case when n.name_text like '%股权众筹%' then '股权众筹' end), '') as words
) w
order by n.i
on conflict do nothing;

commit;

-- Planner statistics, and the visibility map so that index-only scans need not visit the table.
vacuum (analyze) subject;

select count(*) as seeded,
       count(credit_code) as with_credit_code,
       count(*) filter (where word_review = 'PENDING') as flagged,
       count(*) filter (where name like '%驼铃%') as rare_word
from subject where created_by = 'seed';
