package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.data.ApiError;
import dev.crosswalk.emulator.data.DataService;
import dev.crosswalk.emulator.data.FieldInput;
import dev.crosswalk.emulator.data.RecordInput;
import dev.crosswalk.emulator.data.SaveResult;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * sObject Tree ({@code POST /services/data/vXX.X/composite/tree/{type}}, used by
 * {@code sf data import tree}): records of one type with nested child records under their child
 * relationship names ({@code "Contacts": {"records": […]}}), up to 200 in all. All or nothing:
 * 201 with every {@code {referenceId, id}}, or 400 with the errors and nothing saved.
 */
final class TreeRoutes {
    static final int MAX_RECORDS = 200;

    private final EmulatorState state;
    private final DataService data;

    private TreeRoutes(EmulatorState state, DataService data) {
        this.state = state;
        this.data = data;
    }

    static void register(Router router, EmulatorState state, ApiGate gate, DataService data) {
        TreeRoutes r = new TreeRoutes(state, data);
        router.post("/services/data/{version}/composite/tree/{type}", gate.protect(r::tree));
    }

    private Response tree(Request req) {
        SObjectType root = SObjectRoutes.visibleType(state, req, req.pathVar("type"));
        JsonNode records = req.json().get("records");
        if (records == null || !records.isArray()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "No records array in the request body");
        }
        if (count(records) > MAX_RECORDS) {
            throw ApiException.badRequest("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_RECORDS + " records into this call");
        }
        Org org = req.session().org();
        ArrayNode ok = Json.array();
        ArrayNode failed = Json.array();
        data.transaction(org, () -> {
            for (JsonNode rec : records) {
                insert(req, org, root, null, null, rec, ok, failed);
            }
            return failed.isEmpty();
        });
        ObjectNode out = Json.object();
        out.put("hasErrors", !failed.isEmpty());
        out.set("results", failed.isEmpty() ? ok : failed);
        return Response.json(failed.isEmpty() ? 201 : 400, out);
    }

    private static int count(JsonNode records) {
        int n = 0;
        for (JsonNode rec : records) {
            n++;
            for (Map.Entry<String, JsonNode> e : rec.properties()) {
                JsonNode nested = e.getValue().isObject() ? e.getValue().get("records") : null;
                if (nested != null && nested.isArray()) {
                    n += count(nested);
                }
            }
        }
        return n;
    }

    /** Inserts one record, then its children with the lookup to it set. */
    private void insert(Request req, Org org, SObjectType type, FieldDef parentLookup, String parentId, JsonNode rec,
            ArrayNode ok, ArrayNode failed) {
        String referenceId = rec.path("attributes").path("referenceId").asString(null);
        String declared = rec.path("attributes").path("type").asString(null);
        if (referenceId == null || declared == null || !declared.equalsIgnoreCase(type.name())) {
            fail(failed, referenceId, ApiError.of("INVALID_INPUT",
                    "Every record needs attributes.type (" + type.name() + ") and attributes.referenceId"));
            return;
        }
        ObjectNode fields = Json.object();
        Map<String, JsonNode> children = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : rec.properties()) {
            JsonNode nested = e.getValue().isObject() ? e.getValue().get("records") : null;
            if (nested != null && nested.isArray()) {
                children.put(e.getKey(), nested);
            } else {
                fields.set(e.getKey(), e.getValue());
            }
        }
        RecordInput values = RecordInput.fromJson(fields);
        if (parentLookup != null) {
            values = values.with(parentLookup.name(), new FieldInput.Json(Json.MAPPER.getNodeFactory().stringNode(parentId)));
        }
        SaveResult r = data.create(org, req.session().userId(), type.name(), values);
        if (!r.success()) {
            fail(failed, referenceId, r.errors().toArray(ApiError[]::new));
            return;
        }
        ok.addObject().put("referenceId", referenceId).put("id", r.id());
        for (Map.Entry<String, JsonNode> child : children.entrySet()) {
            Optional<Map.Entry<SObjectType, FieldDef>> rel = childRelationship(org, type, child.getKey());
            if (rel.isEmpty()) {
                fail(failed, referenceId, ApiError.noSuchColumn(child.getKey(), type.name()));
                continue;
            }
            for (JsonNode c : child.getValue()) {
                insert(req, org, rel.get().getKey(), rel.get().getValue(), r.id(), c, ok, failed);
            }
        }
    }

    /** The child type and lookup behind a child relationship name such as {@code Contacts}. */
    private static Optional<Map.Entry<SObjectType, FieldDef>> childRelationship(Org org, SObjectType parent, String name) {
        for (SObjectType child : org.types()) {
            for (FieldDef f : child.fields()) {
                if (f.isReference() && f.referenceTo().contains(parent.name())
                        && name.equalsIgnoreCase(Describer.childRelationshipName(child, f))) {
                    return Optional.of(Map.entry(child, f));
                }
            }
        }
        return Optional.empty();
    }

    private static void fail(ArrayNode failed, String referenceId, ApiError... errors) {
        ObjectNode n = failed.addObject();
        n.put("referenceId", referenceId);
        ArrayNode errs = n.putArray("errors");
        for (ApiError e : List.of(errors)) {
            ObjectNode en = errs.addObject();
            en.put("statusCode", e.statusCode());
            en.put("message", e.message());
            ArrayNode f = en.putArray("fields");
            e.fields().forEach(f::add);
        }
    }
}
