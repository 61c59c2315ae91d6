package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordStore;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The {@link PreparedQuery} the {@link QueryCompiler} builds: everything resolved, nothing looked up per row. */
final class CompiledQuery implements PreparedQuery {

    private final SObjectType type;
    private final RecordStore store;
    private final List<Column> columns;
    private final boolean count;
    /** GROUP BY / aggregate functions; {@code null} for a plain query. */
    private final Aggregation aggregation;
    private final Filter filter;
    private final Comparator<Record> order;
    private final int limit;
    private final int offset;
    private final FieldDef isDeleted;
    private final PathResolver paths;
    /** Canonical id from a top-level {@code Id = '…'}: the scan reads one record instead of the store. */
    private final String keyId;
    private final Map<String, PathResolver.ParentAccessor> parents = new ConcurrentHashMap<>();
    private final List<Subquery> subqueries;

    CompiledQuery(SObjectType type, RecordStore store, List<Column> columns, boolean count, Aggregation aggregation,
            Filter filter, Comparator<Record> order, Integer limit, Integer offset, boolean includeDeleted,
            PathResolver paths, String keyId, List<Subquery> subqueries) {
        this.type = type;
        this.store = store;
        this.columns = List.copyOf(columns);
        this.count = count;
        this.aggregation = aggregation;
        this.filter = filter;
        this.order = order;
        this.limit = limit == null ? Integer.MAX_VALUE : limit;
        this.offset = offset == null ? 0 : offset;
        this.isDeleted = includeDeleted ? null : type.field("IsDeleted").orElse(null);
        this.paths = paths;
        this.keyId = keyId;
        this.subqueries = List.copyOf(subqueries);
        // Resolve every relationship prefix of the SELECT list now, so rendering nested parents never parses names.
        for (Column c : columns) {
            for (int i = 1; i <= c.relationshipPath().size(); i++) {
                parent(c.relationshipPath().subList(0, i));
            }
        }
    }

