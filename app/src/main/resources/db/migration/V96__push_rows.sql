-- What Salesforce holds of each pushed row, as Salesforce confirmed it: one row per Ecosystem_Overlap__c
-- record (kind OVERLAP, key = its Crosswalk_Key__c) and per Account whose two Crosswalk fields were
-- set (kind ACCOUNT, key = the Account id). hash is the SHA-256 of the values last confirmed written;
-- null means a write was started but not confirmed (a crash or a revoked token in between): the row
-- is written again, or deleted by its external id, on the next push.
create table push_row (
    integration_id     uuid not null references integration (id) on delete cascade,
    kind               text not null check (kind in ('OVERLAP', 'ACCOUNT')),
    row_key            text not null,
    sf_id              char(18),
    hash               bytea,
    first_overlapped   timestamptz,
    last_confirmed     timestamptz,
    pushed_at          timestamptz,
    primary key (integration_id, kind, row_key)
);

-- Rows Salesforce refused, per row, with Salesforce's code and message; retried on later pushes
-- (next_attempt_at: lock errors sooner, with backoff) and removed once a write of that row succeeds.
create table push_rejection (
    integration_id     uuid not null references integration (id) on delete cascade,
    kind               text not null,
    row_key            text not null,
    operation          text not null check (operation in ('UPSERT', 'UPDATE', 'DELETE')),
    error_code         text not null,
    message            text not null,
    fields             text,
    attempts           int not null default 1,
    first_seen         timestamptz not null,
    last_seen          timestamptz not null,
    next_attempt_at    timestamptz not null,
    primary key (integration_id, kind, row_key)
);
