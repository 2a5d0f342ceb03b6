-- A participant's refunded amount is summed from the payments of the refund batches
-- (case_refund): a batch writes its payments and changes no participant row, so a batch over
-- a million participants is one insert (docs/performance.md). The running total goes, and with
-- it the check that compared it with the amount put in (a batch never pays more than the net
-- loss: RefundBatches).
alter table case_participant drop column refunded_fen;

-- the register searched by name prefix within a case of a million participants
create index case_participant_name_idx on case_participant (case_id, name varchar_pattern_ops);

-- how many payments of a batch the bank has made, kept with the batch as they are recorded, so
-- a case page does not count a million payments
alter table case_refund_batch add column paid integer not null default 0;
update case_refund_batch b set paid = (select count(*) from case_refund r where r.batch_id = b.id and r.paid_on is not null);
