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

    /** Registers the routes; returns the login host's browser sessions (Visualforce and Setup pages use them too). */
    public static BrowserSessions register(Router router, EmulatorState state, ApiGate gate) {
        return register(router, state, gate, OAuthSettings.defaults());
    }

    public static BrowserSessions register(Router router, EmulatorState state, ApiGate gate, OAuthSettings settings) {
        BrowserSessions browsers = new BrowserSessions(state);
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(state, settings, browsers);
        SiteLogin site = new SiteLogin(state, browsers);
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
                .get("/secur/logout.jsp", authorize::logout)
                .get("/", site::page)
                .post("/", site::login)
                .get("/secur/frontdoor.jsp", site::frontdoor)
                .get(SiteLogin.HOME, site::home);
        return browsers;
    }
}
