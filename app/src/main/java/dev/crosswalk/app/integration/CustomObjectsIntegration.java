package dev.crosswalk.app.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * A Salesforce Custom Objects integration: overlaps are written into the org of its source (the
 * data-source integration whose Account and Lead ids the overlap records point at). Frequency and
 * pause live here; what to push lives with push.
 *
 * @param status the stored status over both connections (see the customobjects feature)
 */
public record CustomObjectsIntegration(UUID id, UUID organizationId, UUID sourceIntegrationId, String name, int frequencyHours,
        boolean paused, IntegrationStatus status, Instant createdAt, Instant updatedAt, long version) {

    /** The status an admin sees: paused shows as Not Syncing whatever is stored. */
    public IntegrationStatus effectiveStatus() {
        return paused ? IntegrationStatus.NOT_SYNCING : status;
    }
}
