package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.soql.Column;
import dev.crosswalk.emulator.soql.PreparedQuery;
import dev.crosswalk.emulator.soql.QueryOptions;
import dev.crosswalk.emulator.soql.SoqlEngine;
import dev.crosswalk.emulator.soql.SoqlException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * List views: {@code GET /sobjects/{type}/listviews}, {@code …/listviews/{id}},
 * {@code …/listviews/{id}/describe} and {@code …/listviews/{id}/results?limit=&offset=}.
 *
 * <p>Every layoutable object has the two list views a new org has: {@code All<Plural>} (scope
 * everything) and, for owned objects, {@code My<Plural>} (scope mine). Their columns are the name
 * field plus the hidden Id, CreatedDate, LastModifiedDate and SystemModstamp Salesforce adds; results
 * are ordered by the name field and run through the SOQL engine, so access applies. Results answer
 * at most 2,000 rows per call ({@code limit} defaults to 25, as in Salesforce).
 */
final class ListViewRoutes {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 2000;
    private static final List<String> HIDDEN = List.of("Id", "CreatedDate", "LastModifiedDate", "SystemModstamp");

    private final EmulatorState state;
    private final SoqlEngine engine = new SoqlEngine();

    private ListViewRoutes(EmulatorState state) {
        this.state = state;
    }

    static void register(Router router, EmulatorState state, ApiGate gate) {
        ListViewRoutes r = new ListViewRoutes(state);
        String base = "/services/data/{version}/sobjects/{type}/listviews";
        router.get(base, gate.protect(r::list));
        router.get(base + "/{id}", gate.protect(req -> Response.json(200, r.info(req, r.view(req)))));
        router.get(base + "/{id}/describe", gate.protect(r::describe));
        router.get(base + "/{id}/results", gate.protect(r::results));
    }

    private record View(SObjectType type, String id, String developerName, String label, boolean mine) {
    }

    private List<View> views(SObjectType t) {
        String plural = t.labelPlural().replaceAll("[^A-Za-z0-9]", "");
        List<View> out = new ArrayList<>();
        out.add(new View(t, viewId(t, 1), "All" + plural, "All " + t.labelPlural(), false));
        if (t.field("OwnerId").isPresent()) {
            out.add(new View(t, viewId(t, 2), "My" + plural, "My " + t.labelPlural(), true));
        }
        return out;
    }

    /** Stable per object: key prefix 00B, numbered from the object's key prefix. */
    private static String viewId(SObjectType t, int n) {
        long base = 0;
        for (char c : t.keyPrefix().toCharArray()) {
            base = base * 62 + Character.getNumericValue(c);
        }
        return Ids.to18(Ids.id15("00B", base * 10 + n));
    }

