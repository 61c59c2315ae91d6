package dev.crosswalk.salesforce;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A prepared web-server-flow authorization: the URL to send the browser to, and the two secrets
 * the caller must keep server-side until the callback (the {@code state} to compare, the PKCE
 * {@code codeVerifier} to send with the code). {@link #toString()} hides both.
 */
public record AuthorizationRequest(URI url, String state, String codeVerifier, String redirectUri,
                                   LoginHost loginHost) {

    /** Constant-time comparison of the callback's {@code state} with ours. */
    public boolean stateMatches(String returnedState) {
        if (returnedState == null) {
            return false;
        }
        return MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                returnedState.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[loginHost=" + loginHost.baseUrl() + ", redirectUri=" + redirectUri
                + ", state=***, codeVerifier=***]";
    }
}
