package dev.crosswalk.app.health;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.crosswalk.app.schedule.Jobs;
import dev.crosswalk.app.schedule.RetryPolicies;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Retries a sync that met a transient failure, with the backoff of
 * {@link RetryPolicies#transientSyncRetry} by how often it was seen. The retry is its own small job that then launches
 * the sync, so a pending retry never blocks "sync now" or the quota guard's resume.
 */
@Component
public class TransientRetry {
    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("sync-retry");

    private final Jobs jobs;
    private final RetryPolicies policies;
    private final Clock clock;

    TransientRetry(Jobs jobs, RetryPolicies policies, Clock clock) {
        this.jobs = jobs;
        this.policies = policies;
        this.clock = clock;
    }

    /** After a run with transient problems: try again later (one pending retry per integration). */
    public void schedule(UUID integrationId, int occurrences) {
        jobs.queueAt(TASK, integrationId.toString(), null, clock.instant().plus(policies.transientSyncRetry(occurrences)));
    }

    /** After a clean run: a pending retry has nothing left to do. */
    public void cancel(UUID integrationId) {
        jobs.cancel(TASK.instanceId(integrationId.toString()));
    }
}
