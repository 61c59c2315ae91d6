package dev.crosswalk.emulator.credentials;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.UserRef;
import dev.crosswalk.emulator.credentials.NamedCredentialConfig.AuthProvider;
import dev.crosswalk.emulator.credentials.OutboundTokens.Tokens;
import dev.crosswalk.emulator.credentials.TokenClient.Grant;
import dev.crosswalk.emulator.credentials.TokenClient.TokenException;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.oauth.BrowserSessions;
import dev.crosswalk.emulator.oauth.LoginPages;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin's "Authenticate" step for an External Credential's named principal: the OAuth 2.0
 * web-server flow with the external authorization server named by the Auth. Provider.
 * <ol>
 *   <li>{@code GET /services/auth/xds/<ExternalCredential>?startURL=<absolute URL>} in a browser
 *       signed in to the org (else the login page first) as a user who may customize the
 *       application → 302 to the provider's {@code authorizeUrl} with {@code response_type=code},
 *       {@code client_id}, {@code redirect_uri=<emulator>/services/authcallback/<AuthProvider>},
 *       {@code state}, {@code scope}, PKCE S256.</li>
 *   <li>{@code GET /services/authcallback/<AuthProvider>?code&state} → redeems the code at
 *       {@code tokenUrl}, stores the tokens for the org's principal, and redirects to
 *       {@code startURL} with {@code outbound=ok} (or {@code outbound=error&error_description=…}).</li>
 * </ol>
 * {@code startURL} must be on the Named Credential's host or on the emulator (no open redirect).
 */
final class AuthenticateFlow {
    private static final Duration TTL = Duration.ofMinutes(10);

    private record Pending(UserRef user, NamedCredentialConfig nc, String verifier, String startUrl, Instant created) {
    }

    private final EmulatorState state;
    private final BrowserSessions browsers;
    private final TokenClient tokens;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    AuthenticateFlow(EmulatorState state, BrowserSessions browsers, TokenClient tokens) {
        this.state = state;
        this.browsers = browsers;
        this.tokens = tokens;
    }

    Response start(Request request) {
        Optional<UserRef> user = browsers.user(request);
        String here = request.path() + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
        if (user.isEmpty()) {
            return Response.redirect("/?startURL=" + enc(here));
        }
        String ec = request.pathVar("externalCredential");
        Optional<NamedCredentialConfig> found = NamedCredentialConfig.forExternalCredential(user.get().org(), ec);
        if (found.isEmpty() || found.get().authProvider() == null) {
            return page(404, "Not found", "No External Credential " + ec + " with an Auth. Provider and a Named Credential in "
                    + user.get().org().name() + ".");
        }
        if (!state.permissions().access(user.get().org(), user.get().userId()).has("PermissionsCustomizeApplication")) {
            return dev.crosswalk.emulator.visualforce.VisualforcePages.insufficientPrivileges();
        }
        NamedCredentialConfig nc = found.get();
        String startUrl = request.query("startURL");
        if (startUrl != null && !allowedReturn(startUrl, nc)) {
            return page(400, "Invalid startURL", "startURL must be an absolute URL on " + host(nc.url())
                    + " or on this Salesforce host.");
        }
        AuthProvider provider = nc.authProvider();
        if (provider.authorizeUrl() == null || provider.clientId() == null) {
            return page(400, "Auth. Provider not configured", "Set the Auth. Provider's authorize URL and consumer key first.");
        }
        String stateValue = state.tokens().randomToken(40);
        String verifier = state.tokens().randomToken(64);
        pending.put(stateValue, new Pending(user.get(), nc, verifier, startUrl, state.clock().instant()));
        StringBuilder url = new StringBuilder(provider.authorizeUrl())
                .append(provider.authorizeUrl().contains("?") ? "&" : "?")
                .append("response_type=code&client_id=").append(enc(provider.clientId()))
                .append("&redirect_uri=").append(enc(callbackUrl(provider.name())))
                .append("&state=").append(enc(stateValue))
                .append("&code_challenge=").append(challenge(verifier)).append("&code_challenge_method=S256");
        if (provider.scopes() != null && !provider.scopes().isBlank()) {
            url.append("&scope=").append(enc(provider.scopes().trim()));
        }
        return Response.redirect(url.toString());
    }

    Response callback(Request request) {
        Pending p = request.query("state") == null ? null : pending.remove(request.query("state"));
        if (p == null || state.clock().instant().isAfter(p.created().plus(TTL))
                || !p.nc().authProvider().name().equalsIgnoreCase(request.pathVar("authProvider"))) {
            return page(400, "Authentication failed", "This authentication request is unknown or has expired. Start again from Setup.");
        }
        String error = request.query("error");
        if (error != null) {
            String description = request.query("error_description");
            return finish(p, error + (description == null ? "" : ": " + description));
        }
        String code = request.query("code");
        if (code == null || code.isBlank()) {
            return finish(p, "invalid_request: no authorization code");
        }
        try {
            Grant g = tokens.redeemCode(p.nc().authProvider(), code, callbackUrl(p.nc().authProvider().name()), p.verifier());
            OutboundTokens.of(p.user().org()).put(p.nc().principalKey(),
                    new Tokens(g.accessToken(), g.refreshToken(), state.clock().instant(), p.user().userId()));
            return finish(p, null);
        } catch (TokenException e) {
            return finish(p, e.getMessage());
        }
    }

    private Response finish(Pending p, String error) {
        if (p.startUrl() == null) {
            return error == null
                    ? page(200, "Authenticated", "The principal " + p.nc().externalCredential() + "-" + p.nc().principal()
                            + " is authenticated (Configured).")
                    : page(400, "Authentication failed", error);
        }
        String sep = p.startUrl().contains("?") ? "&" : "?";
        return Response.redirect(p.startUrl() + sep + (error == null ? "outbound=ok"
                : "outbound=error&error_description=" + enc(error)));
    }

    private String callbackUrl(String authProvider) {
        return state.baseUrl() + "/services/authcallback/" + authProvider;
    }

    private boolean allowedReturn(String startUrl, NamedCredentialConfig nc) {
        try {
            URI u = URI.create(startUrl);
            if (u.getScheme() == null || u.getHost() == null) {
                return false;
            }
            String origin = origin(u);
            return origin.equals(origin(URI.create(nc.url()))) || origin.equals(origin(URI.create(state.baseUrl())));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String origin(URI u) {
        int port = u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response page(int status, String title, String message) {
        return LoginPages.page(title + " | Salesforce Emulator", "<h1>" + LoginPages.escape(title) + "</h1>\n<p id=\"message\">"
                + LoginPages.escape(message) + "</p>\n", status);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
