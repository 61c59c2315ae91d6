package dev.crosswalk.app.overlap;

import java.util.UUID;

/** One synced record of one organization. */
public record RecordRef(UUID organizationId, UUID integrationId, String object, String sfId) {
}
