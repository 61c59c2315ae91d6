-- One OAuth client of Crosswalk's authorization server per Salesforce Custom Objects integration:
-- the package's Auth. Provider in that Salesforce org. Bound to one Crosswalk organization and one
-- Salesforce org id; what the Advanced Settings "Outbound" row shows is kept here too.
create table outbound_client (
    registered_client_id  varchar(100) primary key references oauth2_registered_client (id) on delete cascade,
    organization_id       uuid not null references organization (id) on delete cascade,
    integration_id        uuid not null unique references integration (id) on delete cascade,
    sf_org_id             char(18) not null,
    client_id             varchar(100) not null unique,
    created_at            timestamptz not null,
    secret_rotated_at     timestamptz,
    consented_by_member   uuid,
    consented_by_email    text,
    consented_at          timestamptz,
    last_token_at         timestamptz,
    last_token_grant      text,
    last_callout_at       timestamptz,
    last_callout_path     text,
    last_callout_sf_user  text,
    last_refused_at       timestamptz,
    last_refused_reason   text,
    tokens_revoked_at     timestamptz
);
create index outbound_client_organization on outbound_client (organization_id);

-- Removing the binding (integration or organization deleted) removes the client and its tokens:
-- the registration must not outlive what it was bound to.
create function outbound_client_removed() returns trigger language plpgsql as $$
begin
    delete from oauth2_registered_client where id = old.registered_client_id;
    return old;
end $$;
create trigger outbound_client_removed after delete on outbound_client
    for each row execute function outbound_client_removed();
