package dev.crosswalk.salesforce;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What went wrong talking to Salesforce, classified so that callers can act on it with a
 * pattern-matching {@code switch}. Every instance is built by exactly one classifier
 * ({@code internal.ErrorClassifier}) from the HTTP status and the body Salesforce returned;
 * the factories here exist for the few errors that have no response (timeouts, a rejected
 * instance URL).
 *
 * <p>{@link #message()} is safe to show to a user: it is made of error codes and Salesforce's
 * own messages only, never of tokens, headers or request bodies.
 */
public sealed interface SalesforceError {

    /** HTTP status of the response, or 0 when there was no response (timeout, I/O failure). */
    int status();

    /** The error entries Salesforce returned, in order (may be empty). */
    List<ApiError> errors();

    /** A one-line, user-safe description. */
    default String message() {
        String kind = getClass().getSimpleName();
        if (errors().isEmpty()) {
            return status() == 0 ? kind : kind + " (HTTP " + status() + ")";
        }
        return kind + ": " + errors().stream().map(ApiError::toString).collect(Collectors.joining("; "));
    }

    /** True when the same request may succeed later without anybody changing anything. */
    default boolean isTransient() {
        return this instanceof Transient;
    }

    /** True when the connection cannot be used again until a person reauthorizes it. */
    default boolean needsReauthorization() {
        return this instanceof AuthRevoked || this instanceof AuthExpired || this instanceof UserInactive;
    }

    default Optional<ApiError> first() {
        return errors().stream().findFirst();
    }

    /** Whether Salesforce's (first) error code is {@code errorCode}, e.g. {@code INVALID_FIELD}. */
    default boolean hasCode(String errorCode) {
        return first().map(ApiError::errorCode).filter(errorCode::equals).isPresent();
    }

    /**
     * The session is no longer valid and could not be renewed: 401 / {@code INVALID_SESSION_ID}
     * with no refresh token or after a refresh, or an {@code invalid_grant} whose description says
     * something expired (for example {@code expired authorization code}).
     */
    record AuthExpired(int status, List<ApiError> errors) implements SalesforceError {
        public AuthExpired { errors = List.copyOf(errors); }
    }

    /**
     * The refresh token no longer works: {@code invalid_grant} / {@code expired access/refresh token}
     * (Salesforce's text for revoked, expired by policy, or already rotated), or any other terminal
     * {@code invalid_grant} such as {@code ip restricted}. Never retried.
     */
    record AuthRevoked(int status, List<ApiError> errors) implements SalesforceError {
        public AuthRevoked { errors = List.copyOf(errors); }
    }

    /** {@code invalid_grant} / {@code inactive user}: the user was deactivated or frozen. */
    record UserInactive(int status, List<ApiError> errors) implements SalesforceError {
        public UserInactive { errors = List.copyOf(errors); }
    }

    /**
     * The user lacks a permission ({@code INSUFFICIENT_ACCESS*}, other 403s). {@code object} and
     * {@code field} are filled in when Salesforce said which.
     */
    record InsufficientAccess(int status, List<ApiError> errors, Optional<String> object, Optional<String> field)
            implements SalesforceError {
        public InsufficientAccess { errors = List.copyOf(errors); }
    }

    /** {@code API_CURRENTLY_DISABLED} (user lacks "API Enabled") or {@code API_DISABLED_FOR_ORG}. */
    record ApiDisabled(int status, List<ApiError> errors) implements SalesforceError {
        public ApiDisabled { errors = List.copyOf(errors); }
    }

    /**
     * {@code REQUEST_LIMIT_EXCEEDED}: the daily allocation ({@link Scope#DAILY}, wait for the rolling
     * window) or too many concurrent long requests ({@link Scope#CONCURRENT}).
     */
    record RateLimited(int status, List<ApiError> errors, Scope scope, Optional<LimitInfo> limitInfo)
            implements SalesforceError {
        public RateLimited { errors = List.copyOf(errors); }

        public enum Scope { DAILY, CONCURRENT, OTHER }
    }

    /** 5xx, timeouts, {@code UNABLE_TO_LOCK_ROW}, {@code SERVER_UNAVAILABLE}: worth retrying later. */
    record Transient(int status, List<ApiError> errors) implements SalesforceError {
        public Transient { errors = List.copyOf(errors); }
    }

    /** The request itself is wrong: {@code MALFORMED_QUERY}, {@code INVALID_FIELD}, {@code INVALID_TYPE}, validation… */
    record InvalidRequest(int status, List<ApiError> errors) implements SalesforceError {
        public InvalidRequest { errors = List.copyOf(errors); }
    }

    /** 404 / {@code NOT_FOUND} / {@code ENTITY_IS_DELETED}. */
    record NotFound(int status, List<ApiError> errors) implements SalesforceError {
        public NotFound { errors = List.copyOf(errors); }
    }

    /**
     * An {@code instance_url} (or identity URL) outside the {@link InstanceUrlPolicy}: refused
     * before any request, so no token was sent to it.
     */
    record UntrustedInstanceUrl(String host, String reason) implements SalesforceError {
        @Override public int status() { return 0; }
        @Override public List<ApiError> errors() { return List.of(ApiError.of("UNTRUSTED_INSTANCE_URL", reason)); }
    }
}
