-- Match keys of synced records, one row per crm_record of a matchable object (Account, Lead,
-- Contact), computed in Java by dev.crosswalk.app.record.MatchKeys after each sync.
--   domain       registrable domain (ASCII/punycode, lower case) or null when there is none
--   key_reason   KeyReason name: why domain is (or is not) there (WEBSITE, EMAIL, BLANK, PERSONAL_DOMAIN, DELETED, ...)
--   name_key     normalized company name, weak evidence only; null when none
--   name_reason  KeyReason name for name_key (NAME, BLANK, PLACEHOLDER, NOT_APPLICABLE, DELETED, ...)
--   source_synced_at  the crm_record.synced_at these keys were computed from (older than the record = pending)
--   changed_at   when domain or name_key last changed (first computation included): the overlap
--                engine re-matches only records with changed_at after its own last run
-- Deleted records keep a row with domain and name_key null (reason DELETED), so a join on the
-- keys never sees them and their removal shows up in changed_at.
create table record_key (
    organization_id   uuid not null references organization (id) on delete cascade,
    integration_id    uuid not null,
    object            text not null,
    sf_id             char(18) not null,
    domain            text,
    key_reason        text not null,
    name_key          text,
    name_reason       text not null,
    source_synced_at  timestamptz not null,
    computed_at       timestamptz not null,
    changed_at        timestamptz not null,
    primary key (integration_id, object, sf_id),
    foreign key (integration_id, object, sf_id) references crm_record (integration_id, object, sf_id) on delete cascade
);
-- Joining two organizations' records by domain (the overlap engine), and counting keys per organization.
create index record_key_organization_domain on record_key (organization_id, domain) where domain is not null;
create index record_key_organization_name on record_key (organization_id, name_key) where name_key is not null;
create index record_key_organization_changed on record_key (organization_id, changed_at);

-- How far key computation got per integration: records synced after computed_through are pending.
-- rules_version is MatchKeys.RULES_VERSION at that time; a newer version recomputes every record.
create table record_key_checkpoint (
    integration_id    uuid primary key references integration (id) on delete cascade,
    organization_id   uuid not null references organization (id) on delete cascade,
    computed_through  timestamptz,
    rules_version     int not null,
    updated_at        timestamptz not null
);
