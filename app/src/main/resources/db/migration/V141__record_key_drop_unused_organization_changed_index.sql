-- Nothing reads record_key by (organization_id, changed_at): matching reads changed keys per
-- integration (record_key_integration_changed, V44). One index less to maintain per key written.
drop index if exists record_key_organization_changed;
