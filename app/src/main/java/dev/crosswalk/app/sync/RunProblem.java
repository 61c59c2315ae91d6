package dev.crosswalk.app.sync;

import dev.crosswalk.salesforce.LimitInfo;
import dev.crosswalk.salesforce.SalesforceError;

/**
 * Something that went wrong in a run, as facts (health turns each into a problem with words and
 * a fix). What each kind means for the run is decided here, once: whether it stops the run,
 * whether it is transient (retried later), whether it is only a warning, and whether it shows the
 * connection itself is broken.
 */
public sealed interface RunProblem {

    /** The object concerned, or null when the whole connection or budget is. */
    String object();

    /** Nothing more can sync until it is fixed: the run stops at once. */
    boolean stopsRun();

    /** The same request may work later without anybody changing anything. */
    boolean isTransient();

    /** The object still synced (without something): the run counts as succeeded. */
    default boolean isWarning() {
        return false;
    }

    /** The connection cannot be used (auth, user, API access, instance URL). */
    default boolean breaksConnection() {
        return false;
    }

    /** Salesforce refused reading {@code object} (null: refused before any object, e.g. the token). */
    record Refused(String object, SalesforceError error) implements RunProblem {
        @Override
        public boolean stopsRun() {
            return breaksConnection() || error instanceof SalesforceError.RateLimited;
        }

        @Override
        public boolean isTransient() {
            return error.isTransient();
        }

        @Override
        public boolean isWarning() {
            // A field of the last run's list went away: Salesforce says which; the object syncs on after a describe.
            return error instanceof SalesforceError.InvalidRequest r && r.hasCode("INVALID_FIELD");
        }

        @Override
        public boolean breaksConnection() {
            return error.needsReauthorization() || error instanceof SalesforceError.ApiDisabled
                    || error instanceof SalesforceError.UntrustedInstanceUrl;
        }
    }

    /** A selected field is not (or no longer) readable; the object synced without it. */
    record FieldMissing(String object, String field) implements RunProblem {
        @Override
        public boolean stopsRun() {
            return false;
        }

        @Override
        public boolean isTransient() {
            return false;
        }

        @Override
        public boolean isWarning() {
            return true;
        }
    }

    /** Crosswalk could not store the object's records (its own fault, retried from the checkpoint). */
    record NotStored(String object, String detail) implements RunProblem {
        @Override
        public boolean stopsRun() {
            return false;
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /** Daily API usage reached the quota guard's share (before the run or in the middle of it). */
    record QuotaReached(LimitInfo usage) implements RunProblem {
        @Override
        public String object() {
            return null;
        }

        @Override
        public boolean stopsRun() {
            return true;
        }

        @Override
        public boolean isTransient() {
            return false;
        }
    }
}
