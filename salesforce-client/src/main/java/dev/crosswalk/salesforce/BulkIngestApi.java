package dev.crosswalk.salesforce;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/** Bulk API 2.0 ingest jobs: {@code /services/data/vXX.X/jobs/ingest}. */
public interface BulkIngestApi {

    /** {@code POST /jobs/ingest}; {@code externalIdField} is required for upsert, else null. */
    BulkJob create(String sobject, IngestOperation operation, String externalIdField);

    /**
     * {@code PUT /jobs/ingest/{id}/batches}, as many times as needed: rows are written as CSV
     * (header = {@code columns}) and a new upload starts before one would exceed
     * {@link ClientConfig#maxUploadBytes()}. Each part is spooled to a temporary file, so memory
     * stays constant and a part can be replayed after a token refresh. A null value is an empty
     * cell ("leave unchanged" on update); send {@code #N/A} to clear a field.
     *
     * @return number of uploads made
     */
    int upload(String jobId, List<String> columns, Iterator<List<String>> rows);

    /** {@code PATCH /jobs/ingest/{id}} {@code {"state":"UploadComplete"}}: processing starts. */
    BulkJob close(String jobId);

    /** {@code PATCH /jobs/ingest/{id}} {@code {"state":"Aborted"}}. */
    BulkJob abort(String jobId);

    /** {@code GET /jobs/ingest/{id}}. */
    BulkJob get(String jobId);

    /** Polls until terminal or timeout (injected clock and sleeper). */
    BulkJob awaitCompletion(String jobId, Duration timeout);

    /**
     * Polls a job of {@code expectedRecords} uploaded rows until terminal or timeout, each poll timed
     * from the job's progress so far ({@link IngestPolling}): a few status calls whatever the size.
     */
    BulkJob awaitCompletion(String jobId, Duration timeout, long expectedRecords);

    /** {@code GET /jobs/ingest/{id}/successfulResults/}. */
    CloseableIterator<IngestResults.Successful> successfulResults(String jobId);

    /** {@code GET /jobs/ingest/{id}/failedResults/}. */
    CloseableIterator<IngestResults.Failed> failedResults(String jobId);

    /** {@code GET /jobs/ingest/{id}/unprocessedrecords/}. */
    CloseableIterator<Row> unprocessedRecords(String jobId);

    /** {@code DELETE /jobs/ingest/{id}}. */
    void delete(String jobId);
}
