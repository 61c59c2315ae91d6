package dev.crosswalk.app.schedule;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retry and backoff policies of the service's jobs, by name, in one place (the Salesforce
 * client's own retry of a single HTTP call stays in the client). Each is a db-scheduler
 * {@link FailureHandler}: a job that throws is retried with exponential backoff and, after its
 * attempts, given up with a callback that makes the failure visible.
 */
@Component
public class RetryPolicies {
    private final Duration pipelineFirstRetry;
    private final int pipelineAttempts;
    private final Duration webhookFirstRetry;
    private final int webhookRetries;
    private final Duration transientFirst;
    private final Duration transientCap;

    RetryPolicies(@Value("${crosswalk.pipeline.first-retry:PT30S}") Duration pipelineFirstRetry,
            @Value("${crosswalk.pipeline.attempts:6}") int pipelineAttempts,
            @Value("${crosswalk.health.webhook-first-retry:PT5S}") Duration webhookFirstRetry,
            @Value("${crosswalk.health.webhook-max-retries:8}") int webhookRetries,
            @Value("${crosswalk.health.transient-retry-first:PT1M}") Duration transientFirst,
            @Value("${crosswalk.health.transient-retry-max:PT1H}") Duration transientCap) {
        if (pipelineAttempts < 1) {
            throw new IllegalArgumentException("crosswalk.pipeline.attempts must be at least 1, was " + pipelineAttempts);
        }
        if (webhookRetries < 0) {
            throw new IllegalArgumentException("crosswalk.health.webhook-max-retries must not be negative, was " + webhookRetries);
        }
        this.pipelineFirstRetry = pipelineFirstRetry;
        this.pipelineAttempts = pipelineAttempts;
        this.webhookFirstRetry = webhookFirstRetry;
        this.webhookRetries = webhookRetries;
        this.transientFirst = transientFirst;
        this.transientCap = transientCap;
    }

    /** Webhook deliveries: 5 s, 10 s, 20 s … by default, eight retries (about 20 minutes), then {@code gaveUp}. */
    public <T> FailureHandler<T> webhookDelivery(BiConsumer<ExecutionComplete, ExecutionOperations<T>> gaveUp) {
        return exponential(webhookFirstRetry, webhookRetries + 1, gaveUp);
    }

    /**
     * A sync that met a transient failure (Salesforce unavailable) is launched again after this
     * delay: 1, 2, 4 … minutes by how often the problem was seen, at most an hour by default. Not
     * a FailureHandler: the run itself succeeded in recording the problem; the retry is a new run.
     */
    public Duration transientSyncRetry(int occurrences) {
        return doubling(transientFirst, transientCap, occurrences);
    }

    static Duration doubling(Duration first, Duration cap, int occurrences) {
        int n = Math.max(1, Math.min(occurrences, 20));
        Duration d = first.multipliedBy(1L << (n - 1));
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /**
     * The after-sync pipeline: 30 s, 1, 2, 4, 8 min by default (six attempts in about a quarter
     * of an hour), then {@code gaveUp} (the integration shows MATCHING_FAILED).
     */
    <T> FailureHandler<T> afterSyncPipeline(BiConsumer<ExecutionComplete, ExecutionOperations<T>> gaveUp) {
        return exponential(pipelineFirstRetry, pipelineAttempts, gaveUp);
    }

    int afterSyncPipelineAttempts() {
        return pipelineAttempts;
    }

    /** {@code attempts} runs in all: the first and {@code attempts - 1} retries, each twice as late as the one before. */
    static <T> FailureHandler<T> exponential(Duration first, int attempts,
            BiConsumer<ExecutionComplete, ExecutionOperations<T>> gaveUp) {
        return new FailureHandler.MaxRetriesFailureHandler<>(attempts - 1,
                new FailureHandler.ExponentialBackoffFailureHandler<>(first, 2.0), gaveUp);
    }
}
