-- Population membership and overlap pairs are keyed by integration without a foreign key (set-based
-- inserts stay cheap), so deleting an integration left its rows behind: population counts stayed
-- inflated after a duplicate integration of the same Salesforce org was removed. They now go with
-- their integration, as crm_record rows do (V52), and rows already orphaned are removed.
delete from population_member m where not exists (select 1 from integration i where i.id = m.integration_id);
delete from overlap_pair p where not exists (select 1 from integration i where i.id = p.a_integration_id)
                              or not exists (select 1 from integration i where i.id = p.b_integration_id);

create function population_member_and_pairs_delete_with_integration() returns trigger language plpgsql as $$
begin
    delete from population_member where integration_id = old.id;
    delete from overlap_pair where a_integration_id = old.id or b_integration_id = old.id;
    return old;
end
$$;

create trigger population_member_and_pairs_delete_with_integration after delete on integration
    for each row execute function population_member_and_pairs_delete_with_integration();
