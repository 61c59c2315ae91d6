package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Bulk API 1.0 jobs of one emulator and the processing of their batches. A batch is queued when
 * it is added and processed on the Bulk executor right away, whether or not its job is closed, as on
 * Salesforce. Ingest rows go through {@link RowWriter} (the same path as Bulk API 2.0 ingest), queries
 * through the {@link QueryPlanner} (the same SOQL engine and permissions as REST).
 */
final class AsyncJobs {
    private static final Logger LOG = Logger.getLogger(AsyncJobs.class.getName());
    /** Salesforce's limit of records in one Bulk API 1.0 batch. */
    static final int MAX_BATCH_RECORDS = 10_000;
    /** PK chunking: default and largest chunk size. */
    static final int DEFAULT_CHUNK = 100_000;
    static final int MAX_CHUNK = 250_000;

    private final Clock clock;
    private final BulkSettings settings;
    private final ScheduledExecutorService executor;
    private final JobIds jobIds;
    private final RowWriter writer;
    private final QueryPlanner planner;
    private final AtomicLong batchSequence = new AtomicLong(1);
    private final AtomicLong resultSequence = new AtomicLong(1);
    private final Map<String, AsyncJob> jobs = new ConcurrentHashMap<>();

    AsyncJobs(Clock clock, BulkSettings settings, ScheduledExecutorService executor, JobIds jobIds, RowWriter writer,
            QueryPlanner planner) {
        this.clock = clock;
        this.settings = settings;
        this.executor = executor;
        this.jobIds = jobIds;
        this.writer = writer;
        this.planner = planner;
    }

    AsyncJob create(Org org, String userId, AsyncJob.Operation operation, String object, String externalIdFieldName,
            String concurrencyMode, AsyncJob.ContentType contentType, String apiVersion, int pkChunkSize) {
        AsyncJob job = new AsyncJob(jobIds.next(), org, userId, clock.instant(), operation, object, externalIdFieldName,
                concurrencyMode, contentType, apiVersion, pkChunkSize);
        jobs.put(job.id(), job);
        return job;
    }

    /** A job of the caller's org; another org's job does not exist for it. */
    AsyncJob get(Org org, String jobId) {
        AsyncJob job = jobId == null ? null : jobs.get(jobId);
        if (job == null && jobId != null && jobId.length() == 15) {
            job = jobs.get(Ids.to18(jobId));
        }
        return Optional.ofNullable(job).filter(j -> j.org() == org)
                .orElseThrow(() -> AsyncError.invalidJob("Unable to find job for id: " + jobId));
    }

    /**
     * Adds a batch and queues it; returns its info as of being queued: the response always says Queued,
     * as Salesforce's does, even if the batch already ran by the time it is written.
     */
    AsyncBatch.Info addBatch(AsyncJob job, byte[] body, String contentType) {
        AsyncBatch batch = new AsyncBatch(nextBatchId(), job.id(), clock.instant(), body, contentType, null);
        job.add(batch, clock.instant());
        AsyncBatch.Info queued = batch.info();
        schedule(job, batch);
        return queued;
    }

    private void schedule(AsyncJob job, AsyncBatch batch) {
        executor.schedule(() -> run(job, batch), settings.processingDelay().toNanos(), TimeUnit.NANOSECONDS);
    }

    private String nextBatchId() {
        return Ids.to18(Ids.id15("751", batchSequence.getAndIncrement()));
    }

