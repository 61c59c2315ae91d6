package dev.crosswalk.salesforce;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts HTTP calls by {@link CallKind} (retries and refreshes included: they cost API budget
 * too), so callers can report "API calls per run". Thread-safe. A counter may have a parent that
 * sees every call too (the client's total over all its connections).
 */
public final class CallCounter {

    private final AtomicLongArray counts = new AtomicLongArray(CallKind.values().length);
    private final CallCounter parent;

    public CallCounter() {
        this(null);
    }

    public CallCounter(CallCounter parent) {
        this.parent = parent;
    }

    public void record(CallKind kind) {
        counts.incrementAndGet(kind.ordinal());
        if (parent != null) {
            parent.record(kind);
        }
    }

    public long count(CallKind kind) {
        return counts.get(kind.ordinal());
    }

    public long total() {
        long t = 0;
        for (int i = 0; i < counts.length(); i++) {
            t += counts.get(i);
        }
        return t;
    }

    public Map<CallKind, Long> snapshot() {
        Map<CallKind, Long> m = new EnumMap<>(CallKind.class);
        for (CallKind k : CallKind.values()) {
            m.put(k, count(k));
        }
        return m;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
