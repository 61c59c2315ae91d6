package dev.crosswalk.app.integration;

import java.time.Instant;
import java.util.UUID;

/** A Salesforce data source of an organization. */
public record Integration(UUID id, UUID organizationId, String kind, String name, int frequencyHours, boolean paused,
        SyncSettings settings, IntegrationStatus status, Instant createdAt, Instant updatedAt, long version) {
}
