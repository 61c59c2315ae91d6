package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.model.Org;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Bulk API 1.0 job: {@code Open} (batches accepted and processed at once) → {@code Closed}
 * (no more batches; queued ones still run) or {@code Aborted} (queued batches become NotProcessed).
 */
final class AsyncJob {

    enum State {
        Open, Closed, Aborted, Failed
    }

    enum Operation {
        insert, update, upsert, delete, hardDelete, query, queryAll;

        boolean isQuery() {
            return this == query || this == queryAll;
        }

        RowWriter.Operation rows() {
            return RowWriter.Operation.valueOf(name());
        }

        /** Salesforce reads the operation case-insensitively ({@code hardDelete}, {@code harddelete}). */
        static Operation parse(String name) {
            if (name != null) {
                for (Operation op : values()) {
                    if (op.name().equalsIgnoreCase(name.trim())) {
                        return op;
                    }
                }
            }
            throw AsyncError.invalidJob("InvalidJob : Invalid operation: " + name);
        }
    }

    /** The job's {@code contentType}: how batches are sent and, for queries, how results come back. */
    enum ContentType {
        CSV("text/csv"), XML("application/xml"), JSON("application/json");

        private final String mediaType;

        ContentType(String mediaType) {
            this.mediaType = mediaType;
        }

        String mediaType() {
            return mediaType;
        }

        static ContentType parse(String value) {
            if (value == null || value.isBlank()) {
                return XML; // Salesforce's default for a job without contentType
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw AsyncError.invalidJob("Unsupported content type: " + value
                        + " (the emulator takes CSV, XML and JSON; no ZIP_ types)");
            }
        }
    }

    record Info(String id, Operation operation, String object, String createdById, Instant createdDate,
            Instant systemModstamp, State state, String externalIdFieldName, String concurrencyMode,
            ContentType contentType, String apiVersion, List<AsyncBatch.Info> batches) {

        long count(AsyncBatch.State s) {
            return batches.stream().filter(b -> b.state() == s).count();
        }

        long processed() {
            return batches.stream().mapToLong(AsyncBatch.Info::processed).sum();
        }

        long failed() {
            return batches.stream().mapToLong(AsyncBatch.Info::failed).sum();
        }

        long millis() {
            return batches.stream().mapToLong(AsyncBatch.Info::totalProcessingTime).sum();
        }
    }

    private final String id;
    private final Org org;
    private final String createdById;
    private final Instant createdDate;
    private final Operation operation;
    private final String object;
    private final String externalIdFieldName;
    private final String concurrencyMode;
    private final ContentType contentType;
    private final String apiVersion;
    private final int pkChunkSize;
    private final List<AsyncBatch> batches = new ArrayList<>();
    private State state = State.Open;
    private Instant systemModstamp;

    AsyncJob(String id, Org org, String createdById, Instant createdDate, Operation operation, String object,
            String externalIdFieldName, String concurrencyMode, ContentType contentType, String apiVersion,
            int pkChunkSize) {
        this.id = id;
        this.org = org;
        this.createdById = createdById;
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
        this.operation = operation;
        this.object = object;
        this.externalIdFieldName = externalIdFieldName;
        this.concurrencyMode = concurrencyMode;
        this.contentType = contentType;
        this.apiVersion = apiVersion;
        this.pkChunkSize = pkChunkSize;
    }

    String id() { return id; }
    Org org() { return org; }
    String createdById() { return createdById; }
    Operation operation() { return operation; }
    String object() { return object; }
    String externalIdFieldName() { return externalIdFieldName; }
    ContentType contentType() { return contentType; }
    /** 0 when PK chunking is off. */
    int pkChunkSize() { return pkChunkSize; }

    synchronized State state() {
        return state;
    }

    synchronized Info info() {
        return new Info(id, operation, object, createdById, createdDate, systemModstamp, state, externalIdFieldName,
                concurrencyMode, contentType, apiVersion, batches.stream().map(AsyncBatch::info).toList());
    }

    /** Adds a client's batch; only while the job is Open. */
    synchronized void add(AsyncBatch batch, Instant now) {
        if (state != State.Open) {
            throw AsyncError.invalidJobState("Job " + id + " is not open; its state is " + state);
        }
        batches.add(batch);
        systemModstamp = now;
    }

    /** Adds a batch the server made (a PK chunk): allowed whatever the state, as on Salesforce. */
    synchronized void addChunk(AsyncBatch batch) {
        batches.add(batch);
    }

    synchronized List<AsyncBatch> batches() {
        return List.copyOf(batches);
    }

    synchronized AsyncBatch batch(String batchId) {
        return batches.stream().filter(b -> b.id().equals(batchId) || b.id().substring(0, 15).equals(batchId))
                .findFirst()
                .orElseThrow(() -> AsyncError.invalidBatch("Unable to find batch for id: " + batchId));
    }

    synchronized void close(Instant now) {
        if (state != State.Open) {
            throw AsyncError.invalidJobState("Job " + id + " is not open; its state is " + state);
        }
        state = State.Closed;
        systemModstamp = now;
    }

    synchronized void abort(Instant now) {
        if (state == State.Aborted || state == State.Failed) {
            throw AsyncError.invalidJobState("Job " + id + " is already " + state);
        }
        state = State.Aborted;
        systemModstamp = now;
        batches.forEach(b -> b.cancel(now));
    }
}
