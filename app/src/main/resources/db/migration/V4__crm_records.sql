-- Synced CRM records, one row per Salesforce record, keyed by the integration (one Salesforce
-- org), the object and the 18-character id. Field values live in jsonb, so adding or removing a
-- field never needs a migration. Deleted records stay with is_deleted = true (queryAll tells us).
create table crm_record (
    organization_id  uuid not null references organization (id) on delete cascade,
    integration_id   uuid not null references integration (id) on delete cascade,
    object           text not null,
    sf_id            char(18) not null,
    fields           jsonb not null,
    is_deleted       boolean not null default false,
    system_modstamp  timestamptz not null,
    synced_at        timestamptz not null default now(),
    primary key (integration_id, object, sf_id)
);
create index crm_record_organization on crm_record (organization_id, object);

-- How far each object's incremental sync got. Advanced in the same transaction as the rows it covers.
create table sync_checkpoint (
    integration_id   uuid not null references integration (id) on delete cascade,
    object           text not null,
    watermark        timestamptz not null,
    full_sync_done   boolean not null default false,
    -- the fields the checkpoint was reached with: a different selection starts that object over
    fields_signature text not null default '',
    updated_at       timestamptz not null,
    primary key (integration_id, object)
);
