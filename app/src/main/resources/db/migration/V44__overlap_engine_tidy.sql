-- The engine orients its queries in Java (which side of the partnership asks), so the union view is not used.
drop view overlap_side;
-- Matching reads changed keys per integration since the engine's watermark.
create index record_key_integration_changed on record_key (integration_id, changed_at);
