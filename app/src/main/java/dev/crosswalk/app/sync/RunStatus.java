package dev.crosswalk.app.sync;

/** How a run ended, as stored in {@code sync_run.status}. */
public enum RunStatus {
    /** Still going (only ever stored, never an outcome). */
    RUNNING,
    /** Every selected object synced (warnings such as a missing field allowed). */
    SUCCEEDED,
    /** Some objects synced, others failed. */
    PARTIAL,
    /** Nothing synced, or a problem stopped the run (the connection or the API budget). */
    FAILED,
    /** Not started: the API quota guard holds syncing (no run row). */
    SKIPPED
}
