-- P3: writing the pairs dominated a full computation. Salesforce ids are unique across orgs, so the
-- lookup indexes need only (partnership, side's id); integration and object stay residual filters.
drop index overlap_pair_a;
drop index overlap_pair_b;
create index overlap_pair_a on overlap_pair (partnership_id, a_sf_id);
create index overlap_pair_b on overlap_pair (partnership_id, b_sf_id);
