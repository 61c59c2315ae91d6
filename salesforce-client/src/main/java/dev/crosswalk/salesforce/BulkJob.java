package dev.crosswalk.salesforce;

/** A Bulk API 2.0 job's info ({@code GET /jobs/query/{id}} or {@code /jobs/ingest/{id}}). */
public record BulkJob(String id, String object, String operation, JobState state, long numberRecordsProcessed,
                      long numberRecordsFailed, String errorMessage, String apiVersion) {
}
