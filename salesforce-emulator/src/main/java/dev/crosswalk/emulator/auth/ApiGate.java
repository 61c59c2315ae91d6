package dev.crosswalk.emulator.auth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Handler;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.model.Org;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every data API call passes, in Salesforce's order: API version, bearer session,
 * active user, API access for org and user, then the daily request allocation. Adds
 * {@code Sforce-Limit-Info} to every response it lets through, errors included.
 */
public final class ApiGate {
    private static final Pattern VERSION = Pattern.compile("v(\\d{2})\\.0");

    private final EmulatorState state;

    public ApiGate(EmulatorState state) {
        this.state = state;
    }

    /** Wraps a handler of a {@code /services/data/{version}/...} route. */
    public Handler protect(Handler handler) {
        return protect(handler, true);
    }

    /**
     * @param billable whether the call counts toward the daily allocation (the versions list does not)
     */
    public Handler protect(Handler handler, boolean billable) {
        return request -> {
            String version = request.pathVar("version");
            if (version != null) {
                request.apiVersion(checkVersion(version));
            }
            Session session = admit(request, bearer(request));
            Org org = session.org();
            if (billable && !org.apiUsage().tryConsume()) {
                return ApiException.of(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.").toResponse()
                        .header("Sforce-Limit-Info", org.apiUsage().header());
            }
            Response response;
            try {
                response = handler.handle(request);
            } catch (ApiException e) {
                response = e.toResponse();
            }
            return response.header("Sforce-Limit-Info", org.apiUsage().header());
        };
    }

    /**
     * The session checks every data API shares, for a token however the API carries it (Bulk API 1.0
     * sends {@code X-SFDC-Session}): a live session of an active user, an API scope, API access for org
     * and user. Throws the REST error ({@code INVALID_SESSION_ID} 401, {@code API_DISABLED_FOR_ORG} 403).
     */
    public Session admit(Request request, String token) {
        Session session = authenticate(request, token);
        if (!session.scopes().contains("api") && !session.scopes().contains("full")) {
            // A token granted only e.g. "id" or "refresh_token" cannot call the data API.
            throw ApiException.of(401, "INVALID_SESSION_ID", "This session is not valid for use with the REST API");
        }
        Org org = session.org();
        if (!org.apiEnabled()) {
            throw ApiException.of(403, "API_DISABLED_FOR_ORG", "The REST API is not enabled for this Organization.");
        }
        if (!state.permissions().apiEnabled(org, session.userId())) {
            throw ApiException.of(403, "API_DISABLED_FOR_ORG", "The REST API is not enabled for this Organization.");
        }
        return session;
    }

    /** The live session of the request's bearer token (or {@code OAuth} legacy scheme); 401 otherwise. */
    public Session authenticate(Request request) {
        return authenticate(request, bearer(request));
    }

    private Session authenticate(Request request, String token) {
        Session session = state.tokens().authenticate(token).orElseThrow(ApiException::invalidSession);
        if (!state.isActive(session.org(), session.userId())) {
            state.tokens().expireSessionsOfUser(session.userId());
            throw ApiException.invalidSession();
        }
        request.session(session);
        return session;
    }

    /** The token from {@code Authorization: Bearer …} / {@code OAuth …}, or the {@code oauth_token} parameter. */
    public static String bearer(Request request) {
        String header = request.header("Authorization");
        if (header != null) {
            String h = header.trim();
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("bearer ")) {
                return h.substring(7).trim();
            }
            if (lower.startsWith("oauth ")) {
                return h.substring(6).trim();
            }
        }
        return request.query("oauth_token");
    }

    private String checkVersion(String segment) {
        Matcher m = VERSION.matcher(segment);
        if (!m.matches()) {
            throw ApiException.notFound();
        }
        int v = Integer.parseInt(m.group(1));
        if (v < state.options().minApiVersion() || v > state.options().maxApiVersion()) {
            throw ApiException.notFound();
        }
        return v + ".0";
    }
}
