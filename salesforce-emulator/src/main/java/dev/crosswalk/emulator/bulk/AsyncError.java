package dev.crosswalk.emulator.bulk;

/**
 * A Bulk API 1.0 error: {@code <error><exceptionCode>…</exceptionCode><exceptionMessage>…</exceptionMessage></error>}
 * (or the same two keys in JSON). Salesforce answers nearly all of them with HTTP 400, an invalid
 * session included (jsforce refreshes the session on exactly that: 400 with {@code InvalidSessionId}).
 */
final class AsyncError extends RuntimeException {
    private final String exceptionCode;
    private final int status;

    AsyncError(int status, String exceptionCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.exceptionCode = exceptionCode;
    }

    static AsyncError of(String exceptionCode, String message) {
        return new AsyncError(400, exceptionCode, message);
    }

    static AsyncError invalidJob(String message) {
        return of("InvalidJob", message);
    }

    static AsyncError invalidBatch(String message) {
        return of("InvalidBatch", message);
    }

    static AsyncError invalidJobState(String message) {
        return of("InvalidJobState", message);
    }

    String exceptionCode() {
        return exceptionCode;
    }

    int status() {
        return status;
    }
}
