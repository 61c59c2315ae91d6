package dev.crosswalk.app;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way tests wait for something asynchronous (a run, a job, a delivery): Awaitility with
 * this project's defaults, so no test hand-rolls a loop or sleeps. Each wait names what it waits
 * for; a timeout fails with that name and the last value seen.
 */
public final class Await {
    /** Long enough for a first sync on a busy 2-core machine, short enough to fail a hung test. */
    public static final Duration DEFAULT = Duration.ofSeconds(120);

    private Await() {
    }

    /** A condition factory: polls every 100 ms from the start, at most {@code timeout}. */
    public static ConditionFactory atMost(String what, Duration timeout) {
        return Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions();
    }

    /** Waits until {@code probe}'s value satisfies {@code done}; returns that value. */
    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        return atMost(what, timeout).until(probe, done::test);
    }

    /** Waits until {@code condition} holds. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        atMost(what, timeout).until(condition);
    }

    /**
     * Lets time pass on purpose (a test that shows something does <em>not</em> happen within a
     * while), never to wait for something: use {@link #until} for that.
     */
    public static void during(Duration quiet) {
        Awaitility.await().pollDelay(quiet).atMost(quiet.plusSeconds(1)).until(() -> true);
    }
}
