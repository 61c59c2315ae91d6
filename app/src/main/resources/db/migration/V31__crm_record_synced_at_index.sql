-- Key computation reads the records synced since its checkpoint, in (synced_at, object, sf_id) order.
create index crm_record_integration_synced on crm_record (integration_id, synced_at, object, sf_id);
