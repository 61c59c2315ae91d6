package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.RecordStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live records of one type by the value of one field, for external-id matching and unique
 * checks. Built once per batch (a Bulk upsert of 100,000 rows must not scan the store per row)
 * and kept current as the batch writes.
 */
final class ValueIndex {
    private final FieldDef field;
    private final Map<String, List<Record>> byKey = new HashMap<>();

    ValueIndex(RecordStore store, FieldDef field) {
        this.field = field;
        for (Record r : store.all()) {
            if (!RecordLifecycle.isDeleted(store.type(), r)) {
                add(r.get(field), r);
            }
        }
    }

    /**
     * How values compare: text case-insensitively unless the field is case-sensitive (external
     * ids {@code ABC} and {@code abc} collide, as in Salesforce), numbers by numeric value.
     */
    static String key(FieldDef field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return field.caseSensitive() ? s : s.toLowerCase(Locale.ROOT);
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Integer i) {
            return BigDecimal.valueOf(i).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    List<Record> find(Object value) {
        String k = key(field, value);
        return k == null ? List.of() : byKey.getOrDefault(k, List.of());
    }

    void add(Object value, Record r) {
        String k = key(field, value);
        if (k != null) {
            byKey.computeIfAbsent(k, x -> new ArrayList<>(1)).add(r);
        }
    }

    void remove(Object value, Record r) {
        String k = key(field, value);
        if (k == null) {
            return;
        }
        List<Record> list = byKey.get(k);
        if (list != null) {
            list.removeIf(x -> x.id().equals(r.id()));
            if (list.isEmpty()) {
                byKey.remove(k);
            }
        }
    }
}
