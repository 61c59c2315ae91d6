package dev.crosswalk.emulator.admin;

/**
 * A refused admin operation: unknown user, org or permission set (404) or a bad request (400).
 * Rendered by the admin API as {@code {"error": "...", "message": "..."}}; Java callers of
 * {@link EmulatorAdmin} get it as an ordinary unchecked exception.
 */
public final class AdminException extends RuntimeException {
    private final int status;
    private final String error;

    private AdminException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public static AdminException notFound(String error, String message) {
        return new AdminException(404, error, message);
    }

    public static AdminException badRequest(String error, String message) {
        return new AdminException(400, error, message);
    }

    public int status() { return status; }
    /** A stable, machine-readable code such as {@code user_not_found}. */
    public String error() { return error; }
}
