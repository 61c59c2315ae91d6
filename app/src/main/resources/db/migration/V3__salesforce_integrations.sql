-- An integration is a kind (here the Salesforce data source) with settings, a status and its
-- connections. Several Salesforce orgs per organization are allowed: one integration each.
create table integration (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    kind             text not null check (kind in ('SALESFORCE_DATA_SOURCE')),
    name             text not null,
    frequency_hours  int not null default 12 check (frequency_hours in (1, 3, 6, 12, 24)),
    paused           boolean not null default false,
    settings         jsonb not null default '{}'::jsonb,
    status           text not null default 'CONNECTING',
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint not null default 0
);
create index integration_organization on integration (organization_id);

-- The OAuth connection of an integration. Tokens are AES-GCM ciphertexts bound to the row id;
-- the plaintext never reaches the database or any API answer.
create table salesforce_connection (
    id                    uuid primary key,
    organization_id       uuid not null references organization (id) on delete cascade,
    integration_id        uuid not null references integration (id) on delete cascade,
    direction             text not null default 'INBOUND' check (direction in ('INBOUND', 'OUTBOUND')),
    login_host            text not null,
    instance_url          text not null,
    sf_org_id             text not null,
    sf_user_id            text not null,
    sf_username           text not null,
    access_token_enc      bytea not null,
    refresh_token_enc     bytea,
    token_issued_at       timestamptz,
    authorized_by_member  uuid,
    authorized_by_email   text,
    authorized_at         timestamptz not null,
    last_used_at          timestamptz,
    health                text not null default 'HEALTHY',
    last_success_at       timestamptz,
    last_failure_at       timestamptz,
    version               bigint not null default 0,
    unique (integration_id, direction)
);
create index salesforce_connection_organization on salesforce_connection (organization_id);

-- A started OAuth round trip: the state is single use and expires; the PKCE verifier is encrypted.
create table oauth_flow (
    state              text primary key,
    organization_id    uuid not null references organization (id) on delete cascade,
    member_id          uuid not null,
    integration_id     uuid,
    login_host         text not null,
    redirect_uri       text not null,
    code_verifier_enc  bytea not null,
    replace_org        boolean not null default false,
    name               text,
    created_at         timestamptz not null,
    consumed_at        timestamptz
);
