package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discovery: {@code GET /services/data} (the versions list) and {@code GET /services/data/vXX.X}
 * (the resources of a version).
 *
 * <p>The versions list needs no session and is not billable: Salesforce documents that it does
 * not count toward the API allocation, and clients (jsforce, the sf CLI) call it before they
 * authenticate [UNCONFIRMED that it is callable without a token; chosen: no auth]. It carries no
 * {@code Sforce-Limit-Info}, since there is no org to report on.
 */
final class VersionRoutes {
    /** Resource names of a version, as Salesforce lists them; each maps to {@code /services/data/vXX.X/<name>}. */
    private static final List<String> RESOURCES = List.of("tooling", "metadata", "eclair", "folders", "prechatForms",
            "chatter", "tabs", "appMenu", "quickActions", "queryAll", "commerce", "wave", "iot", "analytics", "search",
            "composite", "parameterizedSearch", "fingerprint", "theme", "nouns", "event", "serviceTemplates", "recent",
            "connect", "licensing", "limits", "process", "async-queries", "query", "match", "emailConnect",
            "compactLayouts", "knowledgeManagement", "sobjects", "actions", "support", "jobs", "ui-api", "consent");

    private VersionRoutes() {
    }

    static void register(Router router, EmulatorState state, ApiGate gate) {
        router.get("/services/data", req -> Response.json(200,
                ApiVersions.list(state.options().minApiVersion(), state.options().maxApiVersion())));
        router.get("/services/data/{version}", gate.protect(req -> resources(state, router, req)));
    }

    /** Only the resources the emulator serves: a client following the list never meets a 404. */
    private static Response resources(EmulatorState state, Router router, Request req) {
        String base = "/services/data/v" + req.apiVersion() + "/";
        ObjectNode n = Json.object();
        for (String r : RESOURCES) {
            if (router.pathExists(base + r)) {
                n.put(r, base + r);
            }
        }
        Session s = req.session();
        // The identity URL is absolute, on the login host (here the emulator itself).
        n.put("identity", state.baseUrl() + "/id/" + s.org().id() + "/" + s.userId());
        return Response.json(200, n);
    }
}
