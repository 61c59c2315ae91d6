package dev.crosswalk.app.schedule;

import dev.crosswalk.app.integration.IntegrationConnected;
import dev.crosswalk.app.sync.SyncLauncher;
import dev.crosswalk.app.sync.SyncTrigger;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues sync runs as db-scheduler executions; a new or reauthorized connection syncs at once.
 * (A finished run queues the after-sync pipeline: {@link AfterSyncPipeline}.)
 */
@Component
class SyncScheduling implements SyncLauncher {
    private final Jobs jobs;

    SyncScheduling(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public boolean launch(UUID integrationId, SyncTrigger trigger) {
        return jobs.queueNow(SyncJobs.SYNC_TASK, integrationId.toString(), trigger.name());
    }

    /** After the connection is committed, not before: the job must find it. */
    @TransactionalEventListener
    void connected(IntegrationConnected event) {
        launch(event.integrationId(), event.firstConnection() ? SyncTrigger.FIRST_SYNC : SyncTrigger.VERIFICATION);
    }
}
