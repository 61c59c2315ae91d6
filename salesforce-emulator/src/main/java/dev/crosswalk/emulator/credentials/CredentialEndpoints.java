package dev.crosswalk.emulator.credentials;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.UserRef;
import dev.crosswalk.emulator.admin.AdminEndpoints;
import dev.crosswalk.emulator.admin.AdminException;
import dev.crosswalk.emulator.admin.EmulatorAdmin;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.Handler;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.metadata.AuthProviderSecrets;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.oauth.BrowserSessions;
import dev.crosswalk.emulator.security.PermissionAdmin;
import dev.crosswalk.emulator.visualforce.EmulatedControllers;
import dev.crosswalk.emulator.visualforce.VisualforcePages;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes for what the Crosswalk package holds at run time: Visualforce pages, the External
 * Credential "Authenticate" flow, {@code callout:} through {@code /_emulator/callout/…}, the admin's
 * post-install step {@code /_emulator/named-credentials} and the Outbound faults. See the emulator
 * README, section "Named Credentials, callouts and Visualforce".
 */
public final class CredentialEndpoints {
    private static final String CALLOUT = "/_emulator/callout/";

    private final EmulatorState state;
    private final BrowserSessions browsers;
    private final EmulatorAdmin admin;
    private final Callouts callouts;

