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
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.SObjectType.AccessModel;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user-interface resources API clients read: {@code /recent} (most recently used records),
 * {@code /tabs} and {@code /theme}. The emulator has no UI, so "recently used" means the records the
 * caller last created or edited (Salesforce counts API writes the same way only for its MRU list of
 * records viewed in the UI; this is the closest observable stand-in). Tabs and theme cover every
 * data object the caller can read.
 */
final class UiRoutes {
    static final int MAX_RECENT = 200;

    private final EmulatorState state;

    private record Item(SObjectType type, Record record, Instant at) {
    }

    private UiRoutes(EmulatorState state) {
        this.state = state;
    }

    static void register(Router router, EmulatorState state, ApiGate gate) {
        UiRoutes r = new UiRoutes(state);
        router.get("/services/data/{version}/recent", gate.protect(r::recent));
        router.get("/services/data/{version}/tabs", gate.protect(r::tabs));
        router.get("/services/data/{version}/theme", gate.protect(r::theme));
    }

    private EffectiveAccess access(Request req) {
        Session s = req.session();
        return state.permissions().access(s.org(), s.userId());
    }

    private List<SObjectType> dataTypes(Request req) {
        EffectiveAccess access = access(req);
        return req.session().org().types().stream()
                .filter(t -> t.accessModel() == AccessModel.CRUD && access.canRead(t))
                .sorted(Comparator.comparing(SObjectType::name))
                .toList();
    }

    /** {@code GET /recent?limit=n}: {@code [{attributes, Id, Name}]}, newest first, at most 200. */
    private Response recent(Request req) {
        int limit = MAX_RECENT;
        String l = req.query("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("INVALID_QUERY_PARAMETER_VALUE", "limit must be a number: " + l);
            }
            if (limit < 1 || limit > MAX_RECENT) {
                limit = MAX_RECENT;
            }
        }
        int max = limit;
        Org org = req.session().org();
        String userId = req.session().userId();
        List<SObjectType> types = dataTypes(req);
        ArrayNode out = org.read(() -> {
            List<Item> items = new ArrayList<>();
            for (SObjectType t : types) {
                Optional<FieldDef> by = t.field("LastModifiedById");
                Optional<FieldDef> at = t.field("LastModifiedDate");
                if (by.isEmpty() || at.isEmpty()) {
                    continue;
                }
                for (Record r : org.store(t).all()) {
                    if (userId.equals(r.get(by.get())) && !RecordLifecycle.isDeleted(t, r) && r.get(at.get()) instanceof Instant i) {
                        items.add(new Item(t, r, i));
                    }
                }
            }
            items.sort(Comparator.comparing(Item::at).reversed());
            RecordJson json = new RecordJson(org, req.apiVersion());
            ArrayNode a = Json.array();
            for (Item i : items.subList(0, Math.min(max, items.size()))) {
                ObjectNode n = a.addObject();
                n.set("attributes", json.attributes(i.type(), i.record().id()));
                n.put("Id", i.record().id());
                Object name = i.type().nameField().map(f -> i.record().get(f)).orElse(null);
                n.set("Name", RecordJson.value(name));
            }
            return a;
        });
        return Response.json(200, out);
    }

    /** {@code GET /tabs}: one standard tab per readable data object. */
    private Response tabs(Request req) {
        ArrayNode out = Json.array();
        for (SObjectType t : dataTypes(req)) {
            ObjectNode tab = out.addObject();
            tab.set("colors", colors(t));
            tab.put("custom", t.custom());
            tab.put("iconUrl", iconUrl(req, t, 32));
            tab.set("icons", icons(req, t));
            tab.put("label", t.labelPlural());
            tab.put("miniIconUrl", iconUrl(req, t, 16));
            tab.put("name", t.custom() ? t.name() : "standard-" + t.name());
            tab.put("sobjectName", t.name());
            tab.put("url", state.baseUrl() + "/" + t.keyPrefix() + "/o");
        }
        return Response.json(200, out);
    }

    /** {@code GET /theme}: colors and icons per object. */
    private Response theme(Request req) {
        ObjectNode n = Json.object();
        ArrayNode items = n.putArray("themeItems");
        for (SObjectType t : dataTypes(req)) {
            ObjectNode item = items.addObject();
            item.set("colors", colors(t));
            item.set("icons", icons(req, t));
            item.put("name", t.name());
        }
        return Response.json(200, n);
    }

    private static ArrayNode colors(SObjectType t) {
        ArrayNode a = Json.array();
        String hex = String.format("%06X", t.name().hashCode() & 0xFFFFFF);
        a.addObject().put("color", hex).put("context", "primary").put("theme", "theme4");
        a.addObject().put("color", hex).put("context", "primary").put("theme", "theme3");
        return a;
    }

    private ArrayNode icons(Request req, SObjectType t) {
        ArrayNode a = Json.array();
        for (int size : new int[] {16, 32, 120}) {
            ObjectNode i = a.addObject();
            i.put("contentType", "image/png");
            i.put("height", size);
            i.put("theme", "theme3");
            i.put("url", iconUrl(req, t, size));
            i.put("width", size);
        }
        return a;
    }

    private String iconUrl(Request req, SObjectType t, int size) {
        String name = t.custom() ? "custom" : t.name().toLowerCase(java.util.Locale.ROOT);
        return state.baseUrl() + "/img/icon/t4v35/standard/" + name + "_" + size + ".png";
    }
}
