-- Personal API tokens: scripts send "Authorization: Bearer cw_pat_…". Only the SHA-256 of the token
-- is stored (a token has 256 random bits, so a fast hash is enough and lookups stay one index probe).
-- A token belongs to one member of one organization and goes away with the member.
create table api_token (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    member_id        uuid not null references member (id) on delete cascade,
    name             text not null,
    token_hash       bytea not null,
    hint             text not null,
    created_at       timestamptz not null,
    expires_at       timestamptz,
    last_used_at     timestamptz
);

create unique index api_token_hash on api_token (token_hash);
create index api_token_member on api_token (organization_id, member_id);
