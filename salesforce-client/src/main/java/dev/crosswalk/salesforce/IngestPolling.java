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
 *   <li>First poll of an org's first job (nothing seen yet): a probe after {@link #UPLOAD_FACTOR} times as
 *       long as writing and sending the job's CSV took, and at least the time {@code expectedRecords} take at
 *       a fast rate ({@link #PROBE_RECORDS_PER_SECOND}: 100,000 rows ≈ 2.5 s) and the backoff's first delay.
 *       The upload is the one measure of how fast this server (and this machine) is now that the client has:
 *       a fast org is done by the probe (one poll), a slower or busier one reports how far it got, which
 *       times the next poll (two). A fixed typical Salesforce rate instead (5,000 rows a second: 20 s for
 *       100,000 rows) left a fast org idle for most of the wait (issue 16, P4: 20 s of a 37 s push on a quiet
 *       emulator); a fixed fast probe alone cost a busy emulator four polls.</li>
 *   <li>First poll after an earlier job of the org: as long as that job ran at least (see
 *       {@link #first(long, long, Duration, Backoff)}), never sooner than at an optimistic rate
 *       ({@link #OPTIMISTIC_RECORDS_PER_SECOND}).</li>
 *   <li>Then, if records were processed: the remaining records at the rate observed between the last
 *       two polls (since the close for the first), plus a margin so that the poll lands after the end
 *       rather than just before it (that would cost another call), but never more than
 *       {@link #GROWTH} times as long as the job has taken so far.</li>
 *   <li>If nothing was processed yet (the job is queued): as long again as the job has waited so far
 *       (doubling), within the backoff's bounds.</li>
 * </ul>
 * Times count from the job's close (see {@code BulkJobs.awaitIngest}).
 */
public final class IngestPolling {
    /** Faster than Salesforce and the emulator usually go, so the first poll comes early rather than late. */
    static final double OPTIMISTIC_RECORDS_PER_SECOND = 100_000;
    /**
     * With nothing known of the org, the first poll is a probe timed at this rate: about what the emulator does
     * for a 100,000-row upsert beside the push's Account job on a quiet machine (a real org is slower: the probe
     * then finds the job under way and its progress times the next poll).
     */
    static final double PROBE_RECORDS_PER_SECOND = 40_000;
    /**
     * An org's first job is probed no sooner than this many times its upload took: on the emulator a job's
     * processing took 10–15 times its upload (CSV written and sent) on a quiet and on a loaded machine alike.
     */
    static final double UPLOAD_FACTOR = 8;
    /**
     * The next poll comes at most this many times the job's time so far after it: the rate since the close
     * includes the time before the first row (queue, CSV parsing), so it is low early on; doubling alone
     * (a factor of 1) made a 100,000-row job cost a poll per doubling.
     */
    static final double GROWTH = 3;
    /** Extra share of the estimated remaining time. */
    static final double MARGIN = 0.15;

    private IngestPolling() {
    }

    /** The wait before the first status poll of a job with {@code expectedRecords} uploaded, nothing known of the org. */
    public static Duration first(long expectedRecords, Backoff backoff) {
        return first(expectedRecords, Duration.ZERO, backoff);
    }

    /** The same, for a job whose upload (writing and sending its CSV) took {@code upload}. */
    public static Duration first(long expectedRecords, Duration upload, Backoff backoff) {
        Duration atRate = atRate(expectedRecords, PROBE_RECORDS_PER_SECOND, backoff);
        Duration byUpload = clamp(Duration.ofMillis((long) (upload.toMillis() * UPLOAD_FACTOR)), backoff);
        return byUpload.compareTo(atRate) > 0 ? byUpload : atRate;
    }

    private static Duration atRate(long records, double perSecond, Backoff backoff) {
        long millis = (long) Math.ceil(records * 1000.0 / perSecond);
        return clamp(Duration.ofMillis(millis), backoff);
    }

    /**
     * The first wait given the last job seen in the same org: {@code previous} rows took at least
     * {@code previousTook} (the last poll that found it still running). A job at least as large waits that
     * long (a lower bound, so the poll comes early rather than late; the progress it then reports times
     * the next one); a smaller job proportionally less. Job time in Salesforce is far from proportional to
     * the rows (queueing, parsing), so a larger job is not assumed to take longer.
     */
    public static Duration first(long expectedRecords, long previous, Duration previousTook, Backoff backoff) {
        if (previous <= 0 || previousTook.isZero()) {
            return first(expectedRecords, backoff);
        }
        Duration optimistic = atRate(expectedRecords, OPTIMISTIC_RECORDS_PER_SECOND, backoff);
        Duration prior = expectedRecords >= previous ? previousTook
                : Duration.ofMillis(previousTook.toMillis() * expectedRecords / previous);
        Duration estimate = clamp(prior, backoff);
        return estimate.compareTo(optimistic) > 0 ? estimate : optimistic;
    }

    /** What the last ingest job of an org (by its jobs URL) showed: its rows and how long it ran at least. */
    record Seen(long records, Duration tookAtLeast) {
    }

    /**
     * The last ingest job seen per org (and, under the key {@code <query jobs URL>#<object>}, the last query
     * job per object: see {@code BulkJobs.awaitQuery}), remembered by one client configuration (so by one service, across its
     * connections), never process-wide: two clients in one JVM (tests, two services) do not steer each other's polls.
     */
    public static final class History {
        private final java.util.Map<String, Seen> last = new java.util.concurrent.ConcurrentHashMap<>();

        Seen last(String org) {
            return last.get(org);
        }

        void seen(String org, long records, Duration tookAtLeast) {
            if (records > 0 && !tookAtLeast.isNegative() && !tookAtLeast.isZero()) {
                last.put(org, new Seen(records, tookAtLeast));
            }
        }
    }

    /**
     * The wait before the next poll of a job that is not done.
     *
     * @param elapsed      since the job was closed (processing was asked for)
     * @param processed    {@code numberRecordsProcessed} at this poll
     * @param previous     {@code numberRecordsProcessed} at the poll before (0 if none)
     * @param previousAt   {@code elapsed} at the poll before
     */
    public static Duration next(long expectedRecords, long processed, Duration elapsed, long previous, Duration previousAt,
            Backoff backoff) {
        if (processed >= expectedRecords) {
            return backoff.initial(); // every row done: the job is writing its result files
        }
        Duration doubling = clamp(elapsed, backoff);
        if (processed <= 0) {
            return doubling;
        }
        // Never longer than GROWTH times the job's time so far: an early, low rate must not push the poll far past the end.
        Duration growing = clamp(Duration.ofMillis((long) (elapsed.toMillis() * GROWTH)), backoff);
        // The rate between the last two polls, once there are two with progress: the time before the first
        // record (the job queued, its CSV parsed) does not slow the estimate down.
        double perRecordMillis = previous > 0 && processed > previous
                ? (double) elapsed.minus(previousAt).toMillis() / (processed - previous)
                : (double) elapsed.toMillis() / processed;
        Duration remaining = clamp(Duration.ofMillis((long) Math.ceil((expectedRecords - processed) * perRecordMillis * (1 + MARGIN))),
                backoff);
        return remaining.compareTo(growing) < 0 ? remaining : growing;
    }

    private static Duration clamp(Duration d, Backoff backoff) {
        if (d.compareTo(backoff.initial()) < 0) {
            return backoff.initial();
        }
        return d.compareTo(backoff.max()) > 0 ? backoff.max() : d;
    }
}
