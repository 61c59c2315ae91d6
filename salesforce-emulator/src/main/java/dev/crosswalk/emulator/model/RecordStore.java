package dev.crosswalk.emulator.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The records of one sObject type in one org, in insertion order, keyed by 18-character id.
 * Deleted records stay here with {@code IsDeleted = true} (the recycle bin) until purged.
 * Guarded by the org's lock: readers hold the read lock, writers the write lock.
 */
public final class RecordStore {
    private final SObjectType type;
    private final Map<String, Record> byId = new LinkedHashMap<>();
    private long version;

    public RecordStore(SObjectType type) {
        this.type = type;
    }

    public SObjectType type() {
        return type;
    }

    /** The record for a 15- or 18-character id (any case for 18), deleted or not. */
    public Record get(String id) {
        return Ids.normalize(id).map(byId::get).orElse(null);
    }

    /**
     * The record for an id already in canonical 18-character form, as stored in reference fields:
     * no normalization and no allocation, for per-row lookups in SOQL relationship paths.
     */
    public Record getCanonical(String id18) {
        return byId.get(id18);
    }

    public void put(Record record) {
        version++;
        byId.put(record.id(), record);
    }

    public Record remove(String id18) {
        version++;
        return byId.remove(id18);
    }

    /** Counts a change to a record of this store ({@link Org#nextModstamp(SObjectType)}); under the org's write lock. */
    void changed() {
        version++;
    }

    /**
     * Moves with every record added, removed or written through {@link RecordLifecycle}: what a cache over this store's
     * records (the external-id indexes) checks, so that writes to other objects of the org leave it valid.
     */
    public long version() {
        return version;
    }

    /** All records, including the recycle bin, in insertion order. Read-only view. */
    public Collection<Record> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public int size() {
        return byId.size();
    }
}
