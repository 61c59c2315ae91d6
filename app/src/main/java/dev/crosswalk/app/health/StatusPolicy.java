package dev.crosswalk.app.health;

import dev.crosswalk.app.integration.IntegrationStatus;

/** How open errors decide an integration's stored status. Paused (Not Syncing) is shown on top of it, not stored. */
final class StatusPolicy {
    private StatusPolicy() {
    }

    static IntegrationStatus next(IntegrationStatus current, boolean blockingErrors, boolean runFinished) {
        if (blockingErrors) {
            return IntegrationStatus.ERROR;
        }
        boolean starting = current == IntegrationStatus.CONNECTING || current == IntegrationStatus.FIRST_SYNC_IN_PROGRESS;
        if (starting && !runFinished) {
            return current;
        }
        return IntegrationStatus.ACTIVE;
    }
}
