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
    SALESFORCE_ORG_ALREADY_CONNECTED(HttpStatus.CONFLICT, "This Salesforce org is already connected"),
    SALESFORCE_ERROR(HttpStatus.BAD_GATEWAY, "Salesforce refused the request"),
    SYNC_ALREADY_RUNNING(HttpStatus.CONFLICT, "A sync is already running for this integration"),
    INVALID_FIELD_SELECTION(HttpStatus.BAD_REQUEST, "Unknown objects or fields in the selection"),
    WEBHOOK_URL_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "Webhooks may only reach public https addresses"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request body or a parameter could not be read"),
    LOGIN_HOST_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "This is not a Salesforce login host"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Sign in first"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "This method is not supported here"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "No acceptable representation"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The request is too large"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side"),
    API_TOKEN_LIMIT(HttpStatus.CONFLICT, "Too many API tokens");

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

    /** The code for an error Spring MVC or the servlet container raised with only a status. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
        };
    }
}
