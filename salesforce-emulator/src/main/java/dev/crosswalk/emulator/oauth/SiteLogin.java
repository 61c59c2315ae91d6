package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.UserRef;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import java.util.Optional;

/**
 * Signing in to the Salesforce UI outside an OAuth flow, as a browser does before opening a
 * Visualforce page or Setup:
 * <ul>
 *   <li>{@code GET /?startURL=/apex/Page} — the login page ({@code form#login-form} posting
 *       {@code username}, {@code password} and the hidden {@code startURL} to {@code /}); with a
 *       live {@code sid} cookie it goes straight to {@code startURL}.</li>
 *   <li>{@code POST /} — signs in: sets the {@code sid} cookie and redirects to {@code startURL}.</li>
 *   <li>{@code GET /secur/frontdoor.jsp?sid=<access token>&retURL=/apex/Page} — Salesforce's
 *       frontdoor: turns an API access token into a browser session (handy for tests).</li>
 * </ul>
 * {@code startURL}/{@code retURL} must be a path on this host (as on Salesforce: no open redirect);
 * anything else goes to {@code /home/home.jsp}.
 */
final class SiteLogin {
    static final String HOME = "/home/home.jsp";
    private final EmulatorState state;
    private final BrowserSessions browsers;

    SiteLogin(EmulatorState state, BrowserSessions browsers) {
        this.state = state;
        this.browsers = browsers;
    }

    Response page(Request request) {
        String start = request.query("startURL");
        if (browsers.user(request).isPresent()) {
            return Response.redirect(local(start));
        }
        return LoginPages.siteLogin(start, null, null);
    }

    Response login(Request request) {
        var form = request.form();
        String username = form.get("username");
        String start = form.get("startURL");
        if (!state.checkPassword(username, form.get("password"))) {
            return LoginPages.siteLogin(start, username, LoginPages.LOGIN_FAILED);
        }
        UserRef user = state.user(username).orElseThrow();
        if (!state.isActive(user.org(), user.userId())) {
            return LoginPages.siteLogin(start, username, LoginPages.USER_INACTIVE);
        }
        return Response.redirect(local(start)).header("Set-Cookie", BrowserSessions.setCookie(browsers.create(user)));
    }

    Response frontdoor(Request request) {
        Optional<Session> session = state.tokens().authenticate(request.query("sid"));
        if (session.isEmpty()) {
            return LoginPages.siteLogin(request.query("retURL"), null, null);
        }
        String sid = browsers.create(new UserRef(session.get().org(), session.get().userId()));
        return Response.redirect(local(request.query("retURL"))).header("Set-Cookie", BrowserSessions.setCookie(sid));
    }

    Response home(Request request) {
        Optional<UserRef> user = browsers.user(request);
        if (user.isEmpty()) {
            return Response.redirect("/?startURL=" + HOME);
        }
        return LoginPages.page("Home | Salesforce Emulator", "<h1>Home</h1>\n<p id=\"user\">Logged in as "
                + LoginPages.escape(state.username(user.get().org(), user.get().userId())) + " ("
                + LoginPages.escape(user.get().org().name()) + ")</p>\n", 200);
    }

    /** Only paths on this host: {@code /x} but not {@code //evil.example} or an absolute URL. */
    static String local(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
            return HOME;
        }
        return target;
    }
}
