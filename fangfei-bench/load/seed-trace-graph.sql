-- A fund-tracing graph of :n accounts for the tracing benchmark (tracing.sh), written straight into the
-- tables (the statements' reading is measured separately): for case :case, an approved enquiry (so the case
-- is traced), 10 collection accounts (归集账户), 50 controllers' accounts (实控人账户), 1,000 onward accounts
-- and the rest participants: each participant pays into a collection account 1 to 5 times, the collection
-- accounts pay the controllers, the controllers the onward accounts, and the onward accounts pay "interest"
-- back to participants. Account numbers are not real (the encrypted column holds a placeholder).
-- Run: psql -v case=ID -v n=100000 -f seed-trace-graph.sql
\set ON_ERROR_STOP on
begin;
insert into enquiry (kind, matter_kind, matter_id, matter_label, region_code, bank, reason, status, drafted_by,
  decided_by, decided_at, decision_note)
select 'ENQUIRY', 'CASE', :case, '压测：十万账户资金图', '620422000000', '压测银行', '资金穿透压测', 'APPROVED', 'office',
  'chief', now(), '压测'
where not exists (select 1 from enquiry where matter_kind = 'CASE' and matter_id = :case);

create temp table bench_acct as
select i, nextval('trace_account_id_seq') id from generate_series(1, :n) i;

insert into trace_account (id, matter_kind, matter_id, number_enc, number_idx, number_masked, holder, bank, queried, role)
select id, 'CASE', :case, '\x00'::bytea, md5('bench-graph-' || :case || '-' || i), '6228 **** ' || lpad((i % 10000)::text, 4, '0'),
  case when i <= 10 then '归集账户' || i when i <= 60 then '实控人' || i when i <= 1060 then '去向账户' || i
    else '参与人' || i end, '压测银行', i <= 10,
  case when i <= 10 then 'COLLECTION' when i <= 60 then 'CONTROLLER' else null end
from bench_acct;

-- participants into the collection accounts
insert into trace_flow (matter_kind, matter_id, statement_id, line, at, payer_id, payee_id, amount_fen, memo)
select 'CASE', :case, 0, 0, timestamp '2024-01-01' + (random() * 500) * interval '1 day', p.id,
  c.id, (100 + (random() * 4900)::int) * 100, '入股金'
from bench_acct p cross join lateral generate_series(1, 1 + (p.i % 5)) k
join bench_acct c on c.i = 1 + ((p.i + k) % 10)
where p.i > 1060;
-- collection accounts to the controllers
insert into trace_flow (matter_kind, matter_id, statement_id, line, at, payer_id, payee_id, amount_fen, memo)
select 'CASE', :case, 0, 0, timestamp '2024-01-01' + (random() * 500) * interval '1 day', c.id, t.id,
  (10000 + (random() * 90000)::int) * 100, '往来款'
from bench_acct c cross join bench_acct t cross join generate_series(1, 20) k
where c.i <= 10 and t.i between 11 and 60;
-- controllers to the onward accounts
insert into trace_flow (matter_kind, matter_id, statement_id, line, at, payer_id, payee_id, amount_fen, memo)
select 'CASE', :case, 0, 0, timestamp '2024-01-01' + (random() * 500) * interval '1 day', t.id, o.id,
  (1000 + (random() * 9000)::int) * 100, '转账'
from bench_acct t cross join generate_series(1, 200) k
join bench_acct o on o.i = 61 + ((t.i * 200 + k) % 1000)
where t.i between 11 and 60;
-- onward accounts pay "interest" back to participants
insert into trace_flow (matter_kind, matter_id, statement_id, line, at, payer_id, payee_id, amount_fen, memo)
select 'CASE', :case, 0, 0, timestamp '2024-01-01' + (random() * 500) * interval '1 day', o.id, p.id,
  (10 + (random() * 490)::int) * 100, '返利'
from bench_acct o cross join generate_series(1, 50) k
join bench_acct p on p.i = 1061 + ((o.i * 50 + k) * 7919) % (:n - 1060)
where o.i between 61 and 1060;
commit;
analyze trace_account;
analyze trace_flow;
