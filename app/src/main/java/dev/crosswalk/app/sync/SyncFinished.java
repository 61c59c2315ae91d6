package dev.crosswalk.app.sync;

import java.util.UUID;

/**
 * Published when a run ends, on the node that ran it: error tracking, overlap recomputation and
 * the demo react to it instead of polling.
 */
public record SyncFinished(UUID organizationId, UUID integrationId, UUID runId, SyncTrigger trigger, String status) {
}
