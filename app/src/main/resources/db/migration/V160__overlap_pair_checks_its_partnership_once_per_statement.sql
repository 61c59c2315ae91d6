-- P3 (issue 18): the foreign key from overlap_pair to partnership checked every pair written, a lookup and a share
-- lock of the same partnership row per row: about 40% of writing a full computation's 100,000 pairs (measured on
-- PostgreSQL 14: 2.35 s with it, 1.37 s without, same load). What it guarded stays guarded: the engine locks the
-- partnership row (for key share) once per operation before it writes that partnership's pairs, so a partnership
-- deleted meanwhile waits for the pairs' commit and then removes them through this trigger (as the cascade did).
do $$
declare
    fk text;
begin
    for fk in select conname from pg_constraint
              where conrelid = 'overlap_pair'::regclass and confrelid = 'partnership'::regclass and contype = 'f' loop
        execute format('alter table overlap_pair drop constraint %I', fk);
    end loop;
end
$$;

create function overlap_pair_delete_with_partnership() returns trigger language plpgsql as $$
begin
    delete from overlap_pair x using gone g where x.partnership_id = g.id;
    return null;
end
$$;

-- Once per statement, with the deleted partnerships as a transition table: writing pairs pays nothing.
create trigger overlap_pair_delete_with_partnership after delete on partnership
    referencing old table as gone
    for each statement execute function overlap_pair_delete_with_partnership();
