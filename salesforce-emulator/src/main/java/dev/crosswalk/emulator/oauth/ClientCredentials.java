package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.http.OAuthException;
import dev.crosswalk.emulator.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The client's credentials on a token-endpoint call: HTTP Basic ({@code base64(id:secret)})
 * when present, else {@code client_id} / {@code client_secret} form fields.
 */
record ClientCredentials(String clientId, String clientSecret) {

    static ClientCredentials from(Request request, Map<String, String> form) {
        String header = request.header("Authorization");
        if (header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("basic ")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.trim().substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon >= 0) {
                    return new ClientCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
                }
            } catch (IllegalArgumentException e) {
                throw OAuthException.of("invalid_client", "invalid client credentials");
            }
        }
        return new ClientCredentials(form.get("client_id"), form.get("client_secret"));
    }

    /**
     * The connected app these credentials authenticate: unknown id → {@code invalid_client_id},
     * missing or wrong secret → {@code invalid_client} (Salesforce's live error, not the
     * {@code invalid_client_credentials} of older docs).
     */
    ConnectedApp authenticate(EmulatorState state) {
        ConnectedApp app = knownApp(state);
        if (clientSecret == null || !MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                app.clientSecret().getBytes(StandardCharsets.UTF_8))) {
            throw OAuthException.of("invalid_client", "invalid client credentials");
        }
        return app;
    }

    ConnectedApp knownApp(EmulatorState state) {
        return state.app(clientId).orElseThrow(() -> OAuthException.of("invalid_client_id", "client identifier invalid"));
    }
}
