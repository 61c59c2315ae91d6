package dev.crosswalk.salesforce;

import java.time.Duration;
import java.util.Objects;

/**
 * A bounded exponential backoff: {@code initial, initial×factor, …} capped at {@code max}, at most
 * {@code maxAttempts} attempts in all. Used both for retrying {@link SalesforceError.Transient}
 * errors of idempotent calls and for polling Bulk jobs.
 */
public record Backoff(int maxAttempts, Duration initial, Duration max, double factor) {

    public Backoff {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be ≥ 1");
        Objects.requireNonNull(initial);
        Objects.requireNonNull(max);
        if (factor < 1) throw new IllegalArgumentException("factor must be ≥ 1");
    }

    /** Retries of transient failures: 4 attempts, 0.5 s, 1 s, 2 s between them. */
    public static Backoff transientRetries() {
        return new Backoff(4, Duration.ofMillis(500), Duration.ofSeconds(8), 2);
    }

    /** Polling a Bulk job: 1 s doubling to 30 s between polls; the deadline bounds it, not a count. */
    public static Backoff bulkPolling() {
        return new Backoff(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofSeconds(30), 2);
    }

    public static Backoff none() {
        return new Backoff(1, Duration.ZERO, Duration.ZERO, 1);
    }

    /** Delay before attempt {@code attempt+1}, given that {@code attempt} (1-based) just failed. */
    public Duration delayAfter(int attempt) {
        double millis = initial.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
        long capped = (long) Math.min(millis, max.toMillis());
        return Duration.ofMillis(capped);
    }
}
