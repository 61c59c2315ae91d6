package dev.crosswalk.salesforce;

import java.time.Duration;

/**
 * When to poll an ingest job next, from what the job says about its own progress: Salesforce
 * reports {@code numberRecordsProcessed} while a job is {@code InProgress}, so the time the rest
 * will take is estimated from the rate so far instead of polling on a fixed doubling schedule (which
 * on a 100,000-row job costs a status call per doubling). Every status poll is an API call counted
 * against the org's daily limit, which is why Salesforce asks clients to poll sparingly.
 *
 * <ul>
 *   <li>First poll: after the time {@code expectedRecords} take at an optimistic rate
 *       ({@link #OPTIMISTIC_RECORDS_PER_SECOND}), never sooner than the backoff's first delay; an
 *       early first poll costs one call, a late one costs time.</li>
 *   <li>Then, if records were processed: the remaining records at the observed rate, plus a margin so
 *       that the poll lands after the end rather than just before it (that would cost another call).</li>
 *   <li>If nothing was processed yet (the job is queued): as long again as the job has waited so far
 *       (doubling), within the backoff's bounds.</li>
 * </ul>
 */
public final class IngestPolling {
    /** Faster than Salesforce and the emulator usually go, so the first poll comes early rather than late. */
    static final double OPTIMISTIC_RECORDS_PER_SECOND = 100_000;
    /** Extra share of the estimated remaining time. */
    static final double MARGIN = 0.15;

    private IngestPolling() {
    }

    /** The wait before the first status poll of a job with {@code expectedRecords} uploaded. */
    public static Duration first(long expectedRecords, Backoff backoff) {
        long millis = (long) Math.ceil(expectedRecords * 1000.0 / OPTIMISTIC_RECORDS_PER_SECOND);
        return clamp(Duration.ofMillis(millis), backoff);
    }

    /**
     * The wait before the next poll of a job that is not done.
     *
     * @param elapsed   since the job was closed (processing was asked for)
     * @param processed {@code numberRecordsProcessed} at the last poll
     */
    public static Duration next(long expectedRecords, long processed, Duration elapsed, Backoff backoff) {
        if (processed >= expectedRecords) {
            return backoff.initial(); // every row done: the job is writing its result files
        }
        if (processed <= 0) {
            return clamp(elapsed, backoff);
        }
        double perRecordMillis = (double) elapsed.toMillis() / processed;
        long remaining = (long) Math.ceil((expectedRecords - processed) * perRecordMillis * (1 + MARGIN));
        return clamp(Duration.ofMillis(remaining), backoff);
    }

    private static Duration clamp(Duration d, Backoff backoff) {
        if (d.compareTo(backoff.initial()) < 0) {
            return backoff.initial();
        }
        return d.compareTo(backoff.max()) > 0 ? backoff.max() : d;
    }
}
