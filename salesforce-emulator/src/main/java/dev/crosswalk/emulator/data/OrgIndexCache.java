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
 * nothing else wrote to the org: it remembers the org's last modstamp and the store's size at the
 * end of the batch that maintained it (every write through {@code RecordLifecycle} moves the
 * modstamp; a hard delete changes the size). Rollbacks drop an org's indexes. Soft references let
 * the heap reclaim indexes of very large objects. Used under the org's lock.
 */
final class OrgIndexCache {
    private record Entry(SoftReference<ValueIndex> index, long modstamp, int size) {
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
        if (e == null || e.modstamp() != org.lastModstamp() || e.size() != store.size()) {
            return null;
        }
        return e.index().get();
    }

    /** Records indexes that are current as of now (end of a committed batch). */
    static void put(Org org, String key, ValueIndex index, RecordStore store) {
        synchronized (CACHE) {
            CACHE.computeIfAbsent(org, o -> new HashMap<>())
                    .put(key, new Entry(new SoftReference<>(index), org.lastModstamp(), store.size()));
        }
    }

    /** Forgets an org's indexes (after a rollback restored records behind their back). */
    static void invalidate(Org org) {
        CACHE.remove(org);
    }
}
