package dev.crosswalk.emulator.admin;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ConnectedApp;
import dev.crosswalk.emulator.http.Handler;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.ApiUsage;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordStore;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.seed.OverlapPlan;
import dev.crosswalk.emulator.seed.SeedReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /_emulator/} JSON admin API: thin HTTP bindings over {@link EmulatorAdmin}, one
 * route per operation, every body a JSON object. Errors are {@code {"error", "message"}} with
 * 400 or 404, never Salesforce's error shape, so a test can tell an admin mistake from an
 * emulated Salesforce failure. Not subject to injected faults, latency or API limits.
 */
public final class AdminEndpoints {
    private static final Logger LOG = Logger.getLogger(AdminEndpoints.class.getName());
    private static final String P = "/_emulator/";

    private final EmulatorAdmin admin;
    private final EmulatorState state;

    private AdminEndpoints(EmulatorState state) {
        this.state = state;
        this.admin = new EmulatorAdmin(state);
    }

    public static void register(Router router, EmulatorState state) {
        AdminEndpoints e = new AdminEndpoints(state);
        router.get(P + "orgs", wrap(e::listOrgs));
        router.post(P + "orgs", wrap(e::createOrg));
        router.post(P + "orgs/api-access", wrap(e::orgApiAccess));
        router.get(P + "limits", wrap(e::getLimits));
        router.post(P + "limits", wrap(e::setLimits));

        router.post(P + "users", wrap(e::createUser));
        router.post(P + "users/deactivate", wrap(r -> e.userActive(r, false)));
        router.post(P + "users/reactivate", wrap(r -> e.userActive(r, true)));
        router.post(P + "users/password", wrap(e::password));
        router.post(P + "users/api-access", wrap(e::userApiAccess));

        router.post(P + "faults/expire-sessions", wrap(e::expireSessions));
        router.post(P + "faults/revoke-refresh-tokens", wrap(e::revokeRefreshTokens));
        router.post(P + "faults/fail-next", wrap(e::failNext));
        router.post(P + "faults/latency", wrap(e::latency));
        router.post(P + "faults/clear", wrap(r -> {
            e.admin.clearFaults();
            return Response.empty(204);
        }));
        router.post(P + "settings/session-timeout", wrap(e::sessionTimeout));

        router.post(P + "permission-sets", wrap(e::createPermissionSet));
        router.post(P + "permission-sets/assign", wrap(r -> e.assignment(r, true)));
        router.post(P + "permission-sets/unassign", wrap(r -> e.assignment(r, false)));
        router.post(P + "object-permissions/grant", wrap(r -> e.objectPermissions(r, true)));
        router.post(P + "object-permissions/revoke", wrap(r -> e.objectPermissions(r, false)));
        router.post(P + "field-permissions", wrap(e::fieldPermission));
        router.post(P + "system-permissions", wrap(e::systemPermission));

        router.post(P + "connected-apps", wrap(e::createConnectedApp));
        router.post(P + "connected-apps/refresh-token-rotation", wrap(e::rotation));
        router.post(P + "connected-apps/pkce", wrap(e::pkce));

        router.post(P + "seed", wrap(e::seed));
        router.get(P + "seed/demo-report", wrap(e::demoReport));
    }

