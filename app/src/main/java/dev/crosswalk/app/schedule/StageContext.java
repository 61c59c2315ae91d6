package dev.crosswalk.app.schedule;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a stage is run for.
 *
 * @param organizationId the organization of the integration
 * @param integrationId  the data-source integration whose records changed (a finished run, or a
 *                       partner-side change that concerns its organization)
 * @param lastWatermark  when this stage last completed for the integration (empty: never)
 * @param requestedAt    the request this pass serves; the stage's watermark becomes this on success
 */
public record StageContext(UUID organizationId, UUID integrationId, Optional<Instant> lastWatermark, Instant requestedAt) {
}
