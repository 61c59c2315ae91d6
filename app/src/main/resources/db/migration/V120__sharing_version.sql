-- A per-organization counter bumped in the same transaction as any change to what its partners may be shown:
-- a population added, renamed, re-based or deleted, or a sharing rule written or removed. The package API's
-- record page caches each partner's sharing decision under this number and re-reads it on every call, so the
-- very next call after a change (on any node) recomputes: a stale decision would be a data leak.
-- No foreign key: a cascade that deletes an organization fires these triggers after the organization row is
-- gone, and an orphaned counter is harmless.
create table sharing_version (
    organization_id uuid primary key,
    version         bigint not null
);

create function sharing_version_bump() returns trigger language plpgsql as $$
declare
    org uuid;
begin
    org := case when tg_op = 'DELETE' then old.organization_id else new.organization_id end;
    insert into sharing_version (organization_id, version) values (org, 1)
        on conflict (organization_id) do update set version = sharing_version.version + 1;
    if tg_op = 'UPDATE' and old.organization_id is distinct from new.organization_id then
        insert into sharing_version (organization_id, version) values (old.organization_id, 1)
            on conflict (organization_id) do update set version = sharing_version.version + 1;
    end if;
    return null;
end $$;

-- Syncs rewrite populations' counters and timestamps: only the columns a partner's view depends on bump.
create trigger population_sharing_version after insert or delete or update of organization_id, name, base_object on population
    for each row execute function sharing_version_bump();
create trigger sharing_rule_sharing_version after insert or delete or update on sharing_rule
    for each row execute function sharing_version_bump();

-- Tests and operators may empty these tables wholesale: every cached decision is then void.
create function sharing_version_bump_all() returns trigger language plpgsql as $$
begin
    update sharing_version set version = version + 1;
    return null;
end $$;
create trigger population_sharing_version_truncate after truncate on population
    for each statement execute function sharing_version_bump_all();
create trigger sharing_rule_sharing_version_truncate after truncate on sharing_rule
    for each statement execute function sharing_version_bump_all();
