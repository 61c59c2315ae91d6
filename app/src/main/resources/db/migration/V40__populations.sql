-- Populations: named segments of an organization's synced records (Accounts or Leads) defined by
-- a filter tree (jsonb), with materialized membership kept current after each sync.
-- standard_kind marks the three created with every organization (their filters stay editable).
create table population (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    name             text not null,
    base_object      text not null check (base_object in ('Account', 'Lead')),
    filter           jsonb not null,
    standard_kind    text check (standard_kind in ('CUSTOMERS', 'OPEN_OPPORTUNITIES', 'PROSPECTS')),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint not null default 0
);
create unique index population_name_unique on population (organization_id, lower(name));
create unique index population_standard_unique on population (organization_id, standard_kind) where standard_kind is not null;

-- Materialized membership: one row per (population, record). Deleted records are never members.
create table population_member (
    population_id    uuid not null references population (id) on delete cascade,
    organization_id  uuid not null,
    integration_id   uuid not null,
    object           text not null,
    sf_id            char(18) not null,
    primary key (population_id, integration_id, object, sf_id)
);
create index population_member_record on population_member (integration_id, object, sf_id);
