package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.http.ApiException;

/**
 * The Bulk API 2.0 errors the emulator returns. Salesforce documents the statuses but rarely the
 * exact codes (see salesforce-api.md §6.4, §11); the choices are explained once here.
 */
final class BulkErrors {
    /** A job request Salesforce refuses: bad operation, delimiter, missing object or query. */
    static final String INVALID_JOB = "INVALIDJOB";
    /** An action the job's state does not allow (abort a finished job, upload to a closed one…). */
    static final String INVALID_JOB_STATE = "INVALIDJOBSTATE";

    private BulkErrors() {
    }

    static ApiException invalidJob(String message) {
        return ApiException.badRequest(INVALID_JOB, message);
    }

    static ApiException invalidState(String message) {
        return ApiException.badRequest(INVALID_JOB_STATE, message);
    }

    /** Results asked for before the job finished: older Salesforce docs show 412 Precondition Failed. */
    static ApiException notComplete(JobState state) {
        return ApiException.of(412, INVALID_JOB_STATE, "The job is not complete; its state is " + state
                + ". Results are available once the state is JobComplete.");
    }

    /** Results must be read with the API version the job was created with: Salesforce answers 409. */
    static ApiException versionMismatch(String jobVersion, String requestVersion) {
        return ApiException.of(409, INVALID_JOB, "The job was created with API version " + jobVersion
                + "; read its results with the same version, not " + requestVersion + ".");
    }
}
