package dev.crosswalk.app.population;

import dev.crosswalk.app.sync.SyncFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps population membership current right after every sync (also partial ones: whatever was
 * stored counts). A failure never fails the sync; the watermark stays, so the next pass catches up.
 */
@Component
class MembershipOnSync {
    private static final Logger LOG = LoggerFactory.getLogger(MembershipOnSync.class);

    private final PopulationService populations;

    MembershipOnSync(PopulationService populations) {
        this.populations = populations;
    }

    @EventListener
    void onSyncFinished(SyncFinished event) {
        try {
            populations.refreshAfterSync(event.organizationId(), event.integrationId());
        } catch (RuntimeException e) {
            LOG.warn("refreshing populations of organization {} after sync failed; the next sync catches up",
                    event.organizationId(), e);
        }
    }
}
