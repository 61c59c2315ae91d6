package dev.crosswalk.app.sync;

import java.util.List;
import java.util.UUID;

/**
 * Published (on the node that did the work) once match keys, population membership and overlaps
 * have caught up with these finished runs of an integration.
 */
public record RunsMatched(UUID organizationId, UUID integrationId, List<UUID> runIds) {
}
