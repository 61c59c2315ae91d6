package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.http.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code /services/oauth2/authorize} request. Kept server-side while the user logs
 * in and approves, so the hidden form fields cannot alter it.
 *
 * @param responseType {@code code} (web-server flow) or {@code token} (user-agent flow)
 * @param scopes       granted scopes: the requested ones, or all the app's when none were requested
 * @param prompts      the {@code prompt} values ({@code login}, {@code consent}, {@code select_account})
 */
record AuthorizeRequest(String responseType, String clientId, String redirectUri, Set<String> scopes, String state,
        Set<String> prompts, String loginHint, boolean immediate, String codeChallenge, String codeChallengeMethod) {

    /**
     * Validates in Salesforce's order: the client and its callback first (failures cannot be
     * redirected), then everything else (failures go back to the callback).
     */
    static AuthorizeRequest parse(Map<String, String> p, EmulatorState emulator) {
        ConnectedApp app = emulator.app(blankToNull(p.get("client_id")))
                .orElseThrow(() -> AuthorizeFailure.page("invalid_client_id", "client identifier invalid"));
        String redirectUri = blankToNull(p.get("redirect_uri"));
        if (!app.callbackAllowed(redirectUri)) {
            throw AuthorizeFailure.page("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        String responseType = blankToNull(p.get("response_type"));
        Set<String> requested = Scopes.parse(p.get("scope"));
        AuthorizeRequest r = new AuthorizeRequest(responseType, app.clientId(), redirectUri,
                requested.isEmpty() ? app.scopes() : requested, p.get("state"), Scopes.parse(p.get("prompt")),
                blankToNull(p.get("login_hint")), "true".equalsIgnoreCase(p.get("immediate")),
                blankToNull(p.get("code_challenge")), blankToNull(p.get("code_challenge_method")));
        if (!"code".equals(responseType) && !"token".equals(responseType)) {
            throw AuthorizeFailure.redirect(r, "unsupported_response_type", "response type not supported");
        }
        if (!app.scopes().containsAll(r.scopes())) {
            throw AuthorizeFailure.redirect(r, "invalid_scope", "the requested scope is not allowed");
        }
        if (r.codeChallenge() != null) {
            // RFC 7636 reads a missing method as "plain", but Salesforce takes it as S256 and
            // jsforce relies on that (it never sends the method). Only S256 is emulated.
            if (r.codeChallengeMethod() == null) {
                r = r.withCodeChallengeMethod(Pkce.S256);
            }
            if (!Pkce.S256.equals(r.codeChallengeMethod())) {
                throw AuthorizeFailure.redirect(r, "invalid_request", "invalid code_challenge_method");
            }
            if (!Pkce.wellFormedChallenge(r.codeChallenge())) {
                throw AuthorizeFailure.redirect(r, "invalid_request", "invalid code_challenge");
            }
        } else if (app.requirePkce() && "code".equals(responseType)) {
            throw AuthorizeFailure.redirect(r, "invalid_request", "missing required code challenge");
        }
        return r;
    }

    AuthorizeRequest withCodeChallengeMethod(String method) {
        return new AuthorizeRequest(responseType, clientId, redirectUri, scopes, state, prompts, loginHint, immediate,
                codeChallenge, method);
    }

    boolean forceLogin() {
        return prompts.contains("login");
    }

    boolean forceConsent() {
        return prompts.contains("consent");
    }

    /** Where the result goes: the query for the web-server flow, the fragment for the user-agent flow. */
    private char separator() {
        if ("token".equals(responseType)) {
            return '#';
        }
        return redirectUri.contains("?") ? '&' : '?';
    }

    /** The 302 to the callback with the given parameters plus {@code state} (all URL-encoded). */
    Response redirectWith(Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (state != null) {
            all.put("state", state);
        }
        return Response.redirect(redirectUri + separator() + TokenResponses.urlEncoded(all))
                .header("Cache-Control", "no-store");
    }

    Response errorRedirect(String error, String description) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("error", error);
        p.put("error_description", description);
        return redirectWith(p);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
