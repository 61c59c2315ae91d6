package dev.crosswalk.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record to write: its type, its id (for update; null for create/upsert) and field values
 * (String, Number, Boolean, LocalDate, Instant, null to clear, or a Map for a parent reference by
 * external id such as {@code "Account" → {"External_Id__c": "A-1"}}).
 */
public record SObjectRecord(String type, String id, Map<String, Object> fields) {

    public SObjectRecord {
        Objects.requireNonNull(type, "type");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static SObjectRecord of(String type, Map<String, Object> fields) {
        return new SObjectRecord(type, null, fields);
    }

    public static SObjectRecord withId(String type, String id, Map<String, Object> fields) {
        return new SObjectRecord(type, Objects.requireNonNull(id, "id"), fields);
    }
}
