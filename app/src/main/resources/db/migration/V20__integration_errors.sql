-- What is wrong (or about to go wrong) with an integration, one row per problem. At most one open
-- row per (integration, code, object, field): a repeat only bumps last_seen and occurrences. A row
-- is closed (cleared_at) by the run or probe that proved the problem gone, never by time.
create table integration_error (
    id              uuid primary key,
    organization_id uuid not null references organization (id) on delete cascade,
    integration_id  uuid not null references integration (id) on delete cascade,
    connection_id   uuid,
    code            text not null,
    severity        text not null check (severity in ('ERROR', 'WARNING')),
    transient       boolean not null default false,
    object          text,
    field           text,
    message         text not null,
    fix             text not null,
    first_seen      timestamptz not null,
    last_seen       timestamptz not null,
    occurrences     int not null default 1,
    cleared_at      timestamptz,
    cleared_by      text,
    cleared_by_run  uuid
);
create unique index integration_error_one_open
    on integration_error (integration_id, code, coalesce(object, ''), coalesce(field, ''))
    where cleared_at is null;
create index integration_error_history on integration_error (organization_id, integration_id, last_seen desc);
