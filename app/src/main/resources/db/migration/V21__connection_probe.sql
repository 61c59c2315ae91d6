-- What the health probe (and every run) last learnt about a connection: when it last answered,
-- the org's daily API usage, and the last permission preflight (its lines, as JSON).
create table connection_probe (
    connection_id     uuid primary key references salesforce_connection (id) on delete cascade,
    organization_id   uuid not null references organization (id) on delete cascade,
    integration_id    uuid not null references integration (id) on delete cascade,
    last_probe_at     timestamptz,
    last_probe_ok     boolean,
    api_used          bigint,
    api_max           bigint,
    usage_seen_at     timestamptz,
    preflight_at      timestamptz,
    preflight         jsonb,
    version           bigint not null default 0
);
