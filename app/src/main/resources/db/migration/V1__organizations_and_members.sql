-- Tenants and the people who sign in to them. A member belongs to exactly one organization;
-- the email is the login name, so it is unique across all organizations.
create table organization (
    id          uuid primary key,
    name        text not null,
    created_at  timestamptz not null default now()
);

create table member (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    email            text not null,
    display_name     text not null,
    password_hash    text not null,
    role             text not null check (role in ('ADMIN', 'MANAGER', 'VIEWER')),
    created_at       timestamptz not null default now()
);

create unique index member_email_unique on member (lower(email));
create index member_organization on member (organization_id);
