package dev.crosswalk.app.partner;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A level plus the fields shared per object (fields matter only for OVERLAPPING and ALL). */
public record SharingRule(SharingLevel level, Map<String, Set<String>> fields) {
    public static final SharingRule HIDDEN = new SharingRule(SharingLevel.HIDDEN, Map.of());

    public SharingRule {
        Objects.requireNonNull(level, "level");
        Map<String, Set<String>> copy = new TreeMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> copy.put(k, Set.copyOf(new TreeSet<>(v == null ? Set.of() : v))));
        }
        fields = Map.copyOf(copy);
    }

    public Set<String> fieldsOf(String object) {
        return fields.getOrDefault(object, Set.of());
    }
}
