-- crm_record rows still go when their integration goes (as with the foreign key's cascade,
-- including an organization's cascade to its integrations), but inserting a row no longer pays
-- the foreign key's per-row check and lock: about 4.7 s per million rows of a first sync.
-- What that check guarded stays guarded: every batch of synced rows commits in one transaction
-- with its sync_checkpoint row, whose own foreign key to integration fails the whole batch if
-- the integration is gone; and a batch committing just before the delete is removed by it.
alter table crm_record drop constraint if exists crm_record_integration_id_fkey;

create function crm_record_delete_with_integration() returns trigger language plpgsql as $$
begin
    delete from crm_record where integration_id = old.id;
    return old;
end
$$;

create trigger crm_record_delete_with_integration after delete on integration
    for each row execute function crm_record_delete_with_integration();
