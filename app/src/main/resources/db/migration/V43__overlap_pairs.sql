-- Matched record pairs per partnership, stored once in the partnership's orientation (a = inviter,
-- b = invitee), each with its evidence (DOMAIN strong, NAME weak) and the key that matched.
-- Pairs do not depend on populations: reports join them with population_member at read time, so
-- editing a population never re-matches anything.
create table overlap_pair (
    partnership_id   uuid not null references partnership (id) on delete cascade,
    a_integration_id uuid not null,
    a_object         text not null,
    a_sf_id          char(18) not null,
    b_integration_id uuid not null,
    b_object         text not null,
    b_sf_id          char(18) not null,
    evidence         text not null check (evidence in ('DOMAIN', 'NAME')),
    matched_key      text not null
);
create index overlap_pair_a on overlap_pair (partnership_id, a_integration_id, a_object, a_sf_id);
create index overlap_pair_b on overlap_pair (partnership_id, b_integration_id, b_object, b_sf_id);

-- Both orientations, so a report reads "my record ↔ partner record" whichever side invited.
create view overlap_side as
    select partnership_id, a_integration_id as my_integration_id, a_object as my_object, a_sf_id as my_sf_id,
           b_integration_id as partner_integration_id, b_object as partner_object, b_sf_id as partner_sf_id,
           evidence, matched_key
      from overlap_pair
    union all
    select partnership_id, b_integration_id, b_object, b_sf_id, a_integration_id, a_object, a_sf_id, evidence, matched_key
      from overlap_pair;

-- How far membership (crm_record.synced_at) and matching (record_key.changed_at) have processed each
-- integration's records, so that after a sync only the records touched since are re-evaluated.
create table overlap_watermark (
    integration_id   uuid primary key references integration (id) on delete cascade,
    membership_at    timestamptz,
    pairs_at         timestamptz
);
