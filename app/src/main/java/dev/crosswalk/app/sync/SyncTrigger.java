package dev.crosswalk.app.sync;

/** Why a run started. */
public enum SyncTrigger {
    SCHEDULE, MANUAL, FIRST_SYNC, VERIFICATION
}
