-- What the Salesforce Custom Objects integration pushes (its General Settings): which partners, which
-- of my populations, which partner populations and which partner fields. A null array means "all"
-- (all shared, for fields), so partners, populations and fields added later are included.
create table push_settings (
    integration_id       uuid primary key references integration (id) on delete cascade,
    organization_id      uuid not null references organization (id) on delete cascade,
    partners             uuid[],
    my_populations       uuid[],
    partner_populations  uuid[],
    partner_fields       text[],
    updated_at           timestamptz not null,
    version              bigint not null default 0
);
