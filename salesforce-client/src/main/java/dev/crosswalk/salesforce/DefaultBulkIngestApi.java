package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.internal.ErrorClassifier;
import dev.crosswalk.salesforce.internal.ApiCall;
import dev.crosswalk.salesforce.internal.ApiCaller;
import dev.crosswalk.salesforce.internal.ApiResponse;
import dev.crosswalk.salesforce.internal.CsvReader;
import dev.crosswalk.salesforce.internal.CsvWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** {@link BulkIngestApi}: uploads are spooled part by part to temp files, results are streamed. */
final class DefaultBulkIngestApi implements BulkIngestApi {

    private final ClientConfig config;
    private final ApiCaller caller;
    private final BulkJobs jobs;

    DefaultBulkIngestApi(ClientConfig config, ApiCaller caller, DefaultRestApi rest) {
        this.config = config;
        this.caller = caller;
        this.jobs = new BulkJobs(config, caller, rest, "ingest");
    }

    @Override
    public BulkJob create(String sobject, IngestOperation operation, String externalIdField) {
        Objects.requireNonNull(sobject);
        Objects.requireNonNull(operation);
        if (operation == IngestOperation.UPSERT && externalIdField == null) {
            throw new IllegalArgumentException("upsert needs an external id field");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", sobject);
        body.put("operation", operation.wire());
        if (externalIdField != null) {
            body.put("externalIdFieldName", externalIdField);
        }
        return jobs.create(body);
    }

    @Override
    public int upload(String jobId, List<String> columns, Iterator<List<String>> rows) {
        byte[] header = CsvWriter.line(columns);
        long limit = config.maxUploadBytes();
        int uploads = 0;
        byte[] carried = null; // a row that did not fit in the previous part
        java.time.Instant started = config.clock().instant();
        do {
            Path part = null;
            try {
                part = Files.createTempFile("crosswalk-ingest-", ".csv");
                long size = 0;
                int rowsInPart = 0;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024)) {
                    out.write(header);
                    size += header.length;
                    while (carried != null || rows.hasNext()) {
                        byte[] line = carried != null ? carried : CsvWriter.line(rows.next());
                        carried = null;
                        if (rowsInPart > 0 && size + line.length > limit) {
                            carried = line;
                            break;
                        }
                        if (size + line.length > limit) {
                            throw new IllegalArgumentException("one row is larger than the upload limit");
                        }
                        out.write(line);
                        size += line.length;
                        rowsInPart++;
                    }
                }
                if (rowsInPart == 0 && uploads > 0) {
                    break;
                }
                Path file = part;
                // PUT appends data to the job, so it is not idempotent: no transient retries. A 401
                // replay is safe: Salesforce refused the request, nothing was stored.
                ApiCall put = new ApiCall("PUT", jobs.jobPath(jobId) + "/batches",
                        Map.of("Content-Type", "text/csv", "Accept", "application/json"),
                        () -> {
                            try {
                                return HttpRequest.BodyPublishers.ofFile(file);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }, CallKind.BULK, false);
                caller.execute(put).close();
                uploads++;
            } catch (IOException e) {
                throw new SalesforceException(ErrorClassifier.ioFailure("spooling upload failed"), e);
            } finally {
                if (part != null) {
                    try {
                        Files.deleteIfExists(part);
                    } catch (IOException ignored) {
                        // temp file cleanup is best effort
                    }
                }
            }
        } while (carried != null || rows.hasNext());
        jobs.uploaded(jobId, Duration.between(started, config.clock().instant()));
        return uploads;
    }

    @Override
    public BulkJob close(String jobId) {
        return jobs.setState(jobId, JobState.UPLOAD_COMPLETE);
    }

    @Override
    public BulkJob abort(String jobId) {
        return jobs.setState(jobId, JobState.ABORTED);
    }

    @Override
    public BulkJob get(String jobId) {
        return jobs.get(jobId);
    }

    @Override
    public BulkJob awaitCompletion(String jobId, Duration timeout) {
        return jobs.await(jobId, timeout);
    }

    @Override
    public BulkJob awaitCompletion(String jobId, Duration timeout, long expectedRecords) {
        return jobs.awaitIngest(jobId, timeout, expectedRecords);
    }

    @Override
    public CloseableIterator<IngestResults.Successful> successfulResults(String jobId) {
        return map(csv(jobId, "successfulResults/"), r -> new IngestResults.Successful(
                r.get("sf__Id"), Boolean.parseBoolean(r.get("sf__Created")), r));
    }

    @Override
    public CloseableIterator<IngestResults.Failed> failedResults(String jobId) {
        return map(csv(jobId, "failedResults/"), r -> new IngestResults.Failed(
                emptyToNull(r.get("sf__Id")), parseSfError(r.get("sf__Error")), r));
    }

    @Override
    public CloseableIterator<Row> unprocessedRecords(String jobId) {
        return csv(jobId, "unprocessedrecords/");
    }

    @Override
    public void delete(String jobId) {
        jobs.delete(jobId);
    }

    private CsvReader csv(String jobId, String resource) {
        ApiResponse r = caller.execute(ApiCall.get(CallKind.BULK, jobs.jobPath(jobId) + "/" + resource)
                .withHeader("Accept", "text/csv"));
        return new CsvReader(r.stream());
    }

    /**
     * {@code sf__Error} looks like {@code REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --}:
     * code, message, then the fields and a trailing {@code --}.
     */
    static ApiError parseSfError(String raw) {
        if (raw == null || raw.isBlank()) {
            return ApiError.of("UNKNOWN", "");
        }
        String s = raw.strip();
        if (s.endsWith("--")) {
            s = s.substring(0, s.length() - 2).strip();
        }
        int colon = s.indexOf(':');
        if (colon <= 0 || !s.substring(0, colon).matches("[A-Z_]+")) {
            return ApiError.of("UNKNOWN", s);
        }
        String code = s.substring(0, colon);
        String rest = s.substring(colon + 1);
        List<String> fields = List.of();
        int last = rest.lastIndexOf(':');
        if (last >= 0) {
            String tail = rest.substring(last + 1).strip();
            if (tail.isEmpty() || tail.matches("[A-Za-z0-9_.]+(,\\s*[A-Za-z0-9_.]+)*")) {
                fields = tail.isEmpty() ? List.of() : List.of(tail.split(",\\s*"));
                rest = rest.substring(0, last);
            }
        }
        return ApiError.of(code, rest.strip(), fields);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static <A, B> CloseableIterator<B> map(CloseableIterator<A> in, Function<A, B> f) {
        return new CloseableIterator<>() {
            @Override public boolean hasNext() { return in.hasNext(); }
            @Override public B next() { return f.apply(in.next()); }
            @Override public void close() { in.close(); }
        };
    }
}
