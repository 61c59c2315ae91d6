package dev.crosswalk.app.schedule;

import java.util.List;
import java.util.UUID;

/**
 * Published when every stage of the after-sync pipeline succeeded for an integration (health
 * clears a MATCHING_FAILED error with it).
 *
 * @param runIds the finished sync runs this pass caught up with (now {@code matchedAt})
 */
public record PipelineCompleted(UUID organizationId, UUID integrationId, List<UUID> runIds) {
}
