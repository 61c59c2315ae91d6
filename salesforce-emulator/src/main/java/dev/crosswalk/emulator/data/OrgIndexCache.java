package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.RecordStore;
import java.lang.ref.SoftReference;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Value indexes kept between batches, so a Bulk upsert of 100,000 rows in chunks of 200 does not
 * rebuild the external-id index of the whole object 500 times. An index is reused only while
 * nothing else wrote to its object: it remembers the store's version and size at the end of the
 * batch that maintained it (every write through {@code RecordLifecycle} moves the version of the
 * object written; a hard delete changes the size), and the org's count of writes that named no
 * object (seeding). Writes to other objects leave it valid: two Bulk jobs side by side, an upsert
 * into one object and an update of another, must not make each other rebuild the index every
 * chunk (they did, when any write to the org invalidated it: a 100,000-row upsert beside a
 * 100,000-row Account update took several times as long as alone). Rollbacks drop an org's
 * indexes. Soft references let the heap reclaim indexes of very large objects. Used under the
 * org's lock.
 */
final class OrgIndexCache {
    private record Entry(SoftReference<ValueIndex> index, long untypedWrites, long version, int size) {
    }

    private static final Map<Org, Map<String, Entry>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private OrgIndexCache() {
    }

    /** A cached index still valid for the store, or null. */
    static ValueIndex get(Org org, String key, RecordStore store) {
        Map<String, Entry> byKey = CACHE.get(org);
        Entry e;
        synchronized (CACHE) {
            e = byKey == null ? null : byKey.get(key);
        }
        if (e == null || e.untypedWrites() != org.untypedWrites() || e.version() != store.version() || e.size() != store.size()) {
            return null;
        }
        return e.index().get();
    }

    /** Records indexes that are current as of now (end of a committed batch). */
    static void put(Org org, String key, ValueIndex index, RecordStore store) {
        synchronized (CACHE) {
            CACHE.computeIfAbsent(org, o -> new HashMap<>())
                    .put(key, new Entry(new SoftReference<>(index), org.untypedWrites(), store.version(), store.size()));
        }
    }

    /** Forgets an org's indexes (after a rollback restored records behind their back). */
    static void invalidate(Org org) {
        CACHE.remove(org);
    }
}
