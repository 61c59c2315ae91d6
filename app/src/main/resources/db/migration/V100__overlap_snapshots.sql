-- One row per organization, partner and day: how many of the organization's records overlap the
-- partner's (only partner populations the partner lets it see count), for the dashboard's trend.
-- Written by the overlap-trend job and after each completed pipeline; a later write the same day
-- replaces the day's value, so taking a snapshot is idempotent per day.
create table overlap_snapshot (
    organization_id uuid   not null references organization (id) on delete cascade,
    partner_org_id  uuid   not null references organization (id) on delete cascade,
    day             date   not null,
    overlap_count   bigint not null check (overlap_count >= 0),
    taken_at        timestamptz not null,
    primary key (organization_id, day, partner_org_id)
);
