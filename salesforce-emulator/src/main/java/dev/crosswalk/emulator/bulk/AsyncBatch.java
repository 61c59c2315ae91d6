package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.model.Record;
import java.time.Instant;
import java.util.List;

/**
 * One Bulk API 1.0 batch: {@code Queued → InProgress → Completed | Failed}, or {@code NotProcessed}
 * (its job was aborted first, or it is the original batch of a PK-chunked query, whose chunks do the work).
 * Keeps the request body, one result per row (ingest) or the captured rows (query).
 */
final class AsyncBatch {

    enum State {
        Queued, InProgress, Completed, Failed, NotProcessed
    }

    /** What batch info shows, read consistently under the batch's lock. */
    record Info(String id, String jobId, State state, String stateMessage, Instant createdDate, Instant systemModstamp,
            long processed, long failed, long totalProcessingTime) {
    }

    /** A PK chunk: the Id range {@code [from, to)} of the original query; {@code to} null for the last one. */
    record Chunk(String from, String to) {
    }

    private final String id;
    private final String jobId;
    private final Instant createdDate;
    private final byte[] request;
    private final String requestContentType;
    private final Chunk chunk;
    private State state = State.Queued;
    private String stateMessage;
    private Instant systemModstamp;
    private long processed;
    private long failed;
    private long millis;
    private List<RowWriter.Row> results = List.of();
    private String resultId;
    private QueryPlan plan;
    private List<Record> rows = List.of();

    AsyncBatch(String id, String jobId, Instant createdDate, byte[] request, String requestContentType, Chunk chunk) {
        this.id = id;
        this.jobId = jobId;
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
        this.request = request;
        this.requestContentType = requestContentType;
        this.chunk = chunk;
    }

    String id() { return id; }
    byte[] request() { return request; }
    String requestContentType() { return requestContentType; }
    Chunk chunk() { return chunk; }

    synchronized State state() {
        return state;
    }

    synchronized Info info() {
        return new Info(id, jobId, state, stateMessage, createdDate, systemModstamp, processed, failed, millis);
    }

    /** Queued → InProgress; false when the batch is no longer queued (its job was aborted). */
    synchronized boolean start(Instant now) {
        if (state != State.Queued) {
            return false;
        }
        state = State.InProgress;
        systemModstamp = now;
        return true;
    }

    synchronized void completeIngest(List<RowWriter.Row> rowResults, Instant now, long elapsed) {
        results = List.copyOf(rowResults);
        processed = results.size();
        failed = results.stream().filter(r -> !r.success()).count();
        finish(State.Completed, null, now, elapsed);
    }

    synchronized void completeQuery(QueryPlan queryPlan, List<Record> captured, String result, Instant now, long elapsed) {
        plan = queryPlan;
        rows = captured;
        resultId = result;
        processed = captured.size();
        finish(State.Completed, null, now, elapsed);
    }

    synchronized void fail(String message, Instant now, long elapsed) {
        finish(State.Failed, message, now, elapsed);
    }

    /** A PK-chunked query's original batch: its chunks carry the results. */
    synchronized void notProcessed(String message, Instant now) {
        finish(State.NotProcessed, message, now, 0);
    }

    /** The job was aborted before this batch started. */
    synchronized void cancel(Instant now) {
        if (state == State.Queued) {
            finish(State.NotProcessed, null, now, 0);
        }
    }

    private void finish(State to, String message, Instant now, long elapsed) {
        state = to;
        stateMessage = message;
        systemModstamp = now;
        millis = elapsed;
    }

    synchronized List<RowWriter.Row> results() {
        return results;
    }

    synchronized String resultId() {
        return resultId;
    }

    synchronized QueryPlan plan() {
        return plan;
    }

    synchronized List<Record> rows() {
        return rows;
    }
}
