package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The ingest jobs of one emulator: creation, uploads, state changes, processing and result files. */
final class IngestJobs {

    /** Which result file: {@code successfulResults/}, {@code failedResults/} or {@code unprocessedrecords/}. */
    enum ResultKind {
        SUCCESSFUL, FAILED, UNPROCESSED
    }

    private final Clock clock;
    private final BulkSettings settings;
    private final ScheduledExecutorService executor;
    private final JobIds ids;
    private final IngestProcessor processor;
    private final Map<String, IngestJob> jobs = new ConcurrentHashMap<>();

    IngestJobs(Clock clock, BulkSettings settings, ScheduledExecutorService executor, JobIds ids, IngestProcessor processor) {
        this.clock = clock;
        this.settings = settings;
        this.executor = executor;
        this.ids = ids;
        this.processor = processor;
    }

    IngestJob create(Org org, String userId, String apiVersion, IngestJob.Operation operation, String object,
            String externalIdFieldName, ColumnDelimiter delimiter, LineEnding lineEnding) {
        IngestJob job = new IngestJob(ids.next(), org, userId, clock.instant(), operation, object, externalIdFieldName,
                apiVersion, delimiter, lineEnding);
        jobs.put(job.id(), job);
        return job;
    }

    IngestJob get(Org org, String jobId) {
        return find(org, jobId).orElseThrow(ApiException::notFound);
    }

    Optional<IngestJob> find(Org org, String jobId) {
        IngestJob job = jobId == null ? null : jobs.get(jobId);
        if (job == null && jobId != null && jobId.length() == 15) {
            job = jobs.get(Ids.to18(jobId));
        }
        return Optional.ofNullable(job).filter(j -> j.org() == org);
    }

    List<IngestJob> list(Org org) {
        return jobs.values().stream().filter(j -> j.org() == org).sorted(Comparator.comparing(IngestJob::id)).toList();
    }

    /**
     * Stores one upload, refusing more than the configured limit (Salesforce: 150 MB per request after
     * base64, i.e. 100 MB of CSV). The body is read at most one byte past the limit, never whole.
     */
    void upload(IngestJob job, InputStream body) {
        if (job.state() != JobState.Open) {
            throw BulkErrors.invalidState("Data can only be uploaded while the job is Open; its state is " + job.state());
        }
        long max = settings.maxUploadBytes();
        byte[] data;
        try {
            data = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (data.length > max) {
            throw ApiException.badRequest(BulkErrors.INVALID_JOB, "The upload is larger than the limit of " + max
                    + " bytes of CSV per request (Salesforce allows 150 MB after base64 encoding, about 100 MB of raw"
                    + " CSV). Split the data into several uploads or jobs.");
        }
        if (data.length == 0) {
            // Salesforce accepts an empty upload; a job whose uploads hold no rows completes with 0 records.
            job.upload(data, clock.instant());
            return;
        }
        job.upload(data, clock.instant());
    }

    /** The client's PATCH: {@code UploadComplete} queues the job, {@code Aborted} stops it. */
    void changeState(IngestJob job, String state) {
        if ("UploadComplete".equals(state)) {
            job.uploadComplete(clock.instant());
            executor.schedule(() -> processor.run(job), settings.processingDelay().toNanos(), TimeUnit.NANOSECONDS);
        } else if ("Aborted".equals(state)) {
            job.abort(clock.instant());
        } else {
            throw BulkErrors.invalidJob("An ingest job can only be changed to UploadComplete or Aborted, not " + state);
        }
    }

    void delete(IngestJob job) {
        job.checkDeletable();
        jobs.remove(job.id());
    }

    /** Streams a result file; rows follow the job's delimiter and line ending. */
    static void write(IngestJob job, ResultKind kind, OutputStream out) throws IOException {
        CsvOut csv = new CsvOut(job.columnDelimiter(), job.lineEnding(), 1 << 16);
        List<String> header = job.header().isEmpty() ? pendingHeader(job) : job.header();
        switch (kind) {
            case SUCCESSFUL -> {
                csv.textCell("sf__Id");
                csv.textCell("sf__Created");
            }
            case FAILED -> {
                csv.textCell("sf__Id");
                csv.textCell("sf__Error");
            }
            case UNPROCESSED -> {
            }
        }
        header.forEach(csv::textCell);
        csv.endRow();
        if (kind == ResultKind.UNPROCESSED) {
            for (List<String> row : unprocessed(job)) {
                row.forEach(csv::textCell);
                csv.endRow();
                drainIfFull(csv, out);
            }
        } else {
            for (IngestJob.RowResult r : job.results()) {
                if (r.success() != (kind == ResultKind.SUCCESSFUL)) {
                    continue;
                }
                csv.textCell(r.id());
                if (kind == ResultKind.SUCCESSFUL) {
                    csv.cell(r.created());
                } else {
                    csv.textCell(r.error());
                }
                r.cells().forEach(csv::textCell);
                csv.endRow();
                drainIfFull(csv, out);
            }
        }
        csv.drainTo(out);
    }

    /** Unprocessed rows, plus the raw rows of uploads an aborted job never got to. */
    private static List<List<String>> unprocessed(IngestJob job) {
        List<List<String>> rows = new java.util.ArrayList<>(job.unprocessedRows());
        if (job.state() == JobState.Aborted) {
            for (byte[] upload : job.pendingUploads()) {
                if (upload.length == 0) {
                    continue;
                }
                try {
                    rows.addAll(IngestCsv.parse(upload, job.columnDelimiter(), job.lineEnding()).rows());
                } catch (IngestCsv.Unreadable e) {
                    // an unreadable upload has no rows to give back
                }
            }
        }
        return rows;
    }

    /** The header of the first upload of a job that never started (aborted while Open or queued). */
    private static List<String> pendingHeader(IngestJob job) {
        for (byte[] upload : job.pendingUploads()) {
            try {
                return IngestCsv.parse(upload, job.columnDelimiter(), job.lineEnding()).header();
            } catch (IngestCsv.Unreadable e) {
                return List.of();
            }
        }
        return List.of();
    }

    private static void drainIfFull(CsvOut csv, OutputStream out) throws IOException {
        if (csv.size() >= 1 << 16) {
            csv.drainTo(out);
        }
    }
}
