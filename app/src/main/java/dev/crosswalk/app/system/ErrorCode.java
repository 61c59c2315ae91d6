package dev.crosswalk.app.system;

import org.springframework.http.HttpStatus;

/**
 * Stable error codes of the REST API, each with its HTTP status and title. Rendered as RFC 9457
 * problem details with the code in a {@code code} property, so clients switch on codes, not text.
 */
public enum ErrorCode {
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed for your role"),
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "The request is not valid"),
    CONFLICT(HttpStatus.CONFLICT, "Conflicts with the current state"),
    EMAIL_TAKEN(HttpStatus.CONFLICT, "This email already has an account"),
    LAST_ADMIN(HttpStatus.CONFLICT, "An organization needs at least one Admin"),
    OAUTH_STATE_INVALID(HttpStatus.BAD_REQUEST, "The sign-in link is unknown, used or expired"),
    OAUTH_DENIED(HttpStatus.BAD_REQUEST, "Salesforce did not grant access"),
    SALESFORCE_ORG_MISMATCH(HttpStatus.CONFLICT, "You signed in to a different Salesforce org"),
    SALESFORCE_ERROR(HttpStatus.BAD_GATEWAY, "Salesforce refused the request"),
    SYNC_ALREADY_RUNNING(HttpStatus.CONFLICT, "A sync is already running for this integration"),
    INVALID_FIELD_SELECTION(HttpStatus.BAD_REQUEST, "Unknown objects or fields in the selection"),
    WEBHOOK_URL_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "Webhooks may only reach public https addresses");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
