package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.http.Response;

/**
 * An authorize-endpoint error. When the client or its redirect URI cannot be trusted, Salesforce
 * shows a bare error page ({@code error=…&error_description=…} as text); otherwise the error goes
 * back to the client's callback with {@code error}, {@code error_description} and {@code state}.
 */
final class AuthorizeFailure extends RuntimeException {
    private final transient Response response;

    private AuthorizeFailure(String error, String description, Response response) {
        super(error + ": " + description, null, false, false);
        this.response = response;
    }

    /** The page shown instead of a redirect (HTTP 400, plain text). */
    static AuthorizeFailure page(String error, String description) {
        String body = "error=" + TokenResponses.encode(error) + "&error_description=" + TokenResponses.encode(description);
        return new AuthorizeFailure(error, description, Response.text(400, "text/plain;charset=UTF-8", body)
                .header("Cache-Control", "no-store"));
    }

    /** A redirect to the (validated) callback carrying the error. */
    static AuthorizeFailure redirect(AuthorizeRequest request, String error, String description) {
        return new AuthorizeFailure(error, description, request.errorRedirect(error, description));
    }

    Response response() {
        return response;
    }
}
