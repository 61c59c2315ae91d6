package dev.crosswalk.app.schedule;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.crosswalk.app.integration.IntegrationConnected;
import dev.crosswalk.app.sync.SyncFinished;
import dev.crosswalk.app.sync.SyncLauncher;
import dev.crosswalk.app.sync.SyncTrigger;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues sync runs as db-scheduler executions; a new or reauthorized connection syncs at once.
 * A finished run queues the after-sync work ({@link AfterSyncWork}) on whichever node is free.
 */
@Component
class SyncScheduling implements SyncLauncher {
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> syncTask;
    private final CustomTask<Void> matchTask;
    private final Clock clock;

    SyncScheduling(@Lazy SchedulerClient scheduler, OneTimeTask<String> syncIntegrationTask, @Lazy CustomTask<Void> matchAfterSyncTask,
            Clock clock) {
        this.scheduler = scheduler;
        this.matchTask = matchAfterSyncTask;
        this.syncTask = syncIntegrationTask;
        this.clock = clock;
    }

    @Override
    public boolean launch(UUID integrationId, SyncTrigger trigger) {
        return scheduler.scheduleIfNotExists(syncTask.instance(integrationId.toString(), trigger.name()), clock.instant());
    }

    /**
     * If a pass is running now this queues nothing; that pass sees the new run when it ends and
     * goes again (see SyncJobs for the remaining instant, which the dispatcher covers).
     */
    @EventListener
    void finished(SyncFinished event) {
        scheduler.scheduleIfNotExists(matchTask.instance(event.integrationId().toString()), clock.instant());
    }

    /** After the connection is committed, not before: the job must find it. */
    @TransactionalEventListener
    void connected(IntegrationConnected event) {
        launch(event.integrationId(), event.firstConnection() ? SyncTrigger.FIRST_SYNC : SyncTrigger.VERIFICATION);
    }
}
