package dev.crosswalk.salesforce;

/** Typed rows of the three ingest result files. */
public final class IngestResults {

    private IngestResults() {
    }

    /** {@code successfulResults/}: {@code sf__Id}, {@code sf__Created}, then the uploaded columns. */
    public record Successful(String id, boolean created, Row row) {
    }

    /** {@code failedResults/}: {@code sf__Id} (may be empty), {@code sf__Error} parsed, then the uploaded columns. */
    public record Failed(String id, ApiError error, Row row) {
    }
}
