package dev.crosswalk.salesforce;

import java.time.Duration;

/** Bulk API 2.0 query jobs: {@code /services/data/vXX.X/jobs/query}. */
public interface BulkQueryApi {

    /** {@code POST /jobs/query}; {@code includeDeleted} selects operation {@code queryAll}. */
    BulkJob create(String soql, boolean includeDeleted);

    /** {@code GET /jobs/query/{id}}. */
    BulkJob get(String jobId);

    /**
     * Polls {@link #get} with the configured backoff (injected clock and sleeper) until the job is
     * terminal or {@code timeout} passes. A {@code Failed}/{@code Aborted} job is returned, not thrown.
     */
    BulkJob awaitCompletion(String jobId, Duration timeout);

    /**
     * {@code GET /jobs/query/{id}/results?locator=&maxRecords=}, page after page, each page parsed
     * as it streams: constant memory whatever the result size. The {@code Authorization} header is
     * rebuilt for every page, and a page refused with 401 is fetched again from the same locator
     * after one refresh, so rows are neither lost nor duplicated.
     */
    CloseableIterator<Row> results(String jobId);

    /** {@code PATCH /jobs/query/{id}} {@code {"state":"Aborted"}}. */
    BulkJob abort(String jobId);

    /** {@code DELETE /jobs/query/{id}}. */
    void delete(String jobId);

    /** create + awaitCompletion + results; throws if the job does not complete. */
    CloseableIterator<Row> query(String soql, boolean includeDeleted, Duration timeout);

    /**
     * Like {@link #query(String, boolean, Duration)}, and tells {@code rowsInResult} the completed job's
     * {@code numberRecordsProcessed} (the rows its results hold) before the first page is requested: the
     * size of what follows comes with the status poll that found the job complete, without the
     * {@code SELECT COUNT()} call (and the second scan of the object) it would otherwise cost.
     */
    default CloseableIterator<Row> query(String soql, boolean includeDeleted, Duration timeout,
            java.util.function.LongConsumer rowsInResult) {
        return query(soql, includeDeleted, timeout);
    }
}
