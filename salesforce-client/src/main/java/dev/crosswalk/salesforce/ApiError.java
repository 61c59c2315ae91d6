package dev.crosswalk.salesforce;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a Salesforce error body: REST's {@code {errorCode, message, fields}}, a
 * collection result's {@code {statusCode, message, fields}} or OAuth's
 * {@code {error, error_description}} (code = error, message = description).
 *
 * <p>Only these three fields are ever kept from an error payload (whitelisted), so an
 * {@code ApiError} is safe to log and to show to a user.
 */
public record ApiError(String errorCode, String message, List<String> fields) {

    /** Longest message we keep; Salesforce messages are short, anything longer is noise. */
    static final int MAX_MESSAGE = 1_000;

    public ApiError {
        errorCode = errorCode == null || errorCode.isBlank() ? "UNKNOWN" : errorCode;
        message = message == null ? "" : truncate(message);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static ApiError of(String errorCode, String message) {
        return new ApiError(errorCode, message, List.of());
    }

    public static ApiError of(String errorCode, String message, List<String> fields) {
        return new ApiError(errorCode, message, fields);
    }

    public boolean is(String code) {
        return Objects.equals(errorCode, code);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
    }

    @Override
    public String toString() {
        return fields.isEmpty() ? errorCode + ": " + message : errorCode + ": " + message + " " + fields;
    }
}
