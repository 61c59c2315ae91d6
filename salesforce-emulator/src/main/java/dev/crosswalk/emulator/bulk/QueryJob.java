package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One Bulk API 2.0 query job and its state machine:
 * {@code UploadComplete → InProgress → JobComplete | Failed}, and {@code Aborted} from either of the
 * first two. The rows are captured once, when the job runs, as references to the stored records:
 * a million-row result costs one list, not a second copy of the data.
 */
final class QueryJob {

    /** {@code query} or {@code queryAll}. */
    enum Operation {
        query, queryAll
    }

    /** What job info shows, read consistently under the job's lock. */
    record Info(String id, Operation operation, String object, String createdById, Instant createdDate,
            Instant systemModstamp, JobState state, String apiVersion, LineEnding lineEnding,
            ColumnDelimiter columnDelimiter, long numberRecordsProcessed, long totalProcessingTime, String errorMessage) {
    }

    private final String id;
    private final Org org;
    private final String createdById;
    private final Instant createdDate;
    private final Operation operation;
    private final String apiVersion;
    private final ColumnDelimiter columnDelimiter;
    private final LineEnding lineEnding;
    private final QueryPlan plan;
    private final CompletableFuture<JobState> finished = new CompletableFuture<>();

    private JobState state = JobState.UploadComplete;
    private Instant systemModstamp;
    private List<Record> rows;
    private long processingMillis;
    private String errorMessage;

    QueryJob(String id, Org org, String createdById, Instant createdDate, Operation operation, String apiVersion,
            ColumnDelimiter columnDelimiter, LineEnding lineEnding, QueryPlan plan) {
        this.id = id;
        this.org = org;
        this.createdById = createdById;
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
        this.operation = operation;
        this.apiVersion = apiVersion;
        this.columnDelimiter = columnDelimiter;
        this.lineEnding = lineEnding;
        this.plan = plan;
    }

    String id() { return id; }
    Org org() { return org; }
    String apiVersion() { return apiVersion; }
    QueryPlan plan() { return plan; }
    ColumnDelimiter columnDelimiter() { return columnDelimiter; }
    LineEnding lineEnding() { return lineEnding; }

    /** Completes with the terminal state: lets tests and callers wait without polling. */
    CompletableFuture<JobState> finished() {
        return finished;
    }

    synchronized JobState state() {
        return state;
    }

    synchronized Info info() {
        return new Info(id, operation, plan.objectName(), createdById, createdDate, systemModstamp, state, apiVersion,
                lineEnding, columnDelimiter, rows == null ? 0 : rows.size(), processingMillis, errorMessage);
    }

    /** The captured rows; only meaningful once {@code JobComplete}. */
    synchronized List<Record> rows() {
        return rows;
    }

    /** Moves a queued job to InProgress; false if it was aborted meanwhile (then it must not run). */
    synchronized boolean start(Instant now) {
        if (state != JobState.UploadComplete) {
            return false;
        }
        state = JobState.InProgress;
        systemModstamp = now;
        return true;
    }

    synchronized void complete(List<Record> result, Instant now, long millis) {
        if (state != JobState.InProgress) {
            return; // aborted while running: the result is dropped
        }
        rows = result;
        state = JobState.JobComplete;
        systemModstamp = now;
        processingMillis = millis;
        finished.complete(state);
    }

    synchronized void fail(String message, Instant now) {
        if (state.terminal()) {
            return;
        }
        state = JobState.Failed;
        errorMessage = message;
        systemModstamp = now;
        finished.complete(state);
    }

    /** Aborts a waiting or running job; refuses a finished one like Salesforce does. */
    synchronized void abort(Instant now) {
        if (state != JobState.UploadComplete && state != JobState.InProgress) {
            throw BulkErrors.invalidState("Aborting a job in state " + state + " is not allowed");
        }
        state = JobState.Aborted;
        systemModstamp = now;
        rows = null;
        finished.complete(state);
    }

    /** Salesforce deletes only jobs that are not running. */
    synchronized void checkDeletable() {
        if (state == JobState.InProgress) {
            throw BulkErrors.invalidState("Deleting a job in state InProgress is not allowed; abort it first");
        }
    }
}
