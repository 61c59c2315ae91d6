-- P3 (issue 18): the pairs were found by btree indexes on (partnership_id, a_sf_id) and (partnership_id, b_sf_id).
-- Every probe and every pair written compared char(18) ids under the database's collation (strcoll per comparison,
-- about 17 per descent). Hash indexes on the ids hash their bytes and compare once: the incremental re-match deletes
-- the pairs of 10,000 changed records in about half the time (PostgreSQL 14, 2 x 1,000,000 keys: 119 -> 64 ms and
-- 102 -> 55 ms) and inserts their new pairs about 20% faster (214 -> 173 ms). Every reader looks pairs up by one
-- side's id (record page, greenfield, re-match) or reads a whole partnership (reports, push, trend): a plain btree on
-- partnership_id serves the latter, comparing uuids bytewise. Salesforce ids are unique across orgs, so a lookup by
-- id alone finds only that record's few pairs (one per partnership it overlaps in).
drop index overlap_pair_a;
drop index overlap_pair_b;
create index overlap_pair_a on overlap_pair using hash (a_sf_id);
create index overlap_pair_b on overlap_pair using hash (b_sf_id);
create index overlap_pair_partnership on overlap_pair (partnership_id);
