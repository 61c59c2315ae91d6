package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.model.Org;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One Bulk API 2.0 ingest job: {@code Open} (uploads accepted) → {@code UploadComplete} (queued)
 * → {@code InProgress} → {@code JobComplete} | {@code Failed}, and {@code Aborted} by the client
 * before it finishes. Keeps the uploaded CSV until processing and one result per row after.
 */
final class IngestJob {

    enum Operation {
        insert, update, upsert, delete, hardDelete
    }

    /** The outcome of one data row; {@code error} is the {@code sf__Error} text, null on success. */
    record RowResult(List<String> cells, String id, boolean created, String error) {
        boolean success() {
            return error == null;
        }
    }

    record Info(String id, Operation operation, String object, String externalIdFieldName, String createdById,
            Instant createdDate, Instant systemModstamp, JobState state, String apiVersion, LineEnding lineEnding,
            ColumnDelimiter columnDelimiter, long processed, long failed, long totalProcessingTime, String errorMessage) {
    }

    private final String id;
    private final Org org;
    private final String createdById;
    private final Instant createdDate;
    private final Operation operation;
    private final String object;
    private final String externalIdFieldName;
    private final String apiVersion;
    private final ColumnDelimiter columnDelimiter;
    private final LineEnding lineEnding;
    private final CompletableFuture<JobState> finished = new CompletableFuture<>();

    private JobState state = JobState.Open;
    private Instant systemModstamp;
    private List<byte[]> uploads = new ArrayList<>();
    private long uploadedBytes;
    private List<String> header = List.of();
    private final List<RowResult> results = new ArrayList<>();
    private final List<List<String>> unprocessed = new ArrayList<>();
    private long processed;
    private long failed;
    private long processingMillis;
    private String errorMessage;

    IngestJob(String id, Org org, String createdById, Instant createdDate, Operation operation, String object,
            String externalIdFieldName, String apiVersion, ColumnDelimiter columnDelimiter, LineEnding lineEnding) {
        this.id = id;
        this.org = org;
        this.createdById = createdById;
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
        this.operation = operation;
        this.object = object;
        this.externalIdFieldName = externalIdFieldName;
        this.apiVersion = apiVersion;
        this.columnDelimiter = columnDelimiter;
        this.lineEnding = lineEnding;
    }

    String id() { return id; }
    Org org() { return org; }
    String createdById() { return createdById; }
    Operation operation() { return operation; }
    String object() { return object; }
    String externalIdFieldName() { return externalIdFieldName; }
    String apiVersion() { return apiVersion; }
    ColumnDelimiter columnDelimiter() { return columnDelimiter; }
    LineEnding lineEnding() { return lineEnding; }
    CompletableFuture<JobState> finished() { return finished; }

    synchronized JobState state() {
        return state;
    }

    synchronized Info info() {
        return new Info(id, operation, object, externalIdFieldName, createdById, createdDate, systemModstamp, state,
                apiVersion, lineEnding, columnDelimiter, processed, failed, processingMillis, errorMessage);
    }

    /** Adds one {@code PUT …/batches} body; only while Open. */
    synchronized void upload(byte[] csv, Instant now) {
        if (state != JobState.Open) {
            throw BulkErrors.invalidState("Data can only be uploaded while the job is Open; its state is " + state);
        }
        uploads.add(csv);
        uploadedBytes += csv.length;
        systemModstamp = now;
    }

    synchronized void uploadComplete(Instant now) {
        if (state != JobState.Open) {
            throw BulkErrors.invalidState("Only an Open job can be marked UploadComplete; its state is " + state);
        }
        state = JobState.UploadComplete;
        systemModstamp = now;
    }

    /** Takes the uploads for processing and moves to InProgress; null if the job was aborted meanwhile. */
    synchronized List<byte[]> start(Instant now) {
        if (state != JobState.UploadComplete) {
            return null;
        }
        state = JobState.InProgress;
        systemModstamp = now;
        List<byte[]> data = uploads;
        uploads = List.of();
        return data;
    }

    synchronized void header(List<String> columns) {
        header = List.copyOf(columns);
    }

    synchronized List<String> header() {
        return header;
    }

    /** Whether processing should go on (false once the job was aborted). */
    synchronized boolean running() {
        return state == JobState.InProgress;
    }

    synchronized void record(List<RowResult> batch) {
        for (RowResult r : batch) {
            results.add(r);
            processed++;
            if (!r.success()) {
                failed++;
            }
        }
    }

    synchronized void unprocessed(List<List<String>> rows) {
        unprocessed.addAll(rows);
    }

    synchronized void complete(Instant now, long millis) {
        processingMillis = millis;
        if (state == JobState.InProgress) {
            state = JobState.JobComplete;
            systemModstamp = now;
        }
        finished.complete(state);
    }

    synchronized void fail(String message, Instant now, long millis) {
        processingMillis = millis;
        if (state.terminal()) {
            finished.complete(state);
            return;
        }
        state = JobState.Failed;
        errorMessage = message;
        systemModstamp = now;
        finished.complete(state);
    }

    synchronized void abort(Instant now) {
        if (!state.abortable()) {
            throw BulkErrors.invalidState("Aborting a job in state " + state + " is not allowed");
        }
        boolean wasRunning = state == JobState.InProgress;
        state = JobState.Aborted;
        systemModstamp = now;
        if (!wasRunning) {
            // Nothing will process the uploads any more; the processor completes a running job itself.
            finished.complete(state);
        }
    }

    synchronized void checkDeletable() {
        if (state == JobState.Open || state == JobState.InProgress) {
            throw BulkErrors.invalidState("Deleting a job in state " + state + " is not allowed");
        }
    }

    synchronized List<RowResult> results() {
        return List.copyOf(results);
    }

    /** Rows never processed: those of an aborted or failed job, and uploads never started. */
    synchronized List<List<String>> unprocessedRows() {
        return List.copyOf(unprocessed);
    }

    synchronized List<byte[]> pendingUploads() {
        return List.copyOf(uploads);
    }

    synchronized long uploadedBytes() {
        return uploadedBytes;
    }
}
