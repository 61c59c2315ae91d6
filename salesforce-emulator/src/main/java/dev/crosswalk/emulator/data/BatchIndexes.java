package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.HashMap;
import java.util.Map;

/**
 * The value indexes one batch builds on demand (external ids, unique fields, parent lookups),
 * kept current while the batch writes and thrown away with it.
 */
final class BatchIndexes {
    private final Org org;
    private final Map<String, ValueIndex> indexes = new HashMap<>();

    BatchIndexes(Org org) {
        this.org = org;
    }

    ValueIndex index(SObjectType t, FieldDef f) {
        return indexes.computeIfAbsent(key(t, f), k -> {
            ValueIndex cached = OrgIndexCache.get(org, k, org.store(t));
            return cached != null ? cached : new ValueIndex(org.store(t), f);
        });
    }

    /** Hands the indexes, now current, to the org's cache for the next batch. Call after commit. */
    void publish() {
        indexes.forEach((key, idx) -> {
            String typeName = key.substring(0, key.indexOf('.'));
            org.type(typeName).ifPresent(t -> OrgIndexCache.put(org, key, idx, org.store(t)));
        });
    }

    static String key(SObjectType t, FieldDef f) {
        return t.name() + "." + f.name();
    }

    /** Keeps the batch's indexes of a type current around a change of a record. */
    void indexAll(SObjectType t, Record r, boolean add) {
        String prefix = t.name() + ".";
        indexes.forEach((key, idx) -> {
            if (key.startsWith(prefix)) {
                FieldDef f = t.require(key.substring(prefix.length()));
                if (add) {
                    idx.add(r.get(f), r);
                } else {
                    idx.remove(r.get(f), r);
                }
            }
        });
    }
}