    /**
     * Answers any other {@code /_emulator/} path with an admin 404 instead of Salesforce's
     * NOT_FOUND. Register after every other endpoint family: the router's first match wins, so
     * registered earlier this would shadow admin routes of other packages.
     */
    public static void registerFallback(Router router) {
        Handler unknown = wrap(r -> {
            throw AdminException.notFound("not_found", "No admin endpoint " + r.method() + " " + r.path()
                    + " (see salesforce-emulator/README.md, section Admin API)");
        });
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            router.add(method, P + "{rest*}", unknown);
        }
    }

    /** A handler answering in the admin API's error shape (for admin routes of other packages). */
    public static Handler wrap(Handler h) {
        return request -> {
            try {
                return h.handle(request);
            } catch (AdminException e) {
                return error(e.status(), e.error(), e.getMessage());
            } catch (IllegalArgumentException e) {
                return error(400, "invalid_request", e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "admin request failed: " + request.method() + " " + request.path(), e);
                return error(500, "internal_error", String.valueOf(e.getMessage()));
            }
        };
    }

    private static Response error(int status, String error, String message) {
        ObjectNode n = Json.object();
        n.put("error", error);
        n.put("message", message);
        return Response.json(status, n);
    }

    // ---- orgs and limits ----------------------------------------------------------------

    private Response listOrgs(Request r) {
        ArrayNode orgs = Json.array();
        for (Org org : state.orgs()) {
            ObjectNode o = orgs.addObject();
            o.put("id", org.id());
            o.put("name", org.name());
            o.put("apiEnabled", org.apiEnabled());
            ArrayNode users = o.putArray("users");
            org.read(() -> {
                RecordStore store = org.store("User");
                SObjectType t = store.type();
                RecordStore profiles = org.store("Profile");
                for (Record u : store.all()) {
                    ObjectNode un = users.addObject();
                    un.put("id", u.id());
                    un.put("username", (String) u.get(t.require("Username")));
                    un.put("active", Boolean.TRUE.equals(u.get(t.require("IsActive"))));
                    Record p = profiles.get((String) u.get(t.require("ProfileId")));
                    un.put("profile", p == null ? null : (String) p.get(profiles.type().require("Name")));
                }
                return null;
            });
            o.put("accounts", org.read(() -> org.store("Account").size()));
            o.put("leads", org.read(() -> org.store("Lead").size()));
        }
        ObjectNode body = Json.object();
        body.set("orgs", orgs);
        return Response.json(200, body);
    }

    private Response createOrg(Request r) {
        Org org = admin.createOrg(Body.of(r).text("name"));
        ObjectNode n = Json.object();
        n.put("id", org.id());
        n.put("name", org.name());
        return Response.json(201, n);
    }

    private Response orgApiAccess(Request r) {
        Body b = Body.of(r);
        admin.setOrgApiEnabled(b.text("org"), b.requiredBool("enabled"));
        return Response.empty(204);
    }

    private Response getLimits(Request r) {
        String org = r.query("org");
        if (org == null) {
            throw AdminException.badRequest("missing_field", "'org' query parameter is required");
        }
        return limits(admin.org(org), admin.org(org).apiUsage());
    }

    private Response setLimits(Request r) {
        Body b = Body.of(r);
        Org org = admin.org(b.text("org"));
        Long max = b.optLong("dailyApiRequests");
        Long used = b.optLong("used");
        if (max == null && used == null) {
            throw AdminException.badRequest("missing_field", "Give dailyApiRequests and/or used");
        }
        return limits(org, admin.setApiLimit(org.id(), max, used));
    }

    private static Response limits(Org org, ApiUsage usage) {
        ObjectNode n = Json.object();
        n.put("org", org.name());
        n.put("dailyApiRequests", usage.max());
        n.put("used", usage.used());
        n.put("remaining", Math.max(0, usage.max() - usage.used()));
        return Response.json(200, n);
    }

    // ---- users, sessions, tokens ------------------------------------------------------------

    private Response createUser(Request r) {
        Body b = Body.of(r);
        String username = b.text("username");
        String id = admin.createUser(new EmulatorAdmin.NewUser(b.text("org"), username, b.text("password"),
                b.optText("profile"), b.texts("permissionSets"), b.optText("firstName"), b.optText("lastName"),
                b.optText("email")));
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("username", username);
        n.put("orgId", admin.user(username).org().id());
        return Response.json(201, n);
    }

    private Response userActive(Request r, boolean active) {
        admin.setUserActive(Body.of(r).text("username"), active);
        return Response.empty(204);
    }

    private Response password(Request r) {
        Body b = Body.of(r);
        admin.resetPassword(b.text("username"), b.text("password"), b.bool("revokeTokens", false));
        return Response.empty(204);
    }

    private Response userApiAccess(Request r) {
        Body b = Body.of(r);
        admin.setApiEnabled(b.text("username"), b.requiredBool("enabled"));
        return Response.empty(204);
    }

    private Response expireSessions(Request r) {
        Body b = Body.of(r);
        if (b.has("username")) {
            admin.expireSessions(b.text("username"));
        } else if (b.has("org")) {
            admin.expireOrgSessions(b.text("org"));
        } else {
            throw AdminException.badRequest("missing_field", "Give 'username' or 'org'");
        }
        return Response.empty(204);
    }

    private Response revokeRefreshTokens(Request r) {
        admin.revokeRefreshTokens(Body.of(r).text("username"));
        return Response.empty(204);
    }

    private Response sessionTimeout(Request r) {
        admin.setSessionTimeout(Duration.ofSeconds(Body.of(r).longValue("seconds", 0)));
        return Response.empty(204);
    }

    // ---- faults ------------------------------------------------------------------------------

    private Response failNext(Request r) {
        Body b = Body.of(r);
        admin.failNext(b.intValue("count", 1), b.optText("pathPrefix"), b.intValue("status", 500),
                b.has("errorCode") ? b.text("errorCode") : "UNKNOWN_EXCEPTION", b.optText("message"));
        return Response.empty(204);
    }

    private Response latency(Request r) {
        Body b = Body.of(r);
        admin.setLatency(Duration.ofMillis(b.longValue("millis", 0)), b.optText("pathPrefix"));
        return Response.empty(204);
    }

    // ---- permissions ----------------------------------------------------------------------------

    private Response createPermissionSet(Request r) {
        Body b = Body.of(r);
        String name = b.text("name");
        String id = admin.createPermissionSet(b.text("org"), name, b.optText("label"), b.booleans("systemPermissions"));
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", name);
        return Response.json(201, n);
    }

    private Response assignment(Request r, boolean assign) {
        Body b = Body.of(r);
        if (assign) {
            admin.assignPermissionSet(b.text("username"), b.text("permissionSet"));
        } else {
            admin.unassignPermissionSet(b.text("username"), b.text("permissionSet"));
        }
        return Response.empty(204);
    }

    private static PermissionSetRef ref(Body b) {
        return new PermissionSetRef(b.optText("org"), b.optText("permissionSet"), b.optText("profile"));
    }

    private Response objectPermissions(Request r, boolean grant) {
        Body b = Body.of(r);
        Set<ObjectPermission> perms = EnumSet.noneOf(ObjectPermission.class);
        b.texts("permissions").forEach(p -> perms.add(ObjectPermission.parse(p)));
        if (grant && perms.isEmpty()) {
            throw AdminException.badRequest("missing_field", "'permissions' is required, e.g. [\"read\"]");
        }
        String object = b.text("object");
        Set<ObjectPermission> result = grant ? admin.grantObjectPermissions(ref(b), object, perms)
                : admin.revokeObjectPermissions(ref(b), object, perms);
        ObjectNode n = Json.object();
        n.put("object", object);
        ArrayNode list = n.putArray("permissions");
        result.forEach(p -> list.add(p.jsonName()));
        return Response.json(200, n);
    }

    private Response fieldPermission(Request r) {
        Body b = Body.of(r);
        boolean edit = b.bool("edit", false);
        admin.setFieldPermission(ref(b), b.text("field"), b.bool("read", true) || edit, edit);
        return Response.empty(204);
    }

    private Response systemPermission(Request r) {
        Body b = Body.of(r);
        admin.setSystemPermission(ref(b), b.text("permission"), b.requiredBool("enabled"));
        return Response.empty(204);
    }

    // ---- connected apps ----------------------------------------------------------------------------

    private Response createConnectedApp(Request r) {
        Body b = Body.of(r);
        ConnectedApp app = admin.addConnectedApp(b.optText("name"), b.text("clientId"), b.text("clientSecret"),
                b.texts("callbackUrls"), new LinkedHashSet<>(b.texts("scopes")));
        app.rotateRefreshTokens(b.bool("rotateRefreshTokens", false));
        app.requirePkce(b.bool("requirePkce", false));
        ObjectNode n = Json.object();
        n.put("clientId", app.clientId());
        n.put("name", app.name());
        return Response.json(201, n);
    }

    private Response rotation(Request r) {
        Body b = Body.of(r);
        admin.setRefreshTokenRotation(b.text("clientId"), b.requiredBool("enabled"));
        return Response.empty(204);
    }

    private Response pkce(Request r) {
        Body b = Body.of(r);
        admin.setRequirePkce(b.text("clientId"), b.requiredBool("required"));
        return Response.empty(204);
    }

    // ---- seed data -----------------------------------------------------------------------------------

    private Response seed(Request r) {
        Body b = Body.of(r);
        List<EmulatorAdmin.OrgSeed> orgs = new ArrayList<>();
        for (Body o : b.objects("orgs")) {
            orgs.add(new EmulatorAdmin.OrgSeed(o.text("org"), o.intValue("accounts", 0), o.intValue("leads", 0),
                    o.bool("create", false)));
        }
        long started = System.nanoTime();
        SeedReport report = admin.seed(b.longValue("seed", 1), b.doubleValue("overlap", 0.2), orgs, b.bool("dryRun", false));
        ObjectNode n = reportJson(report, b.bool("includeDomains", false));
        n.put("elapsedMillis", (System.nanoTime() - started) / 1_000_000);
        return Response.json(200, n);
    }

    private Response demoReport(Request r) {
        return Response.json(200, reportJson(OverlapPlan.demo().report(), !"false".equals(r.query("includeDomains"))));
    }

    private static ObjectNode reportJson(SeedReport report, boolean includeDomains) {
        ObjectNode n = Json.object();
        n.put("seed", report.seed());
        n.put("overlapFraction", report.overlapFraction());
        ArrayNode orgs = n.putArray("orgs");
        for (SeedReport.OrgReport o : report.orgs()) {
            ObjectNode on = orgs.addObject();
            on.put("org", o.org());
            on.put("accounts", o.accounts());
            on.put("leads", o.leads());
            on.put("accountsWithoutKey", o.accountsWithoutKey());
            on.put("leadsWithoutKey", o.leadsWithoutKey());
            on.put("leadsWithPersonalEmail", o.leadsWithPersonalEmail());
            on.put("leadsWithoutEmail", o.leadsWithoutEmail());
            on.put("distinctDomains", o.distinctDomains());
            ObjectNode mess = on.putObject("websiteMess");
            o.websiteMess().forEach((k, v) -> mess.put(k.name(), v));
        }
        ArrayNode overlaps = n.putArray("overlaps");
        List<SeedReport.OrgReport> list = report.orgs();
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                String a = list.get(i).org();
                String c = list.get(j).org();
                ObjectNode on = overlaps.addObject();
                on.put("orgA", a);
                on.put("orgB", c);
                if (includeDomains) {
                    SeedReport.Overlap overlap = report.overlap(a, c);
                    on.put("count", overlap.count());
                    ArrayNode domains = on.putArray("domains");
                    overlap.domains().forEach(domains::add);
                } else {
                    on.put("count", report.overlapCount(a, c));
                }
            }
        }
        return n;
    }
}
