-- The keys of rows a push is writing that Salesforce has not answered for yet, one row per write (a Bulk job
-- or a run of Collections calls) holding them all as one array: marking 100,000 new rows unconfirmed was
-- 100,000 push_row inserts that the confirmation then updated (two tuples per row; now one array row, and
-- one insert per confirmed row). Settled at the end of the push and at the start of the next one (a crash or
-- a revoked token in between): keys with no push_row then get one with hash null, exactly what marking them
-- pending row by row left behind, so the next push writes them again or deletes them by their external id.
create table push_inflight (
    id                 uuid primary key,
    integration_id     uuid not null references integration (id) on delete cascade,
    kind               text not null check (kind in ('OVERLAP', 'ACCOUNT')),
    row_keys           text[] not null,
    first_overlapped   timestamptz,
    created_at         timestamptz not null default now()
);

create index push_inflight_integration on push_inflight (integration_id);
