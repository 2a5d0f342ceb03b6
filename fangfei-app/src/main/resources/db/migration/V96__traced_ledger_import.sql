-- The case ledger takes its participants from the traced inflows and its assets from the traced outflows
-- (issue 20): the counterparty's ID number a statement shows is kept encrypted (AAD
-- trace_account.id_number:<id>) and masked beside its blind index, so that the reviewed import can register the
-- participant; an asset taken from a traced account remembers the account's blind index, so that it is not taken
-- twice.
alter table trace_account add column id_number_enc bytea;
alter table trace_account add column id_number_masked varchar(20);

alter table case_asset add column traced_account_idx varchar(64);
create unique index case_asset_traced_idx on case_asset (case_id, traced_account_idx)
    where traced_account_idx is not null;
