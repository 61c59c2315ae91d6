package dev.crosswalk.app.push;

import java.time.Duration;
import java.time.Instant;

/**
 * When a rejected row is tried again. A lock error ({@code UNABLE_TO_LOCK_ROW}: someone else was
 * editing the record) goes away by itself, so it is retried soon with exponential backoff
 * (1, 2, 4 … minutes, at most 30) by a push queued for then. Every other rejection needs a change
 * (data, validation rule, field length) and is retried on each later push.
 */
record RetryPolicy(Duration firstLockRetry, Duration maxLockRetry) {

    static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(30));
    }

    Instant nextAttempt(String errorCode, int attempts, Instant now) {
        if (!"UNABLE_TO_LOCK_ROW".equals(errorCode)) {
            return now;
        }
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration wait = firstLockRetry.multipliedBy(factor);
        return now.plus(wait.compareTo(maxLockRetry) > 0 ? maxLockRetry : wait);
    }
}