    @Override
    public SObjectType type() {
        return type;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public List<Subquery> subqueries() {
        return subqueries;
    }

    /** The rows of this (child) query per parent id, for {@link Subquery#children}. */
    Map<String, List<Record>> childrenOf(FieldDef lookup, Set<String> parentIds) {
        Predicate<Record> where = filter == null ? null : filter.bind();
        Map<String, List<Record>> out = new HashMap<>();
        if (parentIds.isEmpty()) {
            return out;
        }
        for (Record r : store.all()) {
            if (!(r.get(lookup) instanceof String id) || id.isEmpty()) {
                continue;
            }
            String key = id.length() == 18 ? id : Ids.normalize(id).orElse(id);
            if (parentIds.contains(key) && visible(r) && (where == null || where.test(r))) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<Record>> e : out.entrySet()) {
            ArrayList<Record> rows = (ArrayList<Record>) e.getValue();
            if (order != null) {
                rows.sort(order);
            }
            e.setValue(window(rows));
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }

    /**
     * The rows of this (child) query among given candidates per parent: filtered, ordered (by the query's
     * ORDER BY, else {@code defaultOrder}) and windowed per parent, for views without a store of their own.
     */
    Map<String, List<Record>> childrenFrom(Map<String, List<Record>> candidates, Comparator<Record> defaultOrder) {
        Predicate<Record> where = filter == null ? null : filter.bind();
        Map<String, List<Record>> out = new HashMap<>();
        candidates.forEach((parent, rows) -> {
            ArrayList<Record> kept = new ArrayList<>();
            for (Record r : rows) {
                if (visible(r) && (where == null || where.test(r))) {
                    kept.add(r);
                }
            }
            kept.sort(order != null ? order : defaultOrder);
            List<Record> windowed = window(kept);
            if (!windowed.isEmpty()) {
                out.put(parent, windowed);
            }
        });
        return out;
    }

    @Override
    public boolean isCount() {
        return count;
    }

    @Override
    public boolean isAggregate() {
        return aggregation != null;
    }

    @Override
    public List<Record> execute() {
        if (count) {
            return List.of();
        }
        Predicate<Record> where = filter == null ? null : filter.bind();
        if (aggregation != null) {
            List<Record> groups = aggregation.run(source(), r -> visible(r) && (where == null || where.test(r)));
            return window(new ArrayList<>(groups));
        }
        if (order == null) {
            return scanInStoreOrder(where);
        }
        ArrayList<Record> matches = new ArrayList<>();
        for (Record r : source()) {
            if (visible(r) && (where == null || where.test(r))) {
                matches.add(r);
            }
        }
        long wanted = (long) offset + limit;
        if (wanted < matches.size() / 8) {
            return window(topK(matches, (int) wanted));
        }
        matches.sort(order);
        return window(matches);
    }

    /**
     * The first {@code k} rows of a stable sort in O(n log k): {@code ORDER BY Name LIMIT 10} over a
     * million rows should not sort a million rows. A max-heap of positions keeps the k best so far;
     * ties go to the earlier position, so the result equals the stable full sort.
     */
    private ArrayList<Record> topK(ArrayList<Record> matches, int k) {
        if (k == 0) {
            return new ArrayList<>();
        }
        Comparator<Integer> byOrderThenPosition = (a, b) -> {
            int c = order.compare(matches.get(a), matches.get(b));
            return c != 0 ? c : Integer.compare(a, b);
        };
        PriorityQueue<Integer> heap = new PriorityQueue<>(k, byOrderThenPosition.reversed());
        for (int i = 0; i < matches.size(); i++) {
            if (heap.size() < k) {
                heap.add(i);
            } else if (order.compare(matches.get(i), matches.get(heap.peek())) < 0) {
                heap.poll();
                heap.add(i);
            }
        }
        Integer[] best = heap.toArray(Integer[]::new);
        Arrays.sort(best, byOrderThenPosition);
        ArrayList<Record> out = new ArrayList<>(best.length);
        for (Integer i : best) {
            out.add(matches.get(i));
        }
        return out;
    }

    /** Every stored record, or just the one a top-level {@code Id = '…'} names. */
    private Iterable<Record> source() {
        if (keyId == null) {
            return store.all();
        }
        Record r = store.getCanonical(keyId);
        return r == null ? List.of() : List.of(r);
    }

    @Override
    public int count() {
        if (aggregation != null) {
            return execute().size();
        }
        Predicate<Record> where = filter == null ? null : filter.bind();
        long wanted = (long) offset + limit;
        int n = 0;
        for (Record r : source()) {
            if (visible(r) && (where == null || where.test(r))) {
                if (++n >= wanted) {
                    break;
                }
            }
        }
        return Math.max(0, Math.min(limit, n - offset));
    }

    @Override
    public Object value(Record record, Column column) {
        return column.accessor.get(record);
    }

    @Override
    public Record parent(Record record, List<String> relationshipPath) {
        return parent(relationshipPath).get(record);
    }

    private PathResolver.ParentAccessor parent(List<String> relationshipPath) {
        String key = String.join(".", relationshipPath).toLowerCase(Locale.ROOT);
        return parents.computeIfAbsent(key, k -> {
            try {
                return paths.parent(type, relationshipPath);
            } catch (SoqlException e) {
                throw new IllegalArgumentException("not a relationship path from " + type.name() + ": " + relationshipPath, e);
            }
        });
    }

    private boolean visible(Record r) {
        return isDeleted == null || !Boolean.TRUE.equals(r.get(isDeleted));
    }

    /** No ORDER BY: store (insertion) order, and the scan stops as soon as OFFSET + LIMIT rows are found. */
    private List<Record> scanInStoreOrder(Predicate<Record> where) {
        long wanted = (long) offset + limit;
        ArrayList<Record> out = new ArrayList<>(limit == Integer.MAX_VALUE ? 16 : Math.min(limit, 4096));
        int skipped = 0;
        if (limit == 0) {
            return List.of();
        }
        for (Record r : source()) {
            if (visible(r) && (where == null || where.test(r))) {
                if (skipped < offset) {
                    skipped++;
                    continue;
                }
                out.add(r);
                if (skipped + out.size() >= wanted) {
                    break;
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private List<Record> window(ArrayList<Record> sorted) {
        int from = Math.min(offset, sorted.size());
        int to = (int) Math.min(sorted.size(), (long) from + limit);
        return Collections.unmodifiableList(from == 0 && to == sorted.size() ? sorted : sorted.subList(from, to));
    }
}
