package dev.crosswalk.app.push;

import dev.crosswalk.salesforce.ApiError;
import dev.crosswalk.salesforce.BulkIngestApi;
import dev.crosswalk.salesforce.BulkJob;
import dev.crosswalk.salesforce.CloseableIterator;
import dev.crosswalk.salesforce.IngestOperation;
import dev.crosswalk.salesforce.IngestResults;
import dev.crosswalk.salesforce.JobState;
import dev.crosswalk.salesforce.RestApi;
import dev.crosswalk.salesforce.SObjectRecord;
import dev.crosswalk.salesforce.SaveResult;
import dev.crosswalk.salesforce.SalesforceConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The two ways push writes: sObject Collections (200 rows per call, answers at once) for small
 * change sets and a Bulk API 2.0 ingest job (a fixed handful of calls whatever the size) for large
 * ones, chosen by {@code bulkThreshold} (measured: see bench/README.md, P4). Results are handed to
 * {@code sink} per call (Collections) or per job, so what Salesforce confirmed is recorded before
 * the next call: a failure in the middle loses nothing already written.
 */
final class SalesforceWrites {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SalesforceWrites.class);
    private final SalesforceConnection sf;
    private final int bulkThreshold;
    private final Duration bulkTimeout;
    private int writeCalls;
    private int failedJobs;
    /** Where a Bulk job's results are recorded aside (null: in the caller's thread), and those under way. */
    private final java.util.concurrent.ExecutorService recorder;
    private final List<java.util.concurrent.Future<?>> recording = new ArrayList<>();
    private String mode = "NONE";

    SalesforceWrites(SalesforceConnection sf, int bulkThreshold, Duration bulkTimeout) {
        this(sf, bulkThreshold, bulkTimeout, null);
    }

    SalesforceWrites(SalesforceConnection sf, int bulkThreshold, Duration bulkTimeout, java.util.concurrent.ExecutorService recorder) {
        this.sf = sf;
        this.bulkThreshold = bulkThreshold;
        this.bulkTimeout = bulkTimeout;
        this.recorder = recorder;
    }

    /**
     * Waits until every job's results handed aside ({@link #start} with {@code recordAside}) are recorded, and throws what
     * recording one of them threw. Call before the push ends, also when it fails: recording must not outlive the push's lock.
     */
    void awaitRecorded() {
        RuntimeException failed = null;
        for (java.util.concurrent.Future<?> f : recording) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the push's results were recorded", e);
            }
        }
        recording.clear();
        if (failed != null) {
            throw failed;
        }
    }

    /** Calls that wrote (Collections calls, or Bulk jobs' create/upload/close). */
    int writeCalls() {
        return writeCalls;
    }

    /** Whether every non-empty one of these change sets goes through a Bulk job (none through Collections calls). */
    boolean allBulk(int... sizes) {
        for (int n : sizes) {
            if (n > 0 && n < bulkThreshold) {
                return false;
            }
        }
        return true;
    }

    /** Bulk jobs that ended Failed as a whole (an unknown column, say): their rows were not processed. */
    int failedJobs() {
        return failedJobs;
    }

    /** COLLECTIONS, BULK, BOTH or NONE: what this push used. */
    String mode() {
        return mode;
    }

    void write(String sobject, RowWrite.Operation op, List<String> columns, List<RowWrite.Item> items,
            Consumer<List<RowWrite.Result>> sink) {
        start(sobject, op, columns, items, sink).finish();
    }

    /**
     * A write under way. Collections calls are done when {@link #start} returns; a Bulk job has been
     * created, uploaded and closed, and Salesforce processes it while the caller starts the next one.
     * {@link #finish} waits for it (polls timed by its progress), reads its results and hands them to
     * the sink; {@link #finishAfterOther} is for a job that ran beside one just awaited: one status
     * call first, which usually finds it done (no poll schedule of its own, no wait).
     */
    static final class Pending {
        static final Pending DONE = new Pending(false, checkFirst -> { });
        private final boolean bulkJob;
        private final Consumer<Boolean> finish;

        Pending(boolean bulkJob, Consumer<Boolean> finish) {
            this.bulkJob = bulkJob;
            this.finish = finish;
        }

        /** A Bulk job Salesforce is processing (not Collections calls already answered). */
        boolean bulkJob() {
            return bulkJob;
        }

        void finish() {
            finish.accept(false);
        }

        void finishAfterOther() {
            finish.accept(true);
        }
    }

    Pending start(String sobject, RowWrite.Operation op, List<String> columns, List<RowWrite.Item> items,
            Consumer<List<RowWrite.Result>> sink) {
        return start(sobject, op, columns, items, sink, false);
    }

    /**
     * @param recordAside a Bulk job's results go to {@code sink} on the recorder's thread, so that the caller checks and
     *                    records another job meanwhile (PostgreSQL work beside PostgreSQL work and Salesforce calls);
     *                    {@link #awaitRecorded} waits for them. Collections calls record in the caller's thread, call by call.
     */
    Pending start(String sobject, RowWrite.Operation op, List<String> columns, List<RowWrite.Item> items,
            Consumer<List<RowWrite.Result>> sink, boolean recordAside) {
        if (items.isEmpty()) {
            return Pending.DONE;
        }
        if (items.size() >= bulkThreshold) {
            used("BULK");
            return bulk(sobject, op, columns, items, recordAside && recorder != null ? aside(sink) : sink);
        }
        used("COLLECTIONS");
        collections(sobject, op, items, sink);
        return Pending.DONE;
    }

    private Consumer<List<RowWrite.Result>> aside(Consumer<List<RowWrite.Result>> sink) {
        return results -> recording.add(recorder.submit(() -> sink.accept(results)));
    }

    private void used(String m) {
        mode = mode.equals("NONE") || mode.equals(m) ? m : "BOTH";
    }

    private void collections(String sobject, RowWrite.Operation op, List<RowWrite.Item> items, Consumer<List<RowWrite.Result>> sink) {
        RestApi rest = sf.rest();
        for (int from = 0; from < items.size(); from += RestApi.COLLECTION_CHUNK) {
            List<RowWrite.Item> chunk = items.subList(from, Math.min(items.size(), from + RestApi.COLLECTION_CHUNK));
            List<SaveResult> answers = switch (op) {
                case UPSERT -> rest.upsert(sobject, EcosystemOverlap.KEY, chunk.stream().map(RowWrite.Item::fields).toList(), false);
                case UPDATE -> rest.update(chunk.stream()
                        .map(i -> SObjectRecord.withId(sobject, (String) i.fields().get("Id"), without(i.fields(), "Id"))).toList(), false);
                case DELETE -> rest.delete(chunk.stream().map(i -> (String) i.fields().get("Id")).toList(), false);
            };
            writeCalls++;
            List<RowWrite.Result> results = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                SaveResult r = answers.get(i);
                String key = chunk.get(i).key();
                results.add(r.success() ? RowWrite.Result.ok(key, r.id())
                        : RowWrite.Result.failed(key, r.errors().isEmpty() ? ApiError.of("UNKNOWN", "no error given") : r.errors().get(0)));
            }
            sink.accept(results);
        }
    }

    private Pending bulk(String sobject, RowWrite.Operation op, List<String> columns, List<RowWrite.Item> items,
            Consumer<List<RowWrite.Result>> sink) {
        BulkIngestApi bulk = sf.bulkIngest();
        IngestOperation operation = switch (op) {
            case UPSERT -> IngestOperation.UPSERT;
            case UPDATE -> IngestOperation.UPDATE;
            case DELETE -> IngestOperation.DELETE;
        };
        List<String> cols = op == RowWrite.Operation.DELETE ? List.of("Id") : columns;
        // Results carry the uploaded columns: the external id (upsert) or the Id (update, delete) finds the row's key again.
        String keyColumn = op == RowWrite.Operation.UPSERT ? EcosystemOverlap.KEY : "Id";
        Map<String, String> keyOf = new HashMap<>();
        for (RowWrite.Item i : items) {
            keyOf.put(String.valueOf(i.fields().get(keyColumn)), i.key());
        }
        long t0 = System.nanoTime();
        BulkJob job = bulk.create(sobject, operation, op == RowWrite.Operation.UPSERT ? EcosystemOverlap.KEY : null);
        writeCalls++;
        Iterator<List<String>> rows = items.stream().map(i -> csvRow(cols, i.fields())).iterator();
        writeCalls += bulk.upload(job.id(), cols, rows);
        bulk.close(job.id());
        writeCalls++;
        long t1 = System.nanoTime();
        return new Pending(true, checkFirst -> {
            BulkJob done = checkFirst ? bulk.get(job.id()) : null;
            if (done == null || !done.state().isTerminal()) {
                done = bulk.awaitCompletion(job.id(), bulkTimeout, items.size());
            }
            results(bulk, job, op, items, keyOf, keyColumn, done, sink, t0, t1);
        });
    }

    private void results(BulkIngestApi bulk, BulkJob job, RowWrite.Operation op, List<RowWrite.Item> items, Map<String, String> keyOf,
            String keyColumn, BulkJob done, Consumer<List<RowWrite.Result>> sink, long t0, long t1) {
        long t2 = System.nanoTime();
        if (done.state() == JobState.FAILED) {
            failedJobs++;
            LOG.info("Bulk {} job {} into {} failed: {}", op, job.id(), job.object(), done.errorMessage());
        }
        List<RowWrite.Result> results = new ArrayList<>();
        boolean allOk = done.state() == JobState.JOB_COMPLETE && done.numberRecordsFailed() == 0
                && done.numberRecordsProcessed() == items.size();
        if (allOk && op != RowWrite.Operation.UPSERT) {
            // Every row succeeded and the rows carry their Id: the result files would say nothing new (two calls saved).
            items.forEach(i -> results.add(RowWrite.Result.ok(i.key(), String.valueOf(i.fields().get("Id")))));
        } else if (done.state() == JobState.JOB_COMPLETE || done.state() == JobState.FAILED) {
            // An upsert's successful results carry the ids of the records it created (a later delete needs them).
            try (CloseableIterator<IngestResults.Successful> ok = bulk.successfulResults(job.id())) {
                ok.forEachRemaining(s -> results.add(RowWrite.Result.ok(keyOf.get(s.row().get(keyColumn)), s.id())));
            }
            if (!allOk) { // no failed row: no call for the empty failed-results file
                try (CloseableIterator<IngestResults.Failed> failed = bulk.failedResults(job.id())) {
                    failed.forEachRemaining(f -> results.add(RowWrite.Result.failed(keyOf.get(f.row().get(keyColumn)), f.error())));
                }
            }
        }
        // Unprocessed rows (job aborted or failed as a whole) get no result: they stay unconfirmed and are written next time.
        results.removeIf(r -> r.key() == null);
        long t3 = System.nanoTime();
        sink.accept(results);
        LOG.debug("Bulk {} of {} rows into {}: create and upload {} ms, close to {} and finish called {} ms, results {} ms,"
                + " recorded {} ms", op, items.size(), job.object(), (t1 - t0) / 1_000_000, done.state(), (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
    }

    /** Bulk CSV: {@code #N/A} clears a field (an empty cell would leave it unchanged). */
    private static List<String> csvRow(List<String> columns, Map<String, Object> fields) {
        List<String> out = new ArrayList<>(columns.size());
        for (String c : columns) {
            Object v = fields.get(c);
            out.add(v == null ? "#N/A" : v.toString());
        }
        return out;
    }

    private static Map<String, Object> without(Map<String, Object> fields, String name) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(fields);
        m.remove(name);
        return m;
    }
}