    private View view(Request req) {
        SObjectType t = LayoutRoutes.layoutableType(state, req);
        String wanted = req.pathVar("id");
        String id18 = Ids.normalize(wanted).orElse("");
        return views(t).stream()
                .filter(v -> v.id().equals(id18) || v.developerName().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(ApiException::notFound);
    }

    private Response list(Request req) {
        SObjectType t = LayoutRoutes.layoutableType(state, req);
        ObjectNode n = Json.object();
        n.put("done", true);
        ArrayNode list = n.putArray("listviews");
        List<View> views = views(t);
        views.forEach(v -> list.add(info(req, v)));
        n.putNull("nextRecordsUrl");
        n.put("size", views.size());
        n.put("sobjectType", t.name());
        return Response.json(200, n);
    }

    private ObjectNode info(Request req, View v) {
        String url = "/services/data/v" + req.apiVersion() + "/sobjects/" + v.type().name() + "/listviews/" + v.id();
        ObjectNode n = Json.object();
        n.put("describeUrl", url + "/describe");
        n.put("developerName", v.developerName());
        n.put("id", v.id());
        n.put("label", v.label());
        n.put("resultsUrl", url + "/results");
        n.put("soqlCompatible", true);
        n.put("url", url);
        return n;
    }

    private List<FieldDef> visibleColumns(View v) {
        List<FieldDef> out = new ArrayList<>();
        v.type().nameField().ifPresent(out::add);
        return out;
    }

    private String soql(View v, Request req) {
        List<String> fields = new ArrayList<>();
        visibleColumns(v).forEach(f -> fields.add(f.name()));
        HIDDEN.stream().filter(h -> v.type().field(h).isPresent()).forEach(fields::add);
        String order = v.type().nameField().map(FieldDef::name).orElse("Id");
        String where = v.mine() ? " WHERE OwnerId = '" + req.session().userId() + "'" : "";
        return "SELECT " + String.join(", ", fields) + " FROM " + v.type().name() + where + " ORDER BY " + order
                + " ASC NULLS FIRST, Id ASC NULLS FIRST";
    }

    private ArrayNode columns(View v) {
        ArrayNode out = Json.array();
        List<FieldDef> visible = visibleColumns(v);
        List<FieldDef> all = new ArrayList<>(visible);
        HIDDEN.forEach(h -> v.type().field(h).ifPresent(all::add));
        for (FieldDef f : all) {
            boolean hidden = !visible.contains(f);
            ObjectNode c = out.addObject();
            c.put("ascendingLabel", "A-Z");
            c.put("descendingLabel", "Z-A");
            c.put("fieldNameOrPath", f.name());
            c.put("hidden", hidden);
            c.put("label", f.label());
            c.put("searchable", !hidden);
            c.put("selectListItem", f.name());
            if (f.nameField()) {
                c.put("sortDirection", "ascending");
                c.put("sortIndex", 0);
            } else {
                c.putNull("sortDirection");
                c.putNull("sortIndex");
            }
            c.put("sortable", !hidden || f.name().equals("Id"));
            c.put("type", f.type().describeName());
        }
        return out;
    }

    private Response describe(Request req) {
        View v = view(req);
        ObjectNode n = Json.object();
        n.set("columns", columns(v));
        n.put("id", v.id());
        ArrayNode orderBy = n.putArray("orderBy");
        orderBy.addObject().put("fieldNameOrPath", v.type().nameField().map(FieldDef::name).orElse("Id"))
                .put("nullsPosition", "first").put("sortDirection", "ascending");
        orderBy.addObject().put("fieldNameOrPath", "Id").put("nullsPosition", "first").put("sortDirection", "ascending");
        n.put("query", soql(v, req));
        n.putNull("relatedEntityId");
        n.put("scope", v.mine() ? "mine" : "everything");
        n.putNull("scopeEntityId");
        n.put("sobjectType", v.type().name());
        ObjectNode where = n.putObject("whereCondition");
        where.putArray("conditions");
        where.put("conjunction", "and");
        return Response.json(200, n);
    }

    private Response results(Request req) {
        View v = view(req);
        int limit = intParam(req, "limit", DEFAULT_LIMIT);
        int offset = intParam(req, "offset", 0);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("INVALID_QUERY_PARAMETER_VALUE", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset > 2000) {
            throw ApiException.badRequest("INVALID_QUERY_PARAMETER_VALUE", "offset must be between 0 and 2000");
        }
        Session s = req.session();
        Org org = s.org();
        EffectiveAccess access = state.permissions().access(org, s.userId());
        PreparedQuery q;
        try {
            q = engine.prepare(org, EffectiveQueryAccess.of(access), soql(v, req), QueryOptions.QUERY);
        } catch (SoqlException e) {
            throw ApiException.badRequest(e.errorCode(), e.getMessage());
        }
        ObjectNode n = Json.object();
        n.set("columns", columns(v));
        n.put("developerName", v.developerName());
        n.put("id", v.id());
        n.put("label", v.label());
        org.read(() -> {
            List<Record> rows = q.execute();
            int from = Math.min(offset, rows.size());
            int to = Math.min(rows.size(), from + limit);
            n.put("done", to >= rows.size());
            ArrayNode records = n.putArray("records");
            for (Record r : rows.subList(from, to)) {
                ArrayNode cols = records.addObject().putArray("columns");
                for (Column c : q.columns()) {
                    Object value = q.value(r, c);
                    ObjectNode cell = cols.addObject();
                    cell.put("fieldNameOrPath", c.header());
                    cell.set("value", value == null ? Json.object().nullNode() : RecordJson.value(value));
                }
            }
            n.put("size", rows.size());
            return null;
        });
        return Response.json(200, n);
    }

    private static int intParam(Request req, String name, int fallback) {
        String v = req.query(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_QUERY_PARAMETER_VALUE", name + " must be a number: " + v);
        }
    }
}
