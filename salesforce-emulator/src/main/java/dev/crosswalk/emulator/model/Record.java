package dev.crosswalk.emulator.model;

/**
 * One stored record: an 18-character id, values in an array indexed by {@link FieldDef#index()}
 * (compact: millions of records fit in a modest heap) and the recycle-bin flag.
 * Mutated only under the owning org's write lock.
 */
public final class Record {
    private final String id;
    private Object[] values;

    public Record(String id, int width) {
        this.id = id;
        this.values = new Object[width];
    }

    public String id() {
        return id;
    }

    public Object get(FieldDef field) {
        int i = field.index();
        return i < values.length ? values[i] : null;
    }

    public void set(FieldDef field, Object value) {
        int i = field.index();
        if (i >= values.length) {
            Object[] grown = new Object[Math.max(i + 1, values.length + 4)];
            System.arraycopy(values, 0, grown, 0, values.length);
            values = grown;
        }
        values[i] = value;
    }

    /** A copy for rollback (allOrNone) and snapshots. */
    public Record copy() {
        Record r = new Record(id, values.length);
        System.arraycopy(values, 0, r.values, 0, values.length);
        return r;
    }

    /** Restores the values of a copy taken earlier with {@link #copy()}. */
    public void restoreFrom(Record snapshot) {
        values = snapshot.values.clone();
    }
}
