-- Webhooks an organization's admins configured, and the alerts sent to them: one alert per
-- status change of an integration (into Error, and recovery), one delivery row per webhook.
create table webhook (
    id              uuid primary key,
    organization_id uuid not null references organization (id) on delete cascade,
    url             text not null,
    secret_enc      bytea not null,
    description     text,
    created_at      timestamptz not null
);
create index webhook_organization on webhook (organization_id);

create table alert (
    id              uuid primary key,
    organization_id uuid not null references organization (id) on delete cascade,
    integration_id  uuid not null references integration (id) on delete cascade,
    kind            text not null check (kind in ('INTO_ERROR', 'RECOVERED')),
    from_status     text not null,
    to_status       text not null,
    payload         jsonb not null,
    created_at      timestamptz not null
);
create index alert_organization on alert (organization_id, created_at desc);

create table alert_delivery (
    id              uuid primary key,
    alert_id        uuid not null references alert (id) on delete cascade,
    webhook_id      uuid not null references webhook (id) on delete cascade,
    attempts        int not null default 0,
    delivered_at    timestamptz,
    last_attempt_at timestamptz,
    last_status     int,
    last_error      text,
    gave_up         boolean not null default false,
    unique (alert_id, webhook_id)
);
