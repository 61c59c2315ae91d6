package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The query jobs of one emulator: creation, the background run, abort, delete and result pages.
 * HTTP concerns stay in {@link QueryJobEndpoints}.
 */
final class QueryJobs {
    private static final Logger LOG = Logger.getLogger(QueryJobs.class.getName());
    /** Rows rendered per acquisition of the org's read lock: writers wait at most one batch. */
    private static final int ROWS_PER_LOCK = 2048;

    /** One page of results: rows {@code [offset, offset + count)} and the locator of the next page. */
    record Page(QueryJob job, int offset, int count, String nextLocator) {
    }

    private final Clock clock;
    private final BulkSettings settings;
    private final ScheduledExecutorService executor;
    private final JobIds ids;
    private final Map<String, QueryJob> jobs = new ConcurrentHashMap<>();

    QueryJobs(Clock clock, BulkSettings settings, ScheduledExecutorService executor, JobIds ids) {
        this.clock = clock;
        this.settings = settings;
        this.executor = executor;
        this.ids = ids;
    }

    /** Registers a job for an already compiled plan and queues its run. */
    QueryJob create(Org org, String userId, String apiVersion, QueryJob.Operation operation,
            ColumnDelimiter delimiter, LineEnding lineEnding, QueryPlan plan) {
        QueryJob job = new QueryJob(ids.next(), org, userId, clock.instant(), operation, apiVersion, delimiter,
                lineEnding, plan);
        jobs.put(job.id(), job);
        executor.schedule(() -> run(job), settings.processingDelay().toNanos(), TimeUnit.NANOSECONDS);
        return job;
    }

    private void run(QueryJob job) {
        if (!job.start(clock.instant())) {
            return;
        }
        long started = System.nanoTime();
        try {
            List<Record> rows = job.org().read(job.plan()::execute);
            job.complete(rows, clock.instant(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "query job " + job.id() + " failed", e);
            job.fail("InternalServerError : " + e.getMessage(), clock.instant());
        }
    }

    /** A job of the caller's org; jobs of other orgs do not exist for it. */
    QueryJob get(Org org, String jobId) {
        return find(org, jobId).orElseThrow(ApiException::notFound);
    }

    Optional<QueryJob> find(Org org, String jobId) {
        QueryJob job = jobId == null ? null : jobs.get(jobId);
        if (job == null && jobId != null && jobId.length() == 15) {
            job = jobs.get(dev.crosswalk.emulator.model.Ids.to18(jobId));
        }
        return Optional.ofNullable(job).filter(j -> j.org() == org);
    }

    /** The org's jobs, oldest first (ids grow with creation). */
    List<QueryJob> list(Org org) {
        return jobs.values().stream().filter(j -> j.org() == org).sorted(Comparator.comparing(QueryJob::id)).toList();
    }

    void abort(QueryJob job) {
        job.abort(clock.instant());
    }

    void delete(QueryJob job) {
        job.checkDeletable();
        jobs.remove(job.id());
    }

    /**
     * Checks a results request and picks its page. Refused before {@code JobComplete} and with another
     * API version than the job's.
     */
    Page page(QueryJob job, String apiVersion, String locator, String maxRecords) {
        JobState state = job.state();
        if (state != JobState.JobComplete) {
            throw BulkErrors.notComplete(state);
        }
        if (!job.apiVersion().equals(apiVersion)) {
            throw BulkErrors.versionMismatch(job.apiVersion(), apiVersion);
        }
        int total = job.rows().size();
        int offset = Locator.decode(locator, total);
        int size = pageSize(maxRecords);
        int count = Math.min(size, total - offset);
        int next = offset + count;
        return new Page(job, offset, count, next >= total ? Locator.END : Locator.encode(next));
    }

    private int pageSize(String maxRecords) {
        if (maxRecords == null || maxRecords.isEmpty()) {
            return settings.defaultPageSize();
        }
        try {
            int n = Integer.parseInt(maxRecords);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("INVALIDPARAMETER", "maxRecords must be a positive integer: " + maxRecords);
    }

    /**
     * Streams a page as CSV: the header row, then the rows. Rows are rendered into a buffer in batches
     * under the org's read lock (record values and parent lookups are only stable under it) and the
     * buffer is written outside the lock, so a slow client never holds up writers.
     */
    static void write(Page page, OutputStream out) throws IOException {
        QueryJob job = page.job();
        writeCsv(job.org(), job.plan(), job.rows(), page.offset(), page.count(), job.columnDelimiter(), job.lineEnding(),
                out);
    }

    /** Rows {@code [offset, offset + count)} of a captured result as CSV; shared with Bulk API 1.0 query results. */
    static void writeCsv(Org org, QueryPlan plan, List<Record> rows, int offset, int count, ColumnDelimiter delimiter,
            LineEnding lineEnding, OutputStream out) throws IOException {
        CsvOut csv = new CsvOut(delimiter, lineEnding, 1 << 18);
        for (String h : plan.headers()) {
            csv.textCell(h);
        }
        csv.endRow();
        QueryPlan.CellReader[] readers = plan.readers().toArray(new QueryPlan.CellReader[0]);
        int end = offset + count;
        for (int from = offset; from < end; from += ROWS_PER_LOCK) {
            int to = Math.min(end, from + ROWS_PER_LOCK);
            int start = from;
            org.read(() -> {
                for (int i = start; i < to; i++) {
                    Record row = rows.get(i);
                    for (int c = 0; c < readers.length; c++) {
                        csv.cell(c, readers[c].read(row));
                    }
                    csv.endRow();
                }
                return null;
            });
            csv.drainTo(out);
        }
        csv.drainTo(out);
    }
}
