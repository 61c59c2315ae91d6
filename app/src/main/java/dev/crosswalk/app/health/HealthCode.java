package dev.crosswalk.app.health;

/**
 * The stable codes of integration errors and warnings. Each says what its scope is (what a run
 * or probe must prove to clear it), whether it blocks syncing, and whether it is transient
 * (then it only becomes visible once it persists).
 */
public enum HealthCode {
    AUTH_REVOKED(Scope.CONNECTION, Severity.ERROR, false),
    AUTH_EXPIRED(Scope.CONNECTION, Severity.ERROR, false),
    USER_INACTIVE(Scope.CONNECTION, Severity.ERROR, false),
    API_DISABLED(Scope.CONNECTION, Severity.ERROR, false),
    INSTANCE_URL_REJECTED(Scope.CONNECTION, Severity.ERROR, false),
    API_LIMIT(Scope.QUOTA, Severity.ERROR, false),
    SALESFORCE_UNAVAILABLE(Scope.OBJECT, Severity.ERROR, true),
    PERMISSION_MISSING(Scope.OBJECT, Severity.ERROR, false),
    OBJECT_MISSING(Scope.OBJECT, Severity.ERROR, false),
    FIELD_MISSING(Scope.FIELD, Severity.WARNING, false),
    SYNC_FAILED(Scope.OBJECT, Severity.ERROR, true),
    SALESFORCE_ERROR(Scope.OBJECT, Severity.ERROR, false),
    /** The Crosswalk member who authorized the connection was removed from the organization. */
    AUTHORIZER_REMOVED(Scope.AUTHORIZATION, Severity.WARNING, false),
    /** The Crosswalk member who authorized the connection is no longer an Admin. */
    AUTHORIZER_NOT_ADMIN(Scope.AUTHORIZATION, Severity.WARNING, false),
    /** The Salesforce user holds as many approvals of Crosswalk's connected app as Salesforce allows. */
    APPROVAL_LIMIT(Scope.APPROVALS, Severity.WARNING, false),
    /** Salesforce holds no usable Crosswalk token for the Outbound connection (revoked, expired or never authenticated). */
    OUTBOUND_NOT_AUTHENTICATED(Scope.OUTBOUND, Severity.ERROR, false),
    /** A callout from Salesforce did not reach Crosswalk's package API, or was refused there for another reason. */
    OUTBOUND_FAILING(Scope.OUTBOUND, Severity.ERROR, false),
    /** Push stopped: the unique records pushed this term reached the export limit. Cleared by a push within the limit. */
    EXPORT_LIMIT(Scope.OBJECT, Severity.ERROR, false),
    /** Push is at 80% or more of the export limit of the term. */
    EXPORT_LIMIT_NEAR(Scope.OBJECT, Severity.WARNING, false),
    /** Crosswalk's scheduled check of the connection failed; shown once it persists (one failed probe may be a blip). */
    PROBE_FAILED(Scope.CONNECTION, Severity.WARNING, true),
    /**
     * Checking a connection right after its reauthorization failed. Shown at once, unlike PROBE_FAILED: the admin is
     * looking at the page, waiting for "Verified".
     */
    VERIFICATION_FAILED(Scope.CONNECTION, Severity.WARNING, false),
    /** The after-sync pipeline (match keys, populations, overlaps, …) failed its last attempt. */
    MATCHING_FAILED(Scope.PIPELINE, Severity.ERROR, false);

    /** What evidence clears an error of this code. */
    public enum Scope {
        /** Any successful authenticated call through the connection. */
        CONNECTION,
        /** Daily API usage seen below the guard's threshold. */
        QUOTA,
        /** That object read to the end (or its preflight line passing). */
        OBJECT,
        /** That object read to the end with that field among the requested ones. */
        FIELD,
        /** A reauthorization by an Admin, or the member becoming Admin again. */
        AUTHORIZATION,
        /** The approval count seen below the limit. */
        APPROVALS,
        /** A callout from Salesforce through the Outbound connection reaching Crosswalk (Custom Objects integrations). */
        OUTBOUND,
        /** A pass of the after-sync pipeline in which every stage succeeded. */
        PIPELINE
    }

    public enum Severity { ERROR, WARNING }

    private final Scope scope;
    private final Severity severity;
    private final boolean transientError;

    HealthCode(Scope scope, Severity severity, boolean transientError) {
        this.scope = scope;
        this.severity = severity;
        this.transientError = transientError;
    }

    public Scope scope() {
        return scope;
    }

    public Severity severity() {
        return severity;
    }

    /** Transient problems retry with backoff and are shown only after they persist. */
    public boolean isTransient() {
        return transientError;
    }

    /** True when nothing can sync until it is fixed (the run stops at once). */
    public boolean stopsRun() {
        return scope == Scope.CONNECTION || scope == Scope.QUOTA;
    }
}
