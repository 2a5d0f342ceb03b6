-- Security review (issue 12) of bank-export uploads (资金监测, see docs/monitoring.md):
-- * a queued or running batch records the process that runs it and when that process last
--   reported; a batch whose runner stopped reporting (killed, crashed) is marked failed;
-- * a batch counts the rows it dropped as exact repeats of a transfer id within its file, and
--   the transfer ids of its file already stored by an earlier batch of the same source
--   (same jurisdiction and same header);
-- * uploads waiting for their column mapping expire (the job looks them up by status).

alter table monitoring_batch add column runner_id varchar(120);
alter table monitoring_batch add column heartbeat_at timestamptz;
alter table monitoring_batch add column duplicate_count integer not null default 0;
alter table monitoring_batch add column earlier_count integer not null default 0;

create index monitoring_batch_open_idx on monitoring_batch (status, uploaded_at)
    where status in ('MAPPING', 'QUEUED', 'RUNNING');

-- transfer ids already stored, looked up per upload
create index monitoring_transfer_tx_idx on monitoring_transfer (tx_id);
