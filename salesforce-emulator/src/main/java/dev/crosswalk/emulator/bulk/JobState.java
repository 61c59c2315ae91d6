package dev.crosswalk.emulator.bulk;

/**
 * Bulk API 2.0 job states, spelled as Salesforce spells them in job info. Query jobs start at
 * {@code UploadComplete}; ingest jobs start at {@code Open} and move on when the client says so.
 */
enum JobState {
    Open,
    UploadComplete,
    InProgress,
    JobComplete,
    Failed,
    Aborted;

    boolean terminal() {
        return this == JobComplete || this == Failed || this == Aborted;
    }

    /** Salesforce lets a job be aborted only while it is still waiting or running. */
    boolean abortable() {
        return this == Open || this == UploadComplete || this == InProgress;
    }
}
