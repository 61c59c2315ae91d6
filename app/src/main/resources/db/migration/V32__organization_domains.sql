-- Domains an organization (a Crosswalk tenant) owns: its identity, for multi-domain companies.
-- Partners invite it by one of these domains, and the overlap engine recognizes records on them
-- as the organization itself rather than as a shared account. Stored as registrable domains
-- (MatchKeys); a domain belongs to at most one organization.
create table organization_domain (
    domain             text primary key,
    organization_id    uuid not null references organization (id) on delete cascade,
    created_at         timestamptz not null,
    created_by_member  uuid
);
create index organization_domain_organization on organization_domain (organization_id);
