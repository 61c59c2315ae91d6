package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.internal.ErrorClassifier;
import dev.crosswalk.salesforce.internal.ApiCall;
import dev.crosswalk.salesforce.internal.ApiCaller;
import dev.crosswalk.salesforce.internal.Json;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What query and ingest jobs share: job info, state changes, polling. */
final class BulkJobs {

    private final ClientConfig config;
    private final ApiCaller caller;
    private final DefaultRestApi rest;
    private final String kind; // "query" or "ingest"
    /** When each job of this client was closed (UploadComplete): polls are timed from there, not from when waiting began. */
    private final Map<String, Instant> closedAt = new java.util.concurrent.ConcurrentHashMap<>();
    /** How long writing and sending each job's CSV took: times the first poll of an org's first job (IngestPolling). */
    private final Map<String, Duration> uploadTook = new java.util.concurrent.ConcurrentHashMap<>();

    BulkJobs(ClientConfig config, ApiCaller caller, DefaultRestApi rest, String kind) {
        this.config = config;
        this.caller = caller;
        this.rest = rest;
        this.kind = kind;
    }

    String jobsPath() {
        return rest.base() + "/jobs/" + kind;
    }

    String jobPath(String jobId) {
        return jobsPath() + "/" + DefaultRestApi.segment(jobId);
    }

