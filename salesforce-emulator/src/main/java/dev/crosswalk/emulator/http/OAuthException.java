package dev.crosswalk.emulator.http;

/**
 * An OAuth endpoint error: rendered as {@code {"error","error_description"}} (HTTP 400 by
 * default), the shape of Salesforce's token and revoke endpoints.
 */
public final class OAuthException extends RuntimeException {
    private final int status;
    private final String error;

    public OAuthException(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    public static OAuthException of(String error, String description) {
        return new OAuthException(400, error, description);
    }

    public int status() { return status; }
    public String error() { return error; }

    public Response toResponse() {
        var n = Json.object();
        n.put("error", error);
        n.put("error_description", getMessage());
        return Response.json(status, n);
    }
}
