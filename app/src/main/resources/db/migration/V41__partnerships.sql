-- Partnerships between two organizations, dual opt-in: the inviter proposes, the invitee accepts or
-- declines; either side revokes. Nothing is shared unless status = 'ACCEPTED'.
-- Name matching (weak evidence) is on only when both sides turned it on.
create table partnership (
    id                   uuid primary key,
    inviter_org_id       uuid not null references organization (id) on delete cascade,
    invitee_org_id       uuid not null references organization (id) on delete cascade,
    status               text not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')),
    inviter_name_matching boolean not null default false,
    invitee_name_matching boolean not null default false,
    invited_by_member    uuid,
    created_at           timestamptz not null,
    responded_at         timestamptz,
    revoked_at           timestamptz,
    revoked_by_org_id    uuid,
    version              bigint not null default 0,
    check (inviter_org_id <> invitee_org_id)
);
-- At most one live (pending or accepted) partnership per pair of organizations, in either direction.
create unique index partnership_live_pair on partnership (least(inviter_org_id, invitee_org_id), greatest(inviter_org_id, invitee_org_id))
    where status in ('PENDING', 'ACCEPTED');
create index partnership_inviter on partnership (inviter_org_id);
create index partnership_invitee on partnership (invitee_org_id);
