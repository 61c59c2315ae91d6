package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.UserRef;
import dev.crosswalk.emulator.auth.AuthCode;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.auth.RefreshGrant;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.OAuthException;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.model.Org;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /services/oauth2/token} with the {@code authorization_code}, {@code refresh_token}
 * and {@code password} grants. Checks run client first (unknown id, then secret), then the
 * grant, then the user, each failing with Salesforce's observed {@code error} /
 * {@code error_description} pair (HTTP 400).
 */
final class TokenEndpoint {
    private final EmulatorState state;
    private final OAuthSettings settings;

    TokenEndpoint(EmulatorState state, OAuthSettings settings) {
        this.state = state;
        this.settings = settings;
    }

    Response handle(Request request) {
        Map<String, String> form = request.form();
        String grantType = form.get("grant_type");
        if (grantType == null || !(grantType.equals("authorization_code") || grantType.equals("refresh_token")
                || grantType.equals("password"))) {
            throw OAuthException.of("unsupported_grant_type", "grant type not supported");
        }
        ConnectedApp app = ClientCredentials.from(request, form).authenticate(state);
        Map<String, String> fields = switch (grantType) {
            case "authorization_code" -> authorizationCode(app, form);
            case "refresh_token" -> refreshToken(app, form);
            default -> password(app, form);
        };
        return TokenResponses.render(fields, form.get("format"));
    }

    private Map<String, String> authorizationCode(ConnectedApp app, Map<String, String> form) {
        // Consumed before any further check: a code is single use even when the exchange fails.
        AuthCode code = state.tokens().consumeCode(form.get("code"))
                .filter(c -> c.clientId().equals(app.clientId()))
                .filter(c -> !state.clock().instant().isAfter(c.issuedAt().plus(settings.codeTtl())))
                .orElseThrow(() -> OAuthException.of("invalid_grant", "expired authorization code"));
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            throw OAuthException.of("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        // A code_verifier for a code issued without a challenge is ignored: jsforce sends its
        // verifier on every token call of a PKCE-enabled client.
        String verifier = form.get("code_verifier");
        if (code.codeChallenge() != null) {
            if (verifier == null || verifier.isEmpty()) {
                throw OAuthException.of("invalid_grant", "invalid code verifier");
            }
            if (!Pkce.verifies(verifier, code.codeChallenge())) {
                throw OAuthException.of(settings.pkceMismatchError(), "invalid code verifier");
            }
        }
        Org org = state.org(code.orgId()).orElseThrow(() -> OAuthException.of("invalid_grant", "expired authorization code"));
        requireActive(org, code.userId());
        String refresh = null;
        if (Scopes.allowsRefresh(code.scopes())) {
            refresh = state.tokens().issueRefreshToken(org, code.userId(), app.clientId(), code.scopes()).token();
        }
        Session s = state.tokens().issueSession(org, code.userId(), app.clientId(), code.scopes(), refresh);
        return TokenResponses.fields(state, s, refresh, app);
    }

    private Map<String, String> refreshToken(ConnectedApp app, Map<String, String> form) {
        RefreshGrant grant = state.tokens().refreshGrant(form.get("refresh_token"))
                .filter(g -> g.clientId().equals(app.clientId()))
                .orElseThrow(TokenEndpoint::expiredToken);
        Org org = state.org(grant.orgId()).orElseThrow(TokenEndpoint::expiredToken);
        requireActive(org, grant.userId());
        String issuedFrom = grant.token();
        String newRefresh = null;
        if (app.rotateRefreshTokens()) {
            // Rotation: the presented token is retired; racing a second use of it loses here.
            RefreshGrant next = state.tokens().rotate(grant.token()).orElseThrow(TokenEndpoint::expiredToken);
            issuedFrom = next.token();
            newRefresh = next.token();
        } else {
            grant.lastUsed(Instant.now(state.clock()));
        }
        Session s = state.tokens().issueSession(org, grant.userId(), app.clientId(), grant.scopes(), issuedFrom);
        return TokenResponses.fields(state, s, newRefresh, app);
    }

    /** Username-password flow: a session with the app's scopes and never a refresh token. */
    private Map<String, String> password(ConnectedApp app, Map<String, String> form) {
        String username = form.get("username");
        // Salesforce wants the security token appended to the password; the emulator has no
        // security tokens, so the plain password is what it accepts.
        if (!state.checkPassword(username, form.get("password"))) {
            throw OAuthException.of("invalid_grant", "authentication failure");
        }
        UserRef user = state.user(username).orElseThrow();
        requireActive(user.org(), user.userId());
        Session s = state.tokens().issueSession(user.org(), user.userId(), app.clientId(), app.scopes(), null);
        return TokenResponses.fields(state, s, null, app);
    }

    private void requireActive(Org org, String userId) {
        if (!state.isActive(org, userId)) {
            throw OAuthException.of("invalid_grant", "inactive user");
        }
    }

    private static OAuthException expiredToken() {
        return OAuthException.of("invalid_grant", "expired access/refresh token");
    }
}
