package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OIDC discovery ({@code /.well-known/openid-configuration}) with every endpoint on the
 * emulator's base URL, and an empty JWKS at {@code /id/keys}: the emulator issues no id tokens,
 * so there is nothing to verify.
 */
final class DiscoveryEndpoints {
    private final EmulatorState state;

    DiscoveryEndpoints(EmulatorState state) {
        this.state = state;
    }

    Response openidConfiguration(Request request) {
        String base = state.baseUrl();
        ObjectNode n = Json.object();
        n.put("issuer", base);
        n.put("authorization_endpoint", base + "/services/oauth2/authorize");
        n.put("token_endpoint", base + "/services/oauth2/token");
        n.put("revocation_endpoint", base + "/services/oauth2/revoke");
        n.put("userinfo_endpoint", base + "/services/oauth2/userinfo");
        n.put("jwks_uri", base + "/id/keys");
        n.put("registration_endpoint", base + "/services/oauth2/register");
        n.put("introspection_endpoint", base + "/services/oauth2/introspect");
        n.put("end_session_endpoint", base + "/services/auth/idp/oidc/logout");
        n.put("frontchannel_logout_supported", true);
        array(n, "scopes_supported", List.of("id", "api", "web", "full", "chatter_api", "visualforce", "refresh_token",
                "openid", "profile", "email", "address", "phone", "offline_access", "custom_permissions", "wave_api",
                "eclair_api"));
        array(n, "response_types_supported", List.of("code", "token", "token id_token"));
        array(n, "subject_types_supported", List.of("public"));
        array(n, "id_token_signing_alg_values_supported", List.of("RS256"));
        array(n, "display_values_supported", List.of("page", "popup", "touch"));
        array(n, "token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        array(n, "code_challenge_methods_supported", List.of("S256"));
        array(n, "grant_types_supported", List.of("authorization_code", "refresh_token", "password"));
        return Response.json(200, n);
    }

    Response keys(Request request) {
        ObjectNode n = Json.object();
        n.putArray("keys");
        return Response.json(200, n);
    }

    private static void array(ObjectNode n, String key, List<String> values) {
        ArrayNode a = n.putArray(key);
        values.forEach(a::add);
    }
}
