package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The AggregateResult side of the engine: {@code GROUP BY} keys and aggregate functions
 * ({@code COUNT}, {@code COUNT_DISTINCT}, {@code MIN}, {@code MAX}, {@code SUM}, {@code AVG}).
 * Each result row is a synthetic {@link Record} (id {@code null}) whose value slots are the
 * {@link Output}s, so REST renders it through {@link PreparedQuery#value} like any other row.
 * Without GROUP BY there is exactly one row, even over no records ({@code COUNT} 0, {@code MAX} null).
 */
final class Aggregation {

    enum Function { GROUPED, COUNT, COUNT_DISTINCT, MIN, MAX, SUM, AVG }

    /**
     * One value slot of a result row: a grouped field or an aggregate. {@code source} reads the input
     * row ({@code null} for {@code COUNT(Id)}, which counts rows); {@code valueOrder} compares values
     * for MIN/MAX.
     */
    record Output(FieldDef slot, Function function, ValueAccessor source, Comparator<Object> valueOrder) {
    }

    private final List<ValueAccessor> groupKeys;
    private final List<Output> outputs;
    private final Comparator<Record> order;

    Aggregation(List<ValueAccessor> groupKeys, List<Output> outputs, Comparator<Record> order) {
        this.groupKeys = List.copyOf(groupKeys);
        this.outputs = List.copyOf(outputs);
        this.order = order;
    }

    /** Result rows in first-seen group order, or by ORDER BY. */
    List<Record> run(Iterable<Record> rows, Predicate<Record> accept) {
        Map<Object, Accumulator[]> groups = new LinkedHashMap<>();
        if (groupKeys.isEmpty()) {
            groups.put(List.of(), accumulators());
        }
        for (Record r : rows) {
            if (!accept.test(r)) {
                continue;
            }
            Accumulator[] accs = groups.computeIfAbsent(key(r), k -> accumulators());
            for (int i = 0; i < accs.length; i++) {
                ValueAccessor source = outputs.get(i).source();
                accs[i].add(source == null ? Boolean.TRUE : source.get(r));
            }
        }
        List<Record> result = new ArrayList<>(groups.size());
        for (Accumulator[] accs : groups.values()) {
            Record row = new Record(null, outputs.size());
            for (int i = 0; i < accs.length; i++) {
                row.set(outputs.get(i).slot(), accs[i].result());
            }
            result.add(row);
        }
        if (order != null) {
            result.sort(order);
        }
        return result;
    }

    private Object key(Record r) {
        if (groupKeys.size() == 1) {
            Object v = groupKeys.get(0).get(r);
            return v == null ? List.of() : v;
        }
        Object[] key = new Object[groupKeys.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = groupKeys.get(i).get(r);
        }
        return Arrays.asList(key);
    }

    private Accumulator[] accumulators() {
        Accumulator[] accs = new Accumulator[outputs.size()];
        for (int i = 0; i < accs.length; i++) {
            Output o = outputs.get(i);
            accs[i] = switch (o.function()) {
                case GROUPED -> new First();
                case COUNT -> new Count();
                case COUNT_DISTINCT -> new CountDistinct();
                case MIN -> new Extreme(o.valueOrder(), false);
                case MAX -> new Extreme(o.valueOrder(), true);
                case SUM -> new Sum(o.slot().type() == FieldType.INT);
                case AVG -> new Average();
            };
        }
        return accs;
    }

    private interface Accumulator {
        void add(Object value);

        Object result();
    }

    /** A grouped field: every row of the group has the same value. */
    private static final class First implements Accumulator {
        private boolean seen;
        private Object value;

        public void add(Object v) {
            if (!seen) {
                seen = true;
                value = v;
            }
        }

        public Object result() {
            return value;
        }
    }

    private static final class Count implements Accumulator {
        private int n;

        public void add(Object v) {
            if (v != null) {
                n++;
            }
        }

        public Object result() {
            return n;
        }
    }

    private static final class CountDistinct implements Accumulator {
        private final Set<Object> seen = new HashSet<>();

        public void add(Object v) {
            if (v != null) {
                seen.add(v instanceof String s ? s.toLowerCase(Locale.ROOT) : v);
            }
        }

        public Object result() {
            return seen.size();
        }
    }

    private static final class Extreme implements Accumulator {
        private final Comparator<Object> order;
        private final boolean max;
        private Object best;

        Extreme(Comparator<Object> order, boolean max) {
            this.order = order;
            this.max = max;
        }

        public void add(Object v) {
            if (v != null && (best == null || (max ? order.compare(v, best) > 0 : order.compare(v, best) < 0))) {
                best = v;
            }
        }

        public Object result() {
            return best;
        }
    }

    private static final class Sum implements Accumulator {
        private final boolean integer;
        private double sum;
        private boolean any;

        Sum(boolean integer) {
            this.integer = integer;
        }

        public void add(Object v) {
            if (v != null) {
                sum += ((Number) v).doubleValue();
                any = true;
            }
        }

        public Object result() {
            if (!any) {
                return null;
            }
            return integer && Math.abs(sum) <= Integer.MAX_VALUE ? (Object) (int) sum : (Object) sum;
        }
    }

    private static final class Average implements Accumulator {
        private double sum;
        private int n;

        public void add(Object v) {
            if (v != null) {
                sum += ((Number) v).doubleValue();
                n++;
            }
        }

        public Object result() {
            return n == 0 ? null : sum / n;
        }
    }
}
