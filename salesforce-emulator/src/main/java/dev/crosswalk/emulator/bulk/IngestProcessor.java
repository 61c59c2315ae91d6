package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.data.ApiError;
import dev.crosswalk.emulator.data.DataService;
import dev.crosswalk.emulator.model.SObjectType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes an ingest job: parses its uploads, checks the header (an unknown field fails the whole
 * job, as on Salesforce), then writes the rows through {@link RowWriter} (shared with Bulk API 1.0) in chunks of 200, the
 * size Salesforce hands to triggers. Each row succeeds or fails on its own; a failed row never fails
 * the job. The org's write lock is taken per chunk, so readers interleave with a long job.
 */
final class IngestProcessor {
    private static final Logger LOG = Logger.getLogger(IngestProcessor.class.getName());
    static final int CHUNK = 200;

    private final RowWriter writer;
    private final Clock clock;

    IngestProcessor(DataService data, Clock clock) {
        this.writer = new RowWriter(data);
        this.clock = clock;
    }

    void run(IngestJob job) {
        List<byte[]> uploads = job.start(clock.instant());
        if (uploads == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            process(job, uploads, started);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ingest job " + job.id() + " failed", e);
            job.fail("InternalServerError : " + e.getMessage(), clock.instant(), elapsed(started));
        }
    }

    private void process(IngestJob job, List<byte[]> uploads, long started) {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        for (byte[] upload : uploads) {
            if (upload.length == 0) {
                continue; // an empty upload adds nothing, not even a header
            }
            IngestCsv.Parsed parsed;
            try {
                parsed = IngestCsv.parse(upload, job.columnDelimiter(), job.lineEnding());
            } catch (IngestCsv.Unreadable e) {
                job.fail(e.getMessage(), clock.instant(), elapsed(started));
                return;
            }
            if (header == null) {
                header = parsed.header();
                job.header(header);
            } else if (!sameColumns(header, parsed.header())) {
                job.unprocessed(rows);
                job.fail("InvalidBatch : Every upload of a job must have the same header row", clock.instant(), elapsed(started));
                return;
            }
            rows.addAll(parsed.rows());
        }
        if (header == null) {
            job.complete(clock.instant(), elapsed(started));
            return;
        }
        Optional<SObjectType> type = job.org().type(job.object());
        String headerError = type.isEmpty() ? "InvalidBatch : Unable to find object: " + job.object()
                : checkHeader(job, type.get(), header);
        if (headerError != null) {
            job.unprocessed(rows);
            job.fail(headerError, clock.instant(), elapsed(started));
            return;
        }
        Set<String> duplicateKeys = job.operation() == IngestJob.Operation.upsert
                ? RowWriter.duplicateExternalIds(type.get().field(job.externalIdFieldName()).orElseThrow(), header, rows)
                : Set.of();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            if (!job.running()) {
                job.unprocessed(rows.subList(from, rows.size()));
                break;
            }
            List<List<String>> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            job.record(processChunk(job, type.get(), header, chunk, duplicateKeys));
        }
        job.complete(clock.instant(), elapsed(started));
    }

    /** Null when every column names a field (or a {@code Relationship.Field} lookup) of the object. */
    static String checkHeader(IngestJob job, SObjectType type, List<String> header) {
        return RowWriter.checkHeader(operation(job), job.externalIdFieldName(), type, header);
    }

    private List<IngestJob.RowResult> processChunk(IngestJob job, SObjectType type, List<String> header,
            List<List<String>> chunk, Set<String> duplicateKeys) {
        return writer.write(job.org(), job.createdById(), operation(job), type, job.externalIdFieldName(), header, chunk,
                        duplicateKeys).stream()
                .map(r -> new IngestJob.RowResult(r.cells(), r.id(), r.created(), r.success() ? null : sfError(r.error())))
                .toList();
    }

    private static RowWriter.Operation operation(IngestJob job) {
        return RowWriter.Operation.valueOf(job.operation().name());
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static String sfError(ApiError error) {
        return RowWriter.sfError(error);
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
