package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.auth.RefreshGrant;
import dev.crosswalk.emulator.auth.TokenStore.LiveSession;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.OAuthException;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.model.Org;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ending and inspecting tokens: {@code /services/oauth2/revoke} (POST form or GET {@code ?token=};
 * 200 with an empty body, 400 {@code invalid_token} for an unknown token; revoking a refresh token
 * also ends the sessions issued from it) and {@code POST /services/oauth2/introspect} (RFC 7662,
 * client credentials required; a token of another app, or a dead one, is {@code active:false}).
 */
final class RevocationEndpoints {
    private final EmulatorState state;

    RevocationEndpoints(EmulatorState state) {
        this.state = state;
    }

    Response revoke(Request request) {
        String token = request.form().get("token");
        if (!state.tokens().revoke(token)) {
            throw OAuthException.of("invalid_token", "invalid token");
        }
        return Response.empty(200);
    }

    Response introspect(Request request) {
        Map<String, String> form = request.form();
        ConnectedApp app = ClientCredentials.from(request, form).authenticate(state);
        String token = form.get("token");
        ObjectNode n = Json.object();
        Optional<LiveSession> live = state.tokens().peek(token).filter(l -> l.session().clientId().equals(app.clientId()));
        if (live.isPresent()) {
            var s = live.get().session();
            active(n, s.scopes(), app.clientId(), s.org(), s.userId(), "access_token");
            n.put("exp", live.get().expiresAt().getEpochSecond());
            n.put("iat", s.issuedAt().getEpochSecond());
            n.put("nbf", s.issuedAt().getEpochSecond());
            return Response.json(200, n);
        }
        Optional<RefreshGrant> grant = state.tokens().refreshGrant(token).filter(g -> g.clientId().equals(app.clientId()));
        Optional<Org> org = grant.flatMap(g -> state.org(g.orgId()));
        if (grant.isPresent() && org.isPresent()) {
            RefreshGrant g = grant.get();
            active(n, g.scopes(), app.clientId(), org.get(), g.userId(), "refresh_token");
            n.put("iat", g.createdAt().getEpochSecond());
            n.put("nbf", g.createdAt().getEpochSecond());
            return Response.json(200, n);
        }
        n.put("active", false);
        return Response.json(200, n);
    }

    private void active(ObjectNode n, java.util.Set<String> scopes, String clientId, Org org, String userId, String type) {
        n.put("active", state.isActive(org, userId));
        n.put("scope", Scopes.format(scopes));
        n.put("client_id", clientId);
        n.put("username", state.username(org, userId));
        n.put("sub", TokenResponses.identityUrl(state, org, userId));
        n.put("token_type", type);
    }
}
