package dev.crosswalk.app.schedule;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.crosswalk.app.integration.Integration;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.sync.SyncEngine;
import dev.crosswalk.app.sync.SyncService;
import dev.crosswalk.app.sync.SyncTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sync jobs on db-scheduler. Each integration has one task instance ({@code sync-integration},
 * id = integration id): PostgreSQL's primary key on the task table makes "at most one run per
 * integration" true across any number of nodes, and db-scheduler revives an execution whose
 * node died, which then resumes from the checkpoint. A dispatcher looks every minute for
 * integrations whose frequency has elapsed.
 *
 * <p>What the records feed (keys, populations, overlaps, …) is a second task,
 * {@code after-sync-pipeline} (id = integration id), queued when a run ends: see
 * {@link AfterSyncPipeline}. The dispatcher also queues it for any integration with a request no
 * pass completed, which covers a run that ended in the instant a pass was finishing, and passes a
 * killed node left behind.
 */
@Configuration(proxyBeanMethods = false)
class SyncJobs {
    static final TaskDescriptor<String> SYNC_TASK = TaskDescriptor.of("sync-integration", String.class);

    @Bean
    OneTimeTask<String> syncIntegrationTask(SyncEngine engine) {
        return Tasks.oneTime(SYNC_TASK)
                .execute((instance, ctx) -> engine.run(UUID.fromString(instance.getId()),
                        SyncTrigger.valueOf(instance.getData() == null ? "SCHEDULE" : instance.getData())));
    }

    @Bean
    CustomTask<Void> afterSyncPipelineTask(AfterSyncPipeline pipeline, RetryPolicies policies, Clock clock) {
        return Tasks.custom(AfterSyncPipeline.TASK)
                .onFailure(policies.<Void>afterSyncPipeline((complete, ops) -> pipeline.gaveUp(
                        UUID.fromString(complete.getExecution().taskInstance.getId()),
                        complete.getExecution().consecutiveFailures + 1)))
                .execute((instance, ctx) -> pipeline.pass(UUID.fromString(instance.getId()))
                        ? (done, ops) -> ops.reschedule(done, clock.instant())
                        : (done, ops) -> ops.remove());
    }

    @Bean
    RecurringTask<Void> syncDispatcherTask(IntegrationService integrations, SyncService syncs, Jobs jobs,
            AfterSyncPipeline pipeline, Clock clock, @Value("${crosswalk.sync.dispatch-interval:PT1M}") Duration dispatchInterval) {
        return Tasks.recurring("sync-dispatcher", FixedDelay.of(dispatchInterval))
                .execute((instance, ctx) -> {
                    Instant now = clock.instant();
                    for (Integration i : integrations.all()) {
                        if (i.paused()) {
                            continue;
                        }
                        Instant last = syncs.lastStart(i.id()).orElse(Instant.EPOCH);
                        if (!last.plus(Duration.ofHours(i.frequencyHours())).isAfter(now)) {
                            jobs.queueNow(SYNC_TASK, i.id().toString(), SyncTrigger.SCHEDULE.name());
                        }
                    }
                    pipeline.queuePending();
                });
    }
}
