-- When the work derived from a run's records (match keys, population membership, overlaps)
-- caught up with it. That work is its own job after the run, so the sync job is free again the
-- moment its records are stored; until matched_at is set the run's records may not match yet.
-- Numbered after the other features' migrations so existing databases apply it in order.
alter table sync_run add column matched_at timestamptz;
update sync_run set matched_at = ended_at where status <> 'RUNNING';
create index sync_run_awaiting_match on sync_run (integration_id) where matched_at is null and status <> 'RUNNING';
