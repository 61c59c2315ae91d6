package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.rest.RecordJson.FieldPath;
import dev.crosswalk.emulator.rest.RecordJson.PathTree;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.soql.Column;
import dev.crosswalk.emulator.soql.PreparedQuery;
import dev.crosswalk.emulator.soql.QueryOptions;
import dev.crosswalk.emulator.soql.SoqlEngine;
import dev.crosswalk.emulator.soql.SoqlException;
import dev.crosswalk.emulator.soql.Subquery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /query?q=}, {@code GET /queryAll?q=} and their next pages
 * {@code GET /query/{locator}-{offset}} / {@code /queryAll/{locator}-{offset}}; with
 * {@code &columns=true} the query's column metadata instead of its rows ({@link QueryColumns}).
 *
 * <p>Pages hold {@value #DEFAULT_BATCH} rows unless {@code Sforce-Query-Options: batchSize=N} asks
 * for 200..2000 (values outside are clamped). When more rows remain, the response carries
 * {@code nextRecordsUrl} {@code /services/data/vXX.X/query/01g…-<offset>}; for queryAll too, as
 * Salesforce does, and the cursor itself remembers that deleted rows are included.
 */
final class QueryRoutes {
    static final int DEFAULT_BATCH = 2000;
    static final int MIN_BATCH = 200;
    static final int MAX_BATCH = 2000;
    private static final Pattern BATCH_SIZE = Pattern.compile("(?i)batchSize\\s*=\\s*(\\d+)");

    private final EmulatorState state;
    private final SoqlEngine engine = new SoqlEngine();
    private final QueryCursors cursors;

    private QueryRoutes(EmulatorState state) {
        this.state = state;
        this.cursors = new QueryCursors(state.clock(), state.options().queryLocatorTimeout());
    }

    static void register(Router router, EmulatorState state, ApiGate gate) {
        QueryRoutes routes = new QueryRoutes(state);
        router.get("/services/data/{version}/query", gate.protect(req -> routes.query(req, false)));
        router.get("/services/data/{version}/queryAll", gate.protect(req -> routes.query(req, true)));
        router.get("/services/data/{version}/query/{locator}", gate.protect(routes::next));
        router.get("/services/data/{version}/queryAll/{locator}", gate.protect(routes::next));
    }

    private Response query(Request req, boolean includeDeleted) {
        if (req.query("explain") != null && req.query("q") == null) {
            return explain(req);
        }
        String soql = req.query("q");
        if (soql == null || soql.isBlank()) {
            throw ApiException.badRequest("MALFORMED_QUERY", "A query string has to be specified");
        }
        Session s = req.session();
        Org org = s.org();
        EffectiveAccess access = state.permissions().access(org, s.userId());
        PreparedQuery q;
        try {
            q = engine.prepare(org, EffectiveQueryAccess.of(access), soql, new QueryOptions(includeDeleted, false));
        } catch (SoqlException e) {
            throw ApiException.badRequest(e.errorCode(), e.getMessage());
        }
        if ("true".equalsIgnoreCase(req.query("columns"))) {
            return Response.json(200, QueryColumns.describe(q));
        }
        int batch = batchSize(req, DEFAULT_BATCH);
        RecordJson json = new RecordJson(org, req.apiVersion());
        ObjectNode body = org.read(() -> {
            if (q.isCount()) {
                return result(q.count(), null, Json.array());
            }
            List<Record> rows = q.execute();
            if (q.isAggregate()) {
                return result(rows.size(), null, aggregateRows(q, rows));
            }
            String next = null;
            if (rows.size() > batch) {
                String locator = cursors.open(org, s.userId(), q, rows, batch);
                next = nextUrl(req.apiVersion(), locator, batch);
            }
            return result(rows.size(), next, page(json, q, rows, 0, Math.min(batch, rows.size())));
        });
        return Response.json(200, body);
    }

    /**
     * {@code GET /query?explain=<soql>} (the Query Plan tool): one plan per query. The emulator scans
     * in memory, so the plan is a table scan (or an index on Id for an {@code Id = '…'} filter) whose
     * cardinality is the real number of matching rows.
     */
    private Response explain(Request req) {
        String soql = req.query("explain");
        if (soql.isBlank()) {
            throw ApiException.badRequest("MALFORMED_QUERY", "A query string has to be specified");
        }
        Session s = req.session();
        Org org = s.org();
        EffectiveAccess access = state.permissions().access(org, s.userId());
        PreparedQuery q;
        try {
            q = engine.prepare(org, EffectiveQueryAccess.of(access), soql, QueryOptions.QUERY);
        } catch (SoqlException e) {
            throw ApiException.badRequest(e.errorCode(), e.getMessage());
        }
        ObjectNode body = org.read(() -> {
            int total = org.store(q.type()).size();
            int cardinality = q.isAggregate() ? q.execute().size() : q.isCount() ? q.count() : q.count();
            boolean byId = soql.matches("(?is).*\\bwhere\\s+(\\w+\\.)?id\\s*=.*");
            ObjectNode n = Json.object();
            ObjectNode plan = n.putArray("plans").addObject();
            plan.put("cardinality", cardinality);
            ArrayNode fields = plan.putArray("fields");
            if (byId) {
                fields.add("Id");
            }
            plan.put("leadingOperationType", byId ? "Index" : "TableScan");
            plan.putArray("notes");
            plan.put("relativeCost", total == 0 ? 0.0 : byId ? 0.0 : Math.max(0.65, (double) cardinality / total * 2.9));
            plan.put("sobjectCardinality", total);
            plan.put("sobjectType", q.type().name());
            n.putNull("sourceQuery");
            return n;
        });
        body.put("sourceQuery", soql);
        return Response.json(200, body);
    }

    private Response next(Request req) {
        Session s = req.session();
        String segment = req.pathVar("locator");
        int dash = segment.lastIndexOf('-');
        int offset;
        try {
            offset = dash < 0 ? -1 : Integer.parseInt(segment.substring(dash + 1));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (offset < 0) {
            throw QueryCursors.invalidLocator();
        }
        QueryCursors.Cursor c = cursors.use(segment.substring(0, dash), s.org(), s.userId());
        int from = offset;
        if (from > c.rows.size()) {
            throw QueryCursors.invalidLocator();
        }
        int batch = batchSize(req, c.batchSize);
        int to = Math.min(c.rows.size(), from + batch);
        RecordJson json = new RecordJson(c.org, req.apiVersion());
        ObjectNode body = c.org.read(() -> result(c.rows.size(),
                to < c.rows.size() ? nextUrl(req.apiVersion(), c.locator, to) : null,
                page(json, c.query, c.rows, from, to)));
        return Response.json(200, body);
    }

    /** {@code {"totalSize", "done", "nextRecordsUrl"?, "records"}} in Salesforce's key order. */
    private static ObjectNode result(int totalSize, String nextRecordsUrl, ArrayNode records) {
        ObjectNode n = Json.object();
        n.put("totalSize", totalSize);
        n.put("done", nextRecordsUrl == null);
        if (nextRecordsUrl != null) {
            n.put("nextRecordsUrl", nextRecordsUrl);
        }
        n.set("records", records);
        return n;
    }

    static ArrayNode page(RecordJson json, PreparedQuery q, List<Record> rows, int from, int to) {
        PathTree tree = tree(q);
        ArrayNode out = Json.array();
        List<Subquery> subqueries = q.subqueries();
        List<Map<String, List<Record>>> children = new ArrayList<>();
        if (!subqueries.isEmpty()) {
            Set<String> ids = new HashSet<>();
            for (int i = from; i < to; i++) {
                ids.add(rows.get(i).id());
            }
            for (Subquery sub : subqueries) {
                children.add(sub.children(ids));
            }
        }
        for (int i = from; i < to; i++) {
            ObjectNode n = json.select(q.type(), rows.get(i), tree);
            if (!subqueries.isEmpty()) {
                n = withChildren(json, q, n, rows.get(i).id(), subqueries, children);
            }
            out.add(n);
        }
        return out;
    }

    private static PathTree tree(PreparedQuery q) {
        return PathTree.of(q.columns().stream()
                .map(c -> new FieldPath(c.relationshipPath(), c.field().name()))
                .toList());
    }

    /**
     * Inserts each subquery's {@code {totalSize, done, records}} (or {@code null} without children) under
     * its relationship name, at its place in the SELECT list: after the keys of the columns before it.
     */
    private static ObjectNode withChildren(RecordJson json, PreparedQuery q, ObjectNode parent, String parentId,
            List<Subquery> subqueries, List<Map<String, List<Record>>> children) {
        ObjectNode n = Json.object();
        List<Map.Entry<String, JsonNode>> props = new ArrayList<>();
        parent.properties().forEach(props::add);
        int next = 0;
        for (int k = 0; k <= props.size(); k++) {
            // props.get(0) is "attributes"; a subquery at position p goes after the keys of the first p columns.
            while (next < subqueries.size() && k > 0 && keysBefore(q, subqueries.get(next).position()) == k - 1) {
                Subquery sub = subqueries.get(next);
                List<Record> kids = children.get(next).get(parentId);
                if (kids == null) {
                    n.putNull(sub.relationshipName());
                } else {
                    PathTree childTree = tree(sub.query());
                    ArrayNode records = Json.array();
                    for (Record r : kids) {
                        records.add(json.select(sub.query().type(), r, childTree));
                    }
                    n.set(sub.relationshipName(), result(kids.size(), null, records));
                }
                next++;
            }
            if (k < props.size()) {
                n.set(props.get(k).getKey(), props.get(k).getValue());
            }
        }
        return n;
    }

    /** Distinct top-level JSON keys the first {@code position} columns render to (parents share one key). */
    private static int keysBefore(PreparedQuery q, int position) {
        Set<String> keys = new HashSet<>();
        for (Column c : q.columns().subList(0, position)) {
            String key = c.relationshipPath().isEmpty() ? c.field().name() : c.relationshipPath().get(0);
            keys.add(key.toLowerCase(Locale.ROOT));
        }
        return keys.size();
    }

    /** {@code SELECT COUNT(Id) …}: rows of type AggregateResult, keyed by alias ({@code expr0}…). */
    private static ArrayNode aggregateRows(PreparedQuery q, List<Record> rows) {
        ArrayNode out = Json.array();
        for (Record r : rows) {
            ObjectNode n = out.addObject();
            n.putObject("attributes").put("type", "AggregateResult");
            for (Column c : q.columns()) {
                n.set(c.header(), RecordJson.value(q.value(r, c)));
            }
        }
        return out;
    }

    private static String nextUrl(String version, String locator, int offset) {
        return "/services/data/v" + version + "/query/" + locator + "-" + offset;
    }

    /** {@code Sforce-Query-Options: batchSize=N}, clamped to 200..2000; the fallback when absent. */
    static int batchSize(Request req, int fallback) {
        String header = req.header("Sforce-Query-Options");
        if (header == null) {
            return fallback;
        }
        Matcher m = BATCH_SIZE.matcher(header);
        if (!m.find()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return MAX_BATCH;
        }
        return (int) Math.max(MIN_BATCH, Math.min(MAX_BATCH, n));
    }
}
