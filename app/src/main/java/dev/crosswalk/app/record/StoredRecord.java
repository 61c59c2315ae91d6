package dev.crosswalk.app.record;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A synced CRM record as the API shows it: Salesforce's field values as strings (null when empty). */
public record StoredRecord(UUID integrationId, String object, String id, Map<String, String> fields, Instant systemModstamp,
        Instant syncedAt) {
}
