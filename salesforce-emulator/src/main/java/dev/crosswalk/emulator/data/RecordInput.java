package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.http.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The field values of one record to write, in the order the caller gave them, keyed by the
 * name as the caller spelt it (field names are matched case-insensitively later, like
 * Salesforce does). Fields not present are left untouched on update.
 */
public final class RecordInput {
    /** Bulk API 2.0's way of clearing a field in CSV. */
    public static final String CSV_NULL = "#N/A";

    private final Map<String, FieldInput> values;

    private RecordInput(Map<String, FieldInput> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static RecordInput empty() {
        return new RecordInput(new LinkedHashMap<>());
    }

    /**
     * A REST body or collection element: every property but {@code attributes}; an object value is
     * a parent reference by one of the parent's fields ({@code "Account": {"Ext__c": "A-1"}}).
     */
    public static RecordInput fromJson(JsonNode body) {
        Map<String, FieldInput> out = new LinkedHashMap<>();
        if (body != null && body.isObject()) {
            for (Map.Entry<String, JsonNode> e : body.properties()) {
                if (e.getKey().equals("attributes")) {
                    continue;
                }
                out.put(e.getKey(), fromJsonValue(e.getValue()));
            }
        }
        return new RecordInput(out);
    }

    private static FieldInput fromJsonValue(JsonNode v) {
        if (v != null && v.isObject()) {
            List<Map.Entry<String, JsonNode>> props = v.properties().stream()
                    .filter(p -> !p.getKey().equals("attributes")).toList();
            if (props.size() == 1) {
                return new FieldInput.ParentRef(props.get(0).getKey(), new FieldInput.Json(props.get(0).getValue()));
            }
        }
        return new FieldInput.Json(v);
    }

    /**
     * One Bulk API 2.0 CSV row: empty cells are "no change" and dropped, {@code #N/A} clears the
     * field, and a column {@code Relationship.Field} sets a lookup through the parent's field.
     */
    public static RecordInput fromCsv(List<String> header, List<String> row) {
        Map<String, FieldInput> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = i < row.size() ? row.get(i) : null;
            if (cell == null || cell.isEmpty()) {
                continue;
            }
            FieldInput value = cell.equals(CSV_NULL) ? new FieldInput.Null() : new FieldInput.Text(cell);
            String column = header.get(i);
            int dot = column.indexOf('.');
            if (dot > 0) {
                out.put(column.substring(0, dot), new FieldInput.ParentRef(column.substring(dot + 1), value));
            } else {
                out.put(column, value);
            }
        }
        return new RecordInput(out);
    }

    /** Java values (tests, admin API): null clears; other values are written as their JSON form. */
    public static RecordInput of(Map<String, ?> javaValues) {
        Map<String, FieldInput> out = new LinkedHashMap<>();
        javaValues.forEach((k, v) -> out.put(k, v == null ? new FieldInput.Null()
                : v instanceof FieldInput fi ? fi : new FieldInput.Json(Json.MAPPER.valueToTree(v))));
        return new RecordInput(out);
    }

    public Map<String, FieldInput> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The input for a field name, matched case-insensitively, with the caller's spelling. */
    public Optional<Map.Entry<String, FieldInput>> find(String fieldName) {
        return values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(fieldName)).findFirst();
    }

    /** A copy without a field (matched case-insensitively). */
    public RecordInput without(String fieldName) {
        Map<String, FieldInput> out = new LinkedHashMap<>(values);
        out.keySet().removeIf(k -> k.equalsIgnoreCase(fieldName));
        return new RecordInput(out);
    }

    /** A copy with a field set (replacing any spelling of it). */
    public RecordInput with(String fieldName, FieldInput value) {
        Map<String, FieldInput> out = new LinkedHashMap<>();
        out.put(fieldName, value);
        values.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(fieldName)) {
                out.put(k, v);
            }
        });
        return new RecordInput(out);
    }

    @Override
    public String toString() {
        return "RecordInput" + values.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }
}
