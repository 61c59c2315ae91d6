-- Sharing rules: per population a default (partner_org_id is null) and per-partner overrides.
-- fields: {"Account": ["Name", "Industry"]}: only meaningful for OVERLAPPING and ALL.
create table sharing_rule (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    population_id    uuid not null references population (id) on delete cascade,
    partner_org_id   uuid references organization (id) on delete cascade,
    level            text not null check (level in ('HIDDEN', 'COUNTS_ONLY', 'OVERLAPPING', 'ALL')),
    fields           jsonb not null default '{}'::jsonb,
    updated_at       timestamptz not null
);
create unique index sharing_rule_default on sharing_rule (population_id) where partner_org_id is null;
create unique index sharing_rule_override on sharing_rule (population_id, partner_org_id) where partner_org_id is not null;
