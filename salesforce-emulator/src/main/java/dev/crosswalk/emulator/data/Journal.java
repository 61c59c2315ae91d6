package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a transaction changed, so it can be undone: records it created, records it removed and
 * a snapshot of every record it modified, taken before the first change. Used under the org's
 * write lock only, so nobody else sees the intermediate state.
 */
final class Journal {
    private record Snapshot(Record live, Record before) {
    }

    private record Entry(RecordStore store, Record record) {
    }

    private final boolean enabled;
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    private final List<Entry> created = new ArrayList<>();
    private final List<Entry> removed = new ArrayList<>();

    Journal() {
        this(true);
    }

    /** @param enabled false for writes that can never be undone (no allOrNone, no transaction): records nothing */
    Journal(boolean enabled) {
        this.enabled = enabled;
    }

    /** Call before modifying a record; only the first call per record keeps a snapshot. */
    void beforeChange(Record r) {
        if (!enabled) {
            return;
        }
        snapshots.computeIfAbsent(r.id(), id -> new Snapshot(r, r.copy()));
    }

    void created(RecordStore store, Record r) {
        if (!enabled) {
            return;
        }
        created.add(new Entry(store, r));
    }

    void removed(RecordStore store, Record r) {
        if (!enabled) {
            return;
        }
        removed.add(new Entry(store, r));
    }

    boolean isEmpty() {
        return snapshots.isEmpty() && created.isEmpty() && removed.isEmpty();
    }

    /** Undoes everything, newest first; setup caches are invalidated since setup rows may have changed. */
    void rollback(Org org) {
        for (int i = removed.size() - 1; i >= 0; i--) {
            removed.get(i).store().put(removed.get(i).record());
        }
        for (Snapshot s : snapshots.values()) {
            s.live().restoreFrom(s.before());
        }
        for (int i = created.size() - 1; i >= 0; i--) {
            created.get(i).store().remove(created.get(i).record().id());
        }
        if (!isEmpty()) {
            org.setupChanged();
            OrgIndexCache.invalidate(org);
        }
        snapshots.clear();
        created.clear();
        removed.clear();
    }

    /** Hands this journal's entries to an enclosing transaction, which decides about them. */
    void mergeInto(Journal outer) {
        snapshots.forEach((id, s) -> outer.snapshots.putIfAbsent(id, s));
        outer.created.addAll(created);
        outer.removed.addAll(removed);
    }
}
