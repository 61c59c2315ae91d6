package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.UserRef;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins in the browser ({@code sid} cookie on the login host): a second authorize in the
 * same browser skips the login form, as on Salesforce. Unrelated to API access tokens; idles
 * out after the org session timeout.
 */
public final class BrowserSessions {
    static final String COOKIE = "sid";

    private record Entry(UserRef user, Instant lastUsed) {
    }

    private final EmulatorState state;
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    public BrowserSessions(EmulatorState state) {
        this.state = state;
    }

    public String create(UserRef user) {
        String sid = state.tokens().randomToken(48);
        sessions.put(sid, new Entry(user, state.clock().instant()));
        return sid;
    }

    /** The logged-in user of a request's {@code sid} cookie. */
    public Optional<UserRef> user(dev.crosswalk.emulator.http.Request request) {
        return user(fromHeader(request.header("Cookie")));
    }

    /** The logged-in, still active user of a session cookie value. */
    public Optional<UserRef> user(String sid) {
        Entry e = sid == null ? null : sessions.get(sid);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = state.clock().instant();
        if (now.isAfter(e.lastUsed().plus(state.tokens().sessionTimeout()))
                || !state.isActive(e.user().org(), e.user().userId())) {
            sessions.remove(sid);
            return Optional.empty();
        }
        sessions.put(sid, new Entry(e.user(), now));
        return Optional.of(e.user());
    }

    void end(String sid) {
        if (sid != null) {
            sessions.remove(sid);
        }
    }

    public static String setCookie(String sid) {
        return COOKIE + "=" + sid + "; Path=/; HttpOnly; SameSite=Lax";
    }

    static String clearCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
    }

    /** The {@code sid} value from a {@code Cookie} header, or null. */
    public static String fromHeader(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }
}
