-- One row per sync run: what triggered it, how it went, per-object counts, API calls, errors,
-- and progress while running (heartbeat lets another node tell a dead run from a slow one).
create table sync_run (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    integration_id   uuid not null references integration (id) on delete cascade,
    trigger          text not null check (trigger in ('SCHEDULE', 'MANUAL', 'FIRST_SYNC', 'VERIFICATION')),
    status           text not null check (status in ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED')),
    started_at       timestamptz not null,
    ended_at         timestamptz,
    heartbeat_at     timestamptz not null,
    node             text not null,
    records_read     bigint not null default 0,
    records_upserted bigint not null default 0,
    records_deleted  bigint not null default 0,
    estimated_total  bigint,
    api_calls        int not null default 0,
    objects          jsonb not null default '{}'::jsonb,
    errors           jsonb not null default '[]'::jsonb
);
create index sync_run_integration on sync_run (integration_id, started_at desc);
create unique index sync_run_one_running on sync_run (integration_id) where status = 'RUNNING';
