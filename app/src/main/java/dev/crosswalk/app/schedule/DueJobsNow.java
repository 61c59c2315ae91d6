package dev.crosswalk.app.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wakes this node's scheduler when {@link Jobs} queued something due now, once the queuing
 * transaction committed (before, the poll would not see the row). Nothing depends on this bean,
 * so depending on the Scheduler here closes no circle. Tests call {@link #runDueNow()} instead of
 * waiting for the polling interval.
 */
@Component
public class DueJobsNow {
    private final Scheduler scheduler;

    DueJobsNow(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void queued(Jobs.JobsQueued event) {
        runDueNow();
    }

    /** Asks the scheduler to look for due executions now (it runs them on its own threads). */
    public void runDueNow() {
        scheduler.triggerCheckForDueExecutions();
    }
}
