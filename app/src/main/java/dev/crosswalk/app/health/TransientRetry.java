package dev.crosswalk.app.health;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Retries a sync that met a transient failure, with exponential backoff by how often it was
 * seen (1, 2, 4 … minutes, at most the cap). The retry is its own small job that then launches
 * the sync, so a pending retry never blocks "sync now" or the quota guard's resume.
 */
@Component
public class TransientRetry {
    static final String TASK = "sync-retry";

    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> retryTask;
    private final Clock clock;
    private final Duration first;
    private final Duration cap;

    TransientRetry(@Lazy SchedulerClient scheduler, @Qualifier("syncRetryTask") @Lazy OneTimeTask<Void> retryTask, Clock clock,
            @Value("${crosswalk.health.transient-retry-first:PT1M}") Duration first,
            @Value("${crosswalk.health.transient-retry-max:PT1H}") Duration cap) {
        this.scheduler = scheduler;
        this.retryTask = retryTask;
        this.clock = clock;
        this.first = first;
        this.cap = cap;
    }

    static Duration delay(Duration first, Duration cap, int occurrences) {
        int n = Math.max(1, Math.min(occurrences, 20));
        Duration d = first.multipliedBy(1L << (n - 1));
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /** After a run with transient problems: try again later (one pending retry per integration). */
    public void schedule(UUID integrationId, int occurrences) {
        scheduler.scheduleIfNotExists(retryTask.instance(integrationId.toString()),
                clock.instant().plus(delay(first, cap, occurrences)));
    }

    /** After a clean run: a pending retry has nothing left to do. */
    public void cancel(UUID integrationId) {
        TaskInstanceId id = TaskInstanceId.of(TASK, integrationId.toString());
        if (scheduler.getScheduledExecution(id).isPresent()) {
            try {
                scheduler.cancel(id);
            } catch (RuntimeException e) {
                // already picked (running now) or gone: nothing to cancel
            }
        }
    }
}