    private CredentialEndpoints(EmulatorState state, BrowserSessions browsers) {
        this.state = state;
        this.browsers = browsers;
        this.admin = new EmulatorAdmin(state);
        this.callouts = new Callouts(state, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public static void register(Router router, EmulatorState state, BrowserSessions browsers) {
        CredentialEndpoints e = new CredentialEndpoints(state, browsers);
        AuthenticateFlow flow = new AuthenticateFlow(state, browsers, e.callouts.tokenClient());
        VisualforcePages pages = new VisualforcePages(state, browsers, new EmulatedControllers(e.callouts));
        router.get("/apex/{page}", pages::page)
                .get("/services/auth/xds/{externalCredential}", flow::start)
                .get("/services/authcallback/{authProvider}", flow::callback);
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            router.add(method, CALLOUT + "{namedCredential}/{path*}", e::callout);
            router.add(method, CALLOUT + "{namedCredential}", e::callout);
        }
        router.post("/_emulator/named-credentials", AdminEndpoints.wrap(e::configure))
                .get("/_emulator/named-credentials", AdminEndpoints.wrap(e::status))
                .post("/_emulator/faults/revoke-outbound-tokens", AdminEndpoints.wrap(e::revokeOutboundTokens))
                .post("/_emulator/faults/remove-page-access", AdminEndpoints.wrap(e::removePageAccess));
    }

    // ---- callouts ----------------------------------------------------------------------

    private Response callout(Request r) {
        Optional<UserRef> caller = caller(r);
        if (caller.isEmpty()) {
            return salesforceError(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }
        String path = r.pathVar("path") == null ? "" : "/" + r.pathVar("path");
        String query = r.rawQuery() == null ? "" : "?" + r.rawQuery();
        Callouts.Result result = callouts.send(caller.get().org(), caller.get().userId(), r.pathVar("namedCredential"),
                new Callouts.Call(r.method(), path + query, r.header("Content-Type"), r.header("Accept"), r.body(),
                        Callouts.forwardable(r.headers())));
        if (result instanceof Callouts.Upstream u) {
            return Response.bytes(u.status(), u.contentType(), u.body());
        }
        return salesforceError(500, "CALLOUT_EXCEPTION", ((Callouts.Failure) result).message());
    }

    /** The Salesforce user making the callout: an API access token, or the browser's UI session. */
    private Optional<UserRef> caller(Request r) {
        String auth = r.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Session> s = state.tokens().authenticate(auth.substring(7).trim());
            return s.filter(x -> state.isActive(x.org(), x.userId())).map(x -> new UserRef(x.org(), x.userId()));
        }
        return browsers.user(r);
    }

    private static Response salesforceError(int status, String code, String message) {
        ObjectNode e = Json.object();
        e.put("message", message);
        e.put("errorCode", code);
        return Response.json(status, Json.array().add(e));
    }

    // ---- admin: the post-install step and status ---------------------------------------------

    private Response configure(Request r) {
        JsonNode body = json(r);
        Org org = admin.org(body.path("org").asString(null));
        String name = body.path("name").asString("Crosswalk");
        String url = requireUrl(body, "url");
        JsonNode ap = body.path("authProvider");
        org.writeRun(() -> {
            Record nc = PackageInstaller.find(org, "NamedCredential", "DeveloperName", name).orElseThrow(() -> AdminException.notFound(
                    "named_credential_not_found", "No Named Credential " + name + " in " + org.name() + ": deploy the package first"));
            SObjectType nct = org.type("NamedCredential").orElseThrow();
            nc.set(nct.require("Endpoint"), url);
            RecordLifecycle.touch(org, nct, nc, null);
            if (ap.isObject()) {
                String apName = ap.path("name").asString(name);
                Record provider = PackageInstaller.find(org, "AuthProvider", "DeveloperName", apName).orElseThrow(() -> AdminException
                        .notFound("auth_provider_not_found", "No Auth. Provider " + apName + " in " + org.name()));
                SObjectType t = org.type("AuthProvider").orElseThrow();
                if (ap.has("authorizeUrl")) {
                    provider.set(t.require("AuthorizeUrl"), requireUrl(ap, "authorizeUrl"));
                }
                if (ap.has("tokenUrl")) {
                    provider.set(t.require("TokenUrl"), requireUrl(ap, "tokenUrl"));
                }
                if (ap.has("clientId")) {
                    provider.set(t.require("ConsumerKey"), ap.get("clientId").asString());
                }
                if (ap.has("scopes")) {
                    JsonNode s = ap.get("scopes");
                    String scopes = s.isArray() ? String.join(" ", s.valueStream().map(JsonNode::asString).toList()) : s.asString();
                    provider.set(t.require("DefaultScopes"), scopes);
                }
                if (ap.has("credentialsInHeader")) {
                    provider.set(t.require("SendClientCredentialsInHeader"), ap.get("credentialsInHeader").asBoolean());
                }
                if (ap.hasNonNull("clientSecret")) {
                    AuthProviderSecrets.of(org).put(apName, ap.get("clientSecret").asString());
                }
                RecordLifecycle.touch(org, t, provider, null);
            }
            org.setupChanged();
        });
        return Response.json(200, statusJson(org, name));
    }

    private Response status(Request r) {
        Org org = admin.org(r.query("org"));
        String name = r.query("name") == null ? "Crosswalk" : r.query("name");
        return Response.json(200, statusJson(org, name));
    }

    /** What Setup shows for the Named Credential: URL, principal status, the Auth. Provider (never its secret). */
    private ObjectNode statusJson(Org org, String name) {
        NamedCredentialConfig nc = NamedCredentialConfig.of(org, name).orElseThrow(() -> AdminException.notFound(
                "named_credential_not_found", "No Named Credential " + name + " in " + org.name() + ": deploy the package first"));
        ObjectNode n = Json.object();
        n.put("org", org.id());
        n.put("name", nc.name());
        n.put("url", nc.url());
        n.put("externalCredential", nc.externalCredential());
        n.put("principal", nc.principal());
        Optional<OutboundTokens.Tokens> tokens = OutboundTokens.of(org).get(nc.principalKey());
        n.put("principalStatus", tokens.isPresent() ? "Configured" : "NotConfigured");
        tokens.ifPresent(t -> {
            n.put("authenticatedBy", state.username(org, t.authenticatedBy()));
            n.put("authenticatedAt", t.obtainedAt().toString());
        });
        if (nc.authProvider() != null) {
            ObjectNode ap = n.putObject("authProvider");
            ap.put("name", nc.authProvider().name());
            ap.put("authorizeUrl", nc.authProvider().authorizeUrl());
            ap.put("tokenUrl", nc.authProvider().tokenUrl());
            ap.put("clientId", nc.authProvider().clientId());
            ap.put("clientSecretSet", nc.authProvider().clientSecret() != null);
            ap.put("scopes", nc.authProvider().scopes());
            ap.put("callbackUrl", state.baseUrl() + "/services/authcallback/" + nc.authProvider().name());
        }
        n.put("authenticateUrl", state.baseUrl() + "/services/auth/xds/" + nc.externalCredential());
        return n;
    }

    // ---- faults ------------------------------------------------------------------------------

    private Response revokeOutboundTokens(Request r) {
        Org org = admin.org(json(r).path("org").asString(null));
        int revoked = OutboundTokens.of(org).clear();
        ObjectNode n = Json.object();
        n.put("revoked", revoked);
        return Response.json(200, n);
    }

    private Response removePageAccess(Request r) {
        JsonNode body = json(r);
        Org org = admin.org(body.path("org").asString(null));
        String page = body.path("page").asString("");
        String permissionSet = body.path("permissionSet").asString("");
        String pageId = org.read(() -> PackageInstaller.find(org, "ApexPage", "Name", page)).map(Record::id)
                .orElseThrow(() -> AdminException.notFound("page_not_found", "No Visualforce page " + page + " in " + org.name()));
        String setId = PermissionAdmin.permissionSetId(org, permissionSet).orElseThrow(() -> AdminException.notFound(
                "permission_set_not_found", "No permission set " + permissionSet + " in " + org.name()));
        PermissionAdmin.revokeSetupEntityAccess(org, setId, pageId);
        return Response.empty(204);
    }

    private static JsonNode json(Request r) {
        byte[] bytes = r.body();
        JsonNode n;
        try {
            n = bytes.length == 0 ? Json.object() : Json.parse(bytes);
        } catch (RuntimeException e) {
            throw AdminException.badRequest("invalid_json", "The body is not valid JSON");
        }
        if (n == null || !n.isObject()) {
            throw AdminException.badRequest("invalid_json", "The body must be a JSON object");
        }
        return n;
    }

    private static String requireUrl(JsonNode body, String field) {
        String v = body.path(field).asString("");
        try {
            URI u = URI.create(v);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return v;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw AdminException.badRequest("invalid_url", "'" + field + "' must be an absolute http(s) URL");
    }
}