    private void run(AsyncJob job, AsyncBatch batch) {
        if (!batch.start(clock.instant())) {
            return;
        }
        long started = System.nanoTime();
        try {
            if (job.operation().isQuery()) {
                query(job, batch, started);
            } else {
                ingest(job, batch, started);
            }
        } catch (AsyncError e) {
            batch.fail(e.getMessage(), clock.instant(), elapsed(started));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "bulk 1.0 batch " + batch.id() + " failed", e);
            batch.fail("InternalServerError : " + e.getMessage(), clock.instant(), elapsed(started));
        }
    }

    private void ingest(AsyncJob job, AsyncBatch batch, long started) {
        AsyncInput.Rows rows = AsyncInput.rows(batch.request(), job.contentType());
        if (rows.rows().size() > MAX_BATCH_RECORDS) {
            throw AsyncError.invalidBatch("InvalidBatch : Records in a single batch cannot exceed " + MAX_BATCH_RECORDS);
        }
        SObjectType type = job.org().type(job.object())
                .orElseThrow(() -> AsyncError.invalidBatch("InvalidBatch : Unable to find object: " + job.object()));
        String headerError = rows.header().isEmpty() ? null
                : RowWriter.checkHeader(job.operation().rows(), job.externalIdFieldName(), type, rows.header());
        if (headerError != null) {
            throw AsyncError.invalidBatch(headerError);
        }
        Set<String> duplicates = job.operation() == AsyncJob.Operation.upsert
                ? RowWriter.duplicateExternalIds(type.field(job.externalIdFieldName()).orElseThrow(), rows.header(), rows.rows())
                : Set.of();
        List<RowWriter.Row> results = new ArrayList<>(rows.rows().size());
        for (int from = 0; from < rows.rows().size(); from += IngestProcessor.CHUNK) {
            List<List<String>> chunk = rows.rows().subList(from, Math.min(rows.rows().size(), from + IngestProcessor.CHUNK));
            results.addAll(writer.write(job.org(), job.createdById(), job.operation().rows(), type,
                    job.externalIdFieldName(), rows.header(), chunk, duplicates));
        }
        batch.completeIngest(results, clock.instant(), elapsed(started));
    }

    private void query(AsyncJob job, AsyncBatch batch, long started) {
        String soql = new String(batch.request(), java.nio.charset.StandardCharsets.UTF_8).trim();
        QueryPlan plan;
        try {
            plan = planner.plan(job.org(), job.createdById(), soql, job.operation() == AsyncJob.Operation.queryAll);
        } catch (ApiException e) {
            throw AsyncError.invalidBatch("InvalidBatch : Failed to process query: " + e.errorCode() + ": "
                    + e.getMessage());
        }
        if (!plan.objectName().equalsIgnoreCase(job.object())) {
            throw AsyncError.invalidBatch("InvalidBatch : The query's object " + plan.objectName()
                    + " is not the job's object " + job.object());
        }
        AsyncBatch.Chunk chunk = batch.chunk();
        if (chunk == null && job.pkChunkSize() > 0) {
            chunkQuery(job, batch, plan);
            return;
        }
        List<Record> rows = job.org().read(() -> {
            List<Record> all = plan.execute();
            return chunk == null ? all : all.stream().filter(r -> inChunk(r.id(), chunk)).toList();
        });
        batch.completeQuery(plan, rows, Ids.to18(Ids.id15("752", resultSequence.getAndIncrement())), clock.instant(),
                elapsed(started));
    }

    /**
     * PK chunking: the object's ids (all of them, whatever the WHERE clause) are cut into ranges of
     * {@code chunkSize}; each range becomes a batch of the same job whose query adds
     * {@code Id >= from AND Id < to}, and the original batch ends NotProcessed.
     */
    private void chunkQuery(AsyncJob job, AsyncBatch original, QueryPlan plan) {
        SObjectType type = job.org().type(plan.objectName()).orElseThrow();
        List<String> ids = job.org().read(() -> job.org().store(type).all().stream()
                .map(r -> r.id().substring(0, 15)).sorted().toList());
        String soql = new String(original.request(), java.nio.charset.StandardCharsets.UTF_8).trim();
        int size = job.pkChunkSize();
        List<AsyncBatch> chunks = new ArrayList<>();
        for (int from = 0; from < Math.max(ids.size(), 1); from += size) {
            String lo = ids.isEmpty() ? type.keyPrefix() + "000000000000" : ids.get(from);
            String hi = from + size < ids.size() ? ids.get(from + size) : null;
            String bounded = withIdRange(soql, lo, hi);
            AsyncBatch.Chunk range = new AsyncBatch.Chunk(lo, hi);
            chunks.add(new AsyncBatch(nextBatchId(), job.id(), clock.instant(),
                    bounded.getBytes(java.nio.charset.StandardCharsets.UTF_8), original.requestContentType(), range));
        }
        for (AsyncBatch c : chunks) {
            job.addChunk(c);
        }
        original.notProcessed(null, clock.instant());
        chunks.forEach(c -> schedule(job, c));
    }

    /** The chunk's query text as Salesforce shows it in the batch request (shown, not run: rows are filtered by Id). */
    static String withIdRange(String soql, String from, String to) {
        String range = "Id >= '" + from + "'" + (to == null ? "" : " AND Id < '" + to + "'");
        java.util.regex.Matcher where = java.util.regex.Pattern.compile("(?i)\\bWHERE\\b").matcher(soql);
        if (where.find()) {
            return soql.substring(0, where.end()) + " " + range + " AND" + soql.substring(where.end());
        }
        java.util.regex.Matcher tail = java.util.regex.Pattern.compile("(?i)\\b(ORDER\\s+BY|LIMIT)\\b").matcher(soql);
        if (tail.find()) {
            return soql.substring(0, tail.start()) + "WHERE " + range + " " + soql.substring(tail.start());
        }
        return soql + " WHERE " + range;
    }

    private static boolean inChunk(String id, AsyncBatch.Chunk chunk) {
        String id15 = id.substring(0, 15);
        return id15.compareTo(chunk.from()) >= 0 && (chunk.to() == null || id15.compareTo(chunk.to()) < 0);
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
