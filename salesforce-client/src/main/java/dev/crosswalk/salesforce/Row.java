package dev.crosswalk.salesforce;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CSV row of a Bulk result. Rows of one result share their column index, so a row costs
 * little more than its values. An empty cell written without quotes is {@code null}; {@code ""}
 * is the empty string (Salesforce text fields do not distinguish them, other tools may).
 */
public final class Row {

    private final Map<String, Integer> index;
    private final List<String> columns;
    private final String[] values;

    public Row(Map<String, Integer> index, List<String> columns, String[] values) {
        this.index = index;
        this.columns = columns;
        this.values = values;
    }

    /** Builds a column index for {@link #Row(Map, List, String[])}. */
    public static Map<String, Integer> indexOf(List<String> columns) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.putIfAbsent(columns.get(i), i);
        }
        return Collections.unmodifiableMap(m);
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return values.length;
    }

    public String get(int i) {
        return i < values.length ? values[i] : null;
    }

    /** The value of {@code column}; null for an empty unquoted cell or an unknown column. */
    public String get(String column) {
        Integer i = index.get(column);
        return i == null ? null : get(i);
    }

    public Optional<String> value(String column) {
        return Optional.ofNullable(get(column)).filter(s -> !s.isEmpty());
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), get(i));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && columns.equals(r.columns) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * columns.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
