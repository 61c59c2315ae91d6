-- record_key rows still go when their crm_record row goes (as with the foreign key's cascade: an
-- integration's records, V52, or a direct delete), but writing keys no longer pays the foreign key's
-- per-row check. That check looked up and share-locked the crm_record row of every key written: on a
-- first computation of 1,000,000 keys, a lock (a WAL record and a dirtied page) on every synced row.
-- What it guarded stays guarded: keys are computed from crm_record rows read in the same transaction,
-- which first locks the integration's record_key_checkpoint row (its foreign key to integration
-- cascades), so an integration deleted meanwhile either fails the computation or waits for it and
-- then removes its keys through this trigger.
do $$
declare
    fk text;
begin
    for fk in select conname from pg_constraint
              where conrelid = 'record_key'::regclass and confrelid = 'crm_record'::regclass and contype = 'f' loop
        execute format('alter table record_key drop constraint %I', fk);
    end loop;
end
$$;

create function record_key_delete_with_crm_record() returns trigger language plpgsql as $$
begin
    delete from record_key k using gone g
     where k.integration_id = g.integration_id and k.object = g.object and k.sf_id = g.sf_id;
    return null;
end
$$;

-- Once per statement, with the deleted rows as a transition table: inserts and updates pay nothing.
create trigger record_key_delete_with_crm_record after delete on crm_record
    referencing old table as gone
    for each statement execute function record_key_delete_with_crm_record();