    /** Creates a job; the CSV dialect is always the one our reader and writer speak. */
    BulkJob create(Map<String, Object> fields) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(fields);
        body.put("contentType", "CSV");
        body.put("columnDelimiter", "COMMA");
        body.put("lineEnding", "LF");
        // Not idempotent: a retried create would start a second job.
        return parse(caller.json(ApiCall.json(CallKind.BULK, "POST", jobsPath(), body, false)));
    }

    void uploaded(String jobId, Duration took) {
        uploadTook.merge(jobId, took, Duration::plus);
    }

    BulkJob get(String jobId) {
        return parse(caller.json(ApiCall.get(CallKind.BULK, jobPath(jobId))));
    }

    BulkJob setState(String jobId, JobState state) {
        BulkJob job = parse(caller.json(ApiCall.json(CallKind.BULK, "PATCH", jobPath(jobId),
                Map.of("state", state.wire()), true)));
        if (state == JobState.UPLOAD_COMPLETE) {
            closedAt.put(jobId, config.clock().instant());
        }
        return job;
    }

    void delete(String jobId) {
        caller.execute(ApiCall.delete(CallKind.BULK, jobPath(jobId))).close();
    }

    /** Polls with the configured backoff until terminal or the deadline (by the injected clock). */
    BulkJob await(String jobId, Duration timeout) {
        Instant deadline = config.clock().instant().plus(timeout);
        Backoff backoff = config.bulkPolling();
        // A job is never done the instant after it was created: a poll then would only cost an API
        // call, so the first one waits the backoff's first delay too.
        sleep(backoff.delayAfter(1), deadline);
        int attempt = 1;
        while (true) {
            BulkJob job = get(jobId);
            if (job.state().isTerminal() || !config.clock().instant().isBefore(deadline) || attempt >= backoff.maxAttempts()) {
                return job;
            }
            sleep(backoff.delayAfter(attempt), deadline);
            attempt++;
        }
    }

    /**
     * Polls a query job on {@code object} like {@link #await}, but the first poll waits as long as the
     * last query job on the same object in the same org ran at least (the last poll that found it still
     * running), when that is longer than the backoff's first delay. A query's time depends on the
     * object's size more than on the rows it returns, so an incremental query after a full one tends to
     * take about as long: polling at 250 ms a job that needs a second costs two or three status calls
     * instead of one (issue 18: P2 counted four calls per object on a loaded machine). A job done at its
     * first poll leaves three quarters of that wait as the next one's, so the wait follows the org down.
     */
    BulkJob awaitQuery(String jobId, Duration timeout, String object) {
        String key = jobsPath() + "#" + object;
        Instant start = config.clock().instant();
        Instant deadline = start.plus(timeout);
        Backoff backoff = config.bulkPolling();
        Duration first = backoff.delayAfter(1);
        IngestPolling.Seen last = config.ingestHistory().last(key);
        if (last != null && last.tookAtLeast().compareTo(first) > 0) {
            first = last.tookAtLeast().compareTo(backoff.max()) < 0 ? last.tookAtLeast() : backoff.max();
        }
        sleep(first, deadline);
        Duration runningAt = Duration.ZERO; // the last poll that found the job still running
        int attempt = 1;
        while (true) {
            BulkJob job = get(jobId);
            if (job.state().isTerminal() || !config.clock().instant().isBefore(deadline) || attempt >= backoff.maxAttempts()) {
                if (job.state() == JobState.JOB_COMPLETE) {
                    config.ingestHistory().seen(key, 1, runningAt.isZero() ? first.multipliedBy(3).dividedBy(4) : runningAt);
                }
                return job;
            }
            runningAt = Duration.between(start, config.clock().instant());
            sleep(backoff.delayAfter(attempt), deadline);
            attempt++;
        }
    }

    /**
     * Polls an ingest job of {@code expectedRecords} rows at the times {@link IngestPolling} estimates
     * from the job's own progress, until terminal or the deadline. Times count from the job's close
     * when this client closed it (the caller may have started another job in between: the push starts
     * its Account job before it waits for the overlap job), else from now.
     */
    BulkJob awaitIngest(String jobId, Duration timeout, long expectedRecords) {
        Instant now = config.clock().instant();
        Instant closed = closedAt.remove(jobId);
        Duration upload = uploadTook.remove(jobId);
        Instant start = closed != null && closed.isBefore(now) ? closed : now;
        Instant deadline = now.plus(timeout);
        Backoff backoff = config.bulkPolling();
        IngestPolling.Seen last = config.ingestHistory().last(jobsPath());
        Duration firstWait = last == null ? IngestPolling.first(expectedRecords, upload == null ? Duration.ZERO : upload, backoff)
                : IngestPolling.first(expectedRecords, last.records(), last.tookAtLeast(), backoff);
        sleep(firstWait.minus(Duration.between(start, now)), deadline);
        long previous = 0;
        Duration previousAt = Duration.ZERO;
        Duration runningAt = Duration.ZERO; // the last poll that found the job still running
        while (true) {
            BulkJob job = get(jobId);
            Duration elapsed = Duration.between(start, config.clock().instant());
            if (job.state().isTerminal() || !config.clock().instant().isBefore(deadline)) {
                if (job.state() == JobState.JOB_COMPLETE) {
                    // At least this long: it was still running then. Done at the first poll, it took at most that long:
                    // three quarters of it for the next job, so that a first wait longer than the org needs follows the
                    // org down instead of staying.
                    config.ingestHistory().seen(jobsPath(), job.numberRecordsProcessed(),
                            runningAt.isZero() ? elapsed.multipliedBy(3).dividedBy(4) : runningAt);
                }
                return job;
            }
            runningAt = elapsed;
            sleep(IngestPolling.next(expectedRecords, job.numberRecordsProcessed(), elapsed, previous, previousAt, backoff), deadline);
            previous = job.numberRecordsProcessed();
            previousAt = elapsed;
        }
    }

    private void sleep(Duration wait, Instant deadline) {
        Duration left = Duration.between(config.clock().instant(), deadline);
        if (left.isNegative() || wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            config.sleeper().sleep(wait.compareTo(left) < 0 ? wait : left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(ErrorClassifier.ioFailure("interrupted while polling job"), e);
        }
    }

    /** Throws unless the job completed: Failed/Aborted → InvalidRequest with Salesforce's message. */
    static BulkJob requireComplete(BulkJob job) {
        if (job.state() == JobState.JOB_COMPLETE) {
            return job;
        }
        if (job.state().isTerminal()) {
            throw new SalesforceException(ErrorClassifier.bulkJobEnded(job.state().name(),
                    job.errorMessage() == null ? "job " + job.id() + " ended " + job.state().wire() : job.errorMessage()));
        }
        throw new SalesforceException(ErrorClassifier.bulkJobTimeout(
                "job " + job.id() + " still " + job.state().wire() + " at the deadline"));
    }

    static BulkJob parse(JsonNode n) {
        return new BulkJob(Json.text(n, "id"), Json.text(n, "object"), Json.text(n, "operation"),
                JobState.parse(Json.text(n, "state")), n.path("numberRecordsProcessed").asLong(0),
                n.path("numberRecordsFailed").asLong(0), Json.text(n, "errorMessage"),
                n.has("apiVersion") ? n.get("apiVersion").asString() : null);
    }
}
