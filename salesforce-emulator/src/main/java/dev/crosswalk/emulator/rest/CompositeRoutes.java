package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.data.DataService;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.HttpServerHost;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Composite ({@code POST /services/data/vXX.X/composite}): up to 25 subrequests run in order
 * through the same router as ordinary requests, with {@code @{ref.path}} references to earlier
 * results. With {@code allOrNone} the subrequests form one transaction: the first failure rolls
 * everything back and every other subrequest answers {@code PROCESSING_HALTED}.
 */
public final class CompositeRoutes {
    static final int MAX_SUBREQUESTS = 25;
    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)\\.([^}]+)}");
    private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("accept", "authorization", "content-type");

    private final Router router;
    private final DataService data;

    private CompositeRoutes(Router router, DataService data) {
        this.router = router;
        this.data = data;
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
        DataService data = new DataService(state);
        CompositeRoutes r = new CompositeRoutes(router, data);
        router.post("/services/data/{version}/composite", gate.protect(r::composite));
        router.post("/services/data/{version}/composite/batch", gate.protect(r::batch));
        TreeRoutes.register(router, state, gate, data);
    }

    /**
     * {@code POST /composite/batch}: up to 25 independent subrequests ({@code url} relative to
     * {@code /services/data/}, body in {@code richInput}); with {@code haltOnError} the ones after
     * the first failure answer 412 {@code BATCH_PROCESSING_HALTED}. No transaction, no references.
     */
    private Response batch(Request req) {
        JsonNode root = req.json();
        JsonNode list = root.get("batchRequests");
        if (!root.isObject() || list == null || !list.isArray()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "No batchRequests array in the request body");
        }
        if (list.size() > MAX_SUBREQUESTS) {
            throw ApiException.badRequest("INVALID_BATCH_REQUEST", "A batch can contain a maximum of " + MAX_SUBREQUESTS + " requests");
        }
        boolean haltOnError = root.path("haltOnError").asBoolean(false);
        boolean hasErrors = false;
        boolean halted = false;
        ArrayNode results = Json.array();
        for (JsonNode n : list) {
            ObjectNode out = results.addObject();
            if (halted) {
                out.put("statusCode", 412);
                ArrayNode err = out.putArray("result");
                err.addObject().put("errorCode", "BATCH_PROCESSING_HALTED").put("message", "Batch processing halted per request");
                continue;
            }
            String method = n.path("method").asString("");
            String url = n.path("url").asString("");
            if (!METHODS.contains(method)) {
                throw ApiException.badRequest("INVALID_BATCH_REQUEST", "Invalid method: '" + method + "'");
            }
            String full = url.startsWith("/services/data/") ? url : "/services/data/" + (url.startsWith("/") ? url.substring(1) : url);
            JsonNode body = n.get("richInput");
            Outcome o = dispatch(req, method, full, body == null || body.isNull() ? null : body, Map.of());
            out.put("statusCode", o.status());
            out.set("result", o.body());
            if (o.status() >= 400) {
                hasErrors = true;
                halted = haltOnError;
            }
        }
        ObjectNode response = Json.object();
        response.put("hasErrors", hasErrors);
        response.set("results", results);
        return Response.json(200, response);
    }

    private record Sub(String method, String url, String referenceId, JsonNode body, Map<String, String> headers) {
    }

    /** A subrequest's outcome: what the client sees, and the parsed body later references read. */
    record Outcome(int status, JsonNode body, Map<String, String> headers) {
    }

    private Response composite(Request req) {
        JsonNode root = req.json();
        JsonNode list = root.get("compositeRequest");
        if (!root.isObject() || list == null || !list.isArray()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "No compositeRequest array in the request body");
        }
        if (list.size() > MAX_SUBREQUESTS) {
            throw ApiException.badRequest("INVALID_BATCH_REQUEST",
                    "Exceeded max limit of subrequests allowed in a composite request: " + MAX_SUBREQUESTS);
        }
        List<Sub> subs = parse(list);
        boolean allOrNone = root.path("allOrNone").asBoolean(false);
        List<Outcome> outcomes = new ArrayList<>();
        if (allOrNone) {
            data.transaction(req.session().org(), () -> runAllOrNone(req, subs, outcomes));
        } else {
            runIndependently(req, subs, outcomes);
        }
        ArrayNode arr = Json.array();
        for (int i = 0; i < subs.size(); i++) {
            Outcome o = outcomes.get(i);
            ObjectNode n = arr.addObject();
            n.set("body", o.body());
            ObjectNode h = n.putObject("httpHeaders");
            o.headers().forEach(h::put);
            n.put("httpStatusCode", o.status());
            n.put("referenceId", subs.get(i).referenceId());
        }
        ObjectNode out = Json.object();
        out.set("compositeResponse", arr);
        return Response.json(200, out);
    }

    private static List<Sub> parse(JsonNode list) {
        List<Sub> subs = new ArrayList<>();
        Set<String> refs = new java.util.HashSet<>();
        for (JsonNode n : list) {
            String method = n.path("method").asString("");
            String url = n.path("url").asString("");
            String ref = n.path("referenceId").asString("");
            if (!METHODS.contains(method)) {
                throw ApiException.badRequest("INVALID_INPUT", "Invalid method: '" + method + "'. Allowed methods: " + METHODS);
            }
            if (!url.startsWith("/services/data/")) {
                throw ApiException.badRequest("INVALID_INPUT", "The URL '" + url + "' is not a valid composite subrequest URL");
            }
            if (!REFERENCE_ID.matcher(ref).matches() || !refs.add(ref)) {
                throw ApiException.badRequest("INVALID_INPUT", "Invalid or duplicate referenceId: '" + ref + "'");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            JsonNode h = n.get("httpHeaders");
            if (h != null && h.isObject()) {
                for (Map.Entry<String, JsonNode> e : h.properties()) {
                    if (FORBIDDEN_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                        throw ApiException.badRequest("INVALID_INPUT", "The httpHeaders of a subrequest must not include " + e.getKey());
                    }
                    headers.put(e.getKey(), e.getValue().asString());
                }
            }
            subs.add(new Sub(method, url, ref, n.get("body"), headers));
        }
        return subs;
    }

    /** Stops at the first failure; returns whether to commit. Runs inside the org's write lock. */
    private boolean runAllOrNone(Request parent, List<Sub> subs, List<Outcome> outcomes) {
        Map<String, JsonNode> results = new HashMap<>();
        int failedAt = -1;
        for (int i = 0; i < subs.size(); i++) {
            Outcome o = run(parent, subs.get(i), results);
            outcomes.add(o);
            if (o.status() >= 400) {
                failedAt = i;
                break;
            }
            results.put(subs.get(i).referenceId(), o.body());
        }
        if (failedAt < 0) {
            return true;
        }
        for (int i = 0; i < subs.size(); i++) {
            if (i == failedAt) {
                continue;
            }
            Outcome halted = halted("The transaction was rolled back since another operation in the same transaction failed.");
            if (i < outcomes.size()) {
                outcomes.set(i, halted);
            } else {
                outcomes.add(halted);
            }
        }
        return false;
    }

    private void runIndependently(Request parent, List<Sub> subs, List<Outcome> outcomes) {
        Map<String, JsonNode> results = new HashMap<>();
        for (Sub sub : subs) {
            Outcome o = run(parent, sub, results);
            outcomes.add(o);
            if (o.status() < 400) {
                results.put(sub.referenceId(), o.body());
            }
        }
    }

    private Outcome run(Request parent, Sub sub, Map<String, JsonNode> results) {
        String url;
        JsonNode body;
        try {
            url = substitute(sub.url(), results, true);
            body = sub.body() == null ? null : substituteJson(sub.body(), results);
        } catch (UnresolvedReference e) {
            return halted("Invalid reference specified. No value for " + e.path + " found in " + e.ref
                    + ". Provided referenceId ('" + e.ref + "') must be a previous subrequest's referenceId or must point to "
                    + "a valid field path.");
        }
        return dispatch(parent, sub.method(), url, body, sub.headers());
    }

    /** Runs one subrequest through the router as the parent's user; the parent's call is the one billed. */
    Outcome dispatch(Request parent, String method, String url, JsonNode body, Map<String, String> extraHeaders) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? null : url.substring(q + 1);
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Authorization", parent.header("Authorization") != null ? parent.header("Authorization")
                : "Bearer " + parent.session().token());
        headers.put("Content-Type", "application/json");
        byte[] bytes = body == null ? null : Json.bytes(body);
        long usedBefore = parent.session().org().apiUsage().used();
        Response r = HttpServerHost.handle(router::dispatch, Request.of(method, path, query, headers, bytes));
        // The composite call is billed once; its subrequests went through the gate, which counted them.
        if (parent.session().org().apiUsage().used() > usedBefore) {
            parent.session().org().apiUsage().refund(1);
        }
        JsonNode parsed = null;
        if (r.body() != null && r.body().length > 0) {
            try {
                parsed = Json.parse(r.body());
            } catch (JacksonException e) {
                parsed = Json.MAPPER.getNodeFactory().stringNode(new String(r.body(), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> outHeaders = new LinkedHashMap<>();
        String location = r.headers().get("Location");
        if (location != null) {
            outHeaders.put("Location", location);
        }
        return new Outcome(r.status(), parsed, outHeaders);
    }

    private static Outcome halted(String message) {
        ArrayNode err = Json.array();
        ObjectNode e = err.addObject();
        e.put("errorCode", "PROCESSING_HALTED");
        e.put("message", message);
        return new Outcome(400, err, Map.of());
    }

    private static final class UnresolvedReference extends RuntimeException {
        final String ref;
        final String path;

        UnresolvedReference(String ref, String path) {
            super(null, null, false, false);
            this.ref = ref;
            this.path = path;
        }
    }

    private static JsonNode substituteJson(JsonNode node, Map<String, JsonNode> results) {
        if (node.isString()) {
            String s = node.stringValue();
            Matcher m = REFERENCE.matcher(s);
            // A value that is exactly one reference keeps the referenced value's JSON type.
            if (m.matches()) {
                return resolve(m.group(1), m.group(2), results);
            }
            return Json.MAPPER.getNodeFactory().stringNode(substitute(s, results, false));
        }
        if (node.isObject()) {
            ObjectNode out = Json.object();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), substituteJson(e.getValue(), results));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.array();
            node.forEach(x -> out.add(substituteJson(x, results)));
            return out;
        }
        return node;
    }

    private static String substitute(String s, Map<String, JsonNode> results, boolean urlEncode) {
        Matcher m = REFERENCE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode v = resolve(m.group(1), m.group(2), results);
            String text = v.isValueNode() ? v.asString() : v.toString();
            if (urlEncode) {
                text = java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** {@code ref.field}, {@code ref.records[0].Id}, {@code ref.Owner.Name}. */
    private static JsonNode resolve(String ref, String path, Map<String, JsonNode> results) {
        JsonNode current = results.get(ref);
        if (current == null) {
            throw new UnresolvedReference(ref, ref + "." + path);
        }
        for (String part : path.split("\\.")) {
            Matcher idx = Pattern.compile("([^\\[]+)((?:\\[\\d+])*)").matcher(part);
            if (!idx.matches()) {
                throw new UnresolvedReference(ref, ref + "." + path);
            }
            current = current.get(idx.group(1));
            Matcher n = Pattern.compile("\\[(\\d+)]").matcher(idx.group(2));
            while (current != null && n.find()) {
                current = current.get(Integer.parseInt(n.group(1)));
            }
            if (current == null || current.isNull()) {
                throw new UnresolvedReference(ref, ref + "." + path);
            }
        }
        return current;
    }
}
