package dev.crosswalk.emulator.bulk;

import java.time.Duration;

/**
 * Tunables of the Bulk API 2.0 emulation. Defaults follow Salesforce where it documents a figure.
 *
 * @param processingDelay  how long a job waits in {@code UploadComplete} before it runs; zero by default so
 *                         jobs finish as soon as they are evaluated, a delay lets tests observe the queue
 * @param defaultPageSize  rows per result page when the client gives no {@code maxRecords} (Salesforce sizes
 *                         pages by bytes; a large fixed count keeps the number of round trips as low)
 * @param maxUploadBytes   largest CSV body of one {@code PUT …/batches}: Salesforce allows 150 MB after its
 *                         base64 encoding, i.e. 100 MB of raw CSV
 * @param jobListPageSize  jobs per page of {@code GET /jobs/query} and {@code GET /jobs/ingest}
 */
public record BulkSettings(Duration processingDelay, int defaultPageSize, long maxUploadBytes, int jobListPageSize) {

    public static final long SALESFORCE_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

    public BulkSettings {
        if (processingDelay.isNegative() || defaultPageSize <= 0 || maxUploadBytes <= 0 || jobListPageSize <= 0) {
            throw new IllegalArgumentException("Bulk settings must be positive");
        }
    }

    public static BulkSettings defaults() {
        return new BulkSettings(Duration.ZERO, 100_000, SALESFORCE_MAX_UPLOAD_BYTES, 1000);
    }

    public BulkSettings withProcessingDelay(Duration d) {
        return new BulkSettings(d, defaultPageSize, maxUploadBytes, jobListPageSize);
    }

    public BulkSettings withDefaultPageSize(int rows) {
        return new BulkSettings(processingDelay, rows, maxUploadBytes, jobListPageSize);
    }

    public BulkSettings withMaxUploadBytes(long bytes) {
        return new BulkSettings(processingDelay, defaultPageSize, bytes, jobListPageSize);
    }

    public BulkSettings withJobListPageSize(int jobs) {
        return new BulkSettings(processingDelay, defaultPageSize, maxUploadBytes, jobs);
    }
}
