-- Each push of a Custom Objects integration: what it did and how (for the integration's page and the API).
create table push_run (
    id                 uuid primary key,
    integration_id     uuid not null references integration (id) on delete cascade,
    organization_id    uuid not null references organization (id) on delete cascade,
    trigger            text not null,
    status             text not null check (status in ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'SKIPPED')),
    mode               text,
    desired            int not null default 0,
    upserted           int not null default 0,
    deleted            int not null default 0,
    accounts_updated   int not null default 0,
    unchanged          int not null default 0,
    rejected           int not null default 0,
    write_calls        int not null default 0,
    api_calls          int not null default 0,
    error_code         text,
    message            text,
    started_at         timestamptz not null,
    finished_at        timestamptz
);
create index push_run_integration on push_run (integration_id, started_at desc);
