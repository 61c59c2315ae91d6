package dev.crosswalk.salesforce;

import java.util.List;
import java.util.Optional;

/** {@code GET /sobjects/{name}/describe}, reduced to what callers decide on. */
public record SObjectDescribe(String name, String label, boolean custom, boolean queryable, boolean createable,
                              boolean updateable, boolean deletable, List<FieldDescribe> fields) {

    /** Case-insensitive, like Salesforce. */
    public Optional<FieldDescribe> field(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }
}
