package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.http.Router;

/**
 * The OAuth 2.0 / OpenID Connect surface of the emulator (digest §1): authorize (HTML login and
 * approval, see {@link AuthorizeEndpoint}), token, revoke, introspect, userinfo, the identity
 * URL and discovery. Token and revoke errors are {@code {"error","error_description"}} with 400.
 */
public final class OAuthEndpoints {
    private OAuthEndpoints() {
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
        register(router, state, gate, OAuthSettings.defaults());
    }

    public static void register(Router router, EmulatorState state, ApiGate gate, OAuthSettings settings) {
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(state, settings);
        TokenEndpoint token = new TokenEndpoint(state, settings);
        RevocationEndpoints revocation = new RevocationEndpoints(state);
        IdentityEndpoints identity = new IdentityEndpoints(state, gate, settings);
        DiscoveryEndpoints discovery = new DiscoveryEndpoints(state);
        router.get("/services/oauth2/authorize", authorize::get)
                .post("/services/oauth2/authorize", authorize::post)
                .post("/services/oauth2/token", token::handle)
                .post("/services/oauth2/revoke", revocation::revoke)
                .get("/services/oauth2/revoke", revocation::revoke)
                .post("/services/oauth2/introspect", revocation::introspect)
                .get("/services/oauth2/userinfo", identity::userinfo)
                .post("/services/oauth2/userinfo", identity::userinfo)
                .get("/id/keys", discovery::keys)
                .get("/id/{orgId}/{userId}", identity::identity)
                .get("/.well-known/openid-configuration", discovery::openidConfiguration)
                .get("/services/auth/idp/oidc/logout", authorize::logout)
                .get("/secur/logout.jsp", authorize::logout);
    }
}
