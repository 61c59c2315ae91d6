package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.UserRef;
import dev.crosswalk.emulator.auth.AuthCode;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /services/oauth2/authorize}: the browser part of the web-server flow (and, for
 * completeness, the user-agent flow with {@code response_type=token}).
 *
 * <h2>Driving it over plain HTTP (tests, tools, conformance checks)</h2>
 * <ol>
 *   <li>{@code GET /services/oauth2/authorize?response_type=code&client_id=…&redirect_uri=…
 *       [&scope=…][&state=…][&code_challenge=…&code_challenge_method=S256][&prompt=login|consent]
 *       [&login_hint=…]}. Answers one of: a 302 to the callback (a browser session cookie
 *       {@code sid} was sent and the app is already approved); an error (see below); or
 *       <b>the login page</b>: HTTP 200 HTML with exactly one
 *       {@code <form id="login-form" method="post" action="/services/oauth2/authorize">}
 *       holding {@code <input type="hidden" name="request_id">}, {@code name="username"},
 *       {@code name="password"}.</li>
 *   <li>{@code POST /services/oauth2/authorize} (form-encoded) with {@code request_id},
 *       {@code username}, {@code password}. Wrong password: the login page again (HTTP 200)
 *       with {@code <p id="error">}. Success sets the {@code sid} cookie (HttpOnly,
 *       SameSite=Lax) and answers either a 302 to the callback (already approved, no
 *       {@code prompt=consent}) or <b>the approval page</b>: HTTP 200 HTML with one
 *       {@code <form id="approve-form" method="post" action="/services/oauth2/authorize">}
 *       holding a hidden {@code request_id} and two submit buttons {@code name="decision"}
 *       with values {@code allow} and {@code deny}.</li>
 *   <li>{@code POST /services/oauth2/authorize} with {@code request_id} and
 *       {@code decision=allow} → 302 to {@code redirect_uri?code=…&state=…};
 *       {@code decision=deny} (or no decision) → 302 with
 *       {@code error=access_denied&error_description=end-user%20denied%20authorization}.</li>
 * </ol>
 * The steps are tied together by the server-side {@code request_id} (valid 30 minutes, see
 * {@link OAuthSettings#loginRequestTtl()}), so a client without a cookie jar can complete the
 * flow; the cookie only lets a later authorize skip the login form.
 *
 * <p>Errors: an unknown {@code client_id} or a {@code redirect_uri} that is not one of the app's
 * callbacks cannot be redirected, so they answer HTTP 400 {@code text/plain}
 * {@code error=invalid_client_id&error_description=client%20identifier%20invalid} (or
 * {@code redirect_uri_mismatch} / {@code redirect_uri must match configuration}); a missing
 * {@code redirect_uri} is treated as a mismatch. All other errors redirect to the callback with
 * {@code error}, {@code error_description} and {@code state}: {@code unsupported_response_type},
 * {@code invalid_scope}, {@code invalid_request} (PKCE method other than S256 (an absent method
 * means S256, as on Salesforce), malformed
 * challenge, or a missing challenge when the app requires PKCE), {@code immediate_unsuccessful}
 * and {@code access_denied}.
 */
final class AuthorizeEndpoint {
    private final EmulatorState state;
    private final LoginRequests requests;
    private final BrowserSessions browsers;

    AuthorizeEndpoint(EmulatorState state, OAuthSettings settings, BrowserSessions browsers) {
        this.state = state;
        this.requests = new LoginRequests(state.clock(), state.tokens(), settings.loginRequestTtl());
        this.browsers = browsers;
    }

    Response get(Request request) {
        Map<String, String> params = new HashMap<>();
        request.queryParams().forEach((k, v) -> params.put(k, v.get(0)));
        return guarded(() -> start(params, request));
    }

    /** A form step ({@code request_id} present), or an authorize request sent by POST. */
    Response post(Request request) {
        Map<String, String> form = request.form();
        String requestId = form.get("request_id");
        if (requestId == null) {
            return guarded(() -> start(form, request));
        }
        Optional<LoginRequests.Pending> pending = requests.get(requestId);
        if (pending.isEmpty()) {
            return expiredForm();
        }
        LoginRequests.Pending p = pending.get();
        return p.user() == null ? login(p, form) : decide(p, form);
    }

    /**
     * Browser logout ({@code /secur/logout.jsp}, OIDC {@code end_session_endpoint}): ends the
     * login-host session, so the next authorize shows the login form again.
     */
    Response logout(Request request) {
        browsers.end(BrowserSessions.fromHeader(request.header("Cookie")));
        return LoginPages.loggedOut().header("Set-Cookie", BrowserSessions.clearCookie());
    }

    private Response start(Map<String, String> params, Request request) {
        AuthorizeRequest ar = AuthorizeRequest.parse(params, state);
        Optional<UserRef> loggedIn = ar.forceLogin() ? Optional.empty()
                : browsers.user(BrowserSessions.fromHeader(request.header("Cookie")));
        if (ar.immediate()) {
            // No page may be shown: only an existing login plus an existing approval can succeed.
            if (loggedIn.isEmpty() || ar.forceConsent() || !approved(loggedIn.get(), ar)) {
                throw AuthorizeFailure.redirect(ar, "immediate_unsuccessful", "immediate_unsuccessful");
            }
            return complete(ar, loggedIn.get());
        }
        if (loggedIn.isPresent()) {
            return afterLogin(ar, loggedIn.get());
        }
        return LoginPages.login(requests.awaitLogin(ar).id(), ar.loginHint(), null);
    }

    private Response login(LoginRequests.Pending p, Map<String, String> form) {
        String username = form.get("username");
        if (!state.checkPassword(username, form.get("password"))) {
            return LoginPages.login(p.id(), username, LoginPages.LOGIN_FAILED);
        }
        UserRef user = state.user(username).orElseThrow();
        if (!state.isActive(user.org(), user.userId())) {
            return LoginPages.login(p.id(), username, LoginPages.USER_INACTIVE);
        }
        if (!requests.claim(p.id())) {
            return expiredForm();
        }
        String sid = browsers.create(user);
        return guarded(() -> afterLogin(p.request(), user)).header("Set-Cookie", BrowserSessions.setCookie(sid));
    }

    private Response afterLogin(AuthorizeRequest ar, UserRef user) {
        if (!ar.forceConsent() && approved(user, ar)) {
            return complete(ar, user);
        }
        ConnectedApp app = state.app(ar.clientId()).orElseThrow();
        return LoginPages.approval(requests.awaitApproval(ar, user).id(), app.name(),
                state.username(user.org(), user.userId()), ar.scopes());
    }

    private Response decide(LoginRequests.Pending p, Map<String, String> form) {
        if (!requests.claim(p.id())) {
            return expiredForm();
        }
        AuthorizeRequest ar = p.request();
        if (!"allow".equalsIgnoreCase(form.get("decision"))) {
            return ar.errorRedirect("access_denied", "end-user denied authorization");
        }
        if (!state.isActive(p.user().org(), p.user().userId())) {
            return ar.errorRedirect("access_denied", "inactive user");
        }
        return complete(ar, p.user());
    }

    private static Response expiredForm() {
        return LoginPages.problem(400, "This login page has expired. Start again from the application.");
    }

    /** An approval exists while the user holds an unrevoked refresh token for the app. */
    private boolean approved(UserRef user, AuthorizeRequest ar) {
        return state.tokens().approvalCount(user.userId(), ar.clientId()) > 0;
    }

    private Response complete(AuthorizeRequest ar, UserRef user) {
        if ("token".equals(ar.responseType())) {
            // User-agent flow: the access token travels in the fragment; no refresh token here.
            ConnectedApp app = state.app(ar.clientId()).orElseThrow();
            Session s = state.tokens().issueSession(user.org(), user.userId(), ar.clientId(), ar.scopes(), null);
            return ar.redirectWith(TokenResponses.fields(state, s, null, app));
        }
        AuthCode code = state.tokens().issueCode(user.org(), user.userId(), ar.clientId(), ar.redirectUri(), ar.scopes(),
                ar.codeChallenge(), ar.codeChallengeMethod());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code.code());
        return ar.redirectWith(params);
    }

    private interface Step {
        Response run();
    }

    private static Response guarded(Step step) {
        try {
            return step.run();
        } catch (AuthorizeFailure f) {
            return f.response();
        }
    }
}
