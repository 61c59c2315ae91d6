package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
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
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Single-record REST: {@code /services/data/vXX.X/sobjects/{type}[/{id} | /{extIdField}/{value}]}
 * — create, retrieve, update, delete, and get / upsert / delete by external id. Routes after
 * the describe routes, so {@code /sobjects/{type}/describe} never lands here.
 */
public final class SObjectRoutes {
    /** API version from which an upsert that updated answers 200 with a body instead of 204. */
    static final double UPSERT_BODY_FROM_VERSION = 46.0;

    private final EmulatorState state;
    private final DataService data;

    private SObjectRoutes(EmulatorState state, DataService data) {
        this.state = state;
        this.data = data;
    }

    /** Path segments under {@code /sobjects/{type}/} that name sub-resources, never external-id fields. */
    private static final java.util.Set<String> SUB_RESOURCES = java.util.Set.of("describe", "listviews",
            "quickactions", "updated", "deleted", "layouts", "compactlayouts", "richtextimagefields", "eventschema",
            "relationships", "userpassword", "platformaction", "suggestcontroller");

    public static void register(Router router, EmulatorState state, ApiGate gate) {
        SObjectRoutes r = new SObjectRoutes(state, new DataService(state));
        String base = "/services/data/{version}/sobjects/{type}";
        ChangedRecordsRoutes.register(router, state, gate);
        router.post(base, gate.protect(r::create));
        router.post(base + "/{field}", gate.protect(r::createViaField));
        router.post(base + "/{field}/{value}", gate.protect(r::postOverride));
        router.get(base + "/{id}", gate.protect(r::retrieve));
        router.patch(base + "/{id}", gate.protect(r::update));
        router.delete(base + "/{id}", gate.protect(r::delete));
        router.get(base + "/{field}/{value}", gate.protect(r::retrieveByExternalId));
        router.patch(base + "/{field}/{value}", gate.protect(r::upsert));
        router.delete(base + "/{field}/{value}", gate.protect(r::deleteByExternalId));
    }

    // ------------------------------------------------------------------ create

    private Response create(Request req) {
        Org org = req.session().org();
        SObjectType t = visibleType(req);
        SaveResult result = data.create(org, req.session().userId(), t.name(), body(req));
        return created(req, t, result);
    }

    /**
     * {@code POST /sobjects/{type}/Id} (API 37.0+) and {@code POST /sobjects/{type}/{extIdField}}: create.
     * With {@code ?_HttpMethod=PATCH} or {@code DELETE} (for HTTP clients without PATCH) it is the
     * update or delete of the record whose id is the segment.
     */
    private Response createViaField(Request req) {
        String override = req.query("_HttpMethod");
        if ("PATCH".equalsIgnoreCase(override)) {
            return update(req, req.pathVar("field"));
        }
        if ("DELETE".equalsIgnoreCase(override)) {
            return delete(req, req.pathVar("field"));
        }
        SObjectType t = visibleType(req);
        externalIdField(req, t, req.pathVar("field"));
        SaveResult result = data.create(req.session().org(), req.session().userId(), t.name(), body(req));
        return created(req, t, result);
    }

    private Response created(Request req, SObjectType t, SaveResult result) {
        DataJson.orThrow(result);
        return Response.json(201, DataJson.singleSuccess(result.id(), null))
                .header("Location", DataJson.recordUrl(req.apiVersion(), t.name(), result.id()));
    }

    // ------------------------------------------------------------------ by id

    private Response retrieve(Request req) {
        Org org = req.session().org();
        SObjectType t = visibleType(req);
        EffectiveAccess access = state.permissions().access(org, req.session().userId());
        String id = recordId(req.pathVar("id"), t);
        return org.read(() -> {
            Record r = liveRecord(org, t, id);
            RecordReads reads = RecordReads.of(org, t, access, req.query("fields"));
            return Response.json(200, reads.render(new RecordJson(org, req.apiVersion()), r));
        });
    }

    private Response update(Request req) {
        return update(req, req.pathVar("id"));
    }

    private Response update(Request req, String segment) {
        Org org = req.session().org();
        SObjectType t = visibleType(req);
        String id = recordId(segment, t);
        org.read(() -> liveRecord(org, t, id));
        RecordInput input = body(req);
        DataJson.orThrow(data.update(org, req.session().userId(), t.name(), id, input));
        return Response.empty(204);
    }

    private Response delete(Request req) {
        return delete(req, req.pathVar("id"));
    }

    private Response delete(Request req, String segment) {
        Org org = req.session().org();
        SObjectType t = visibleType(req);
        String id = recordId(segment, t);
        org.read(() -> liveRecord(org, t, id));
        DataJson.orThrow(data.delete(org, req.session().userId(), id));
        return Response.empty(204);
    }

    // ------------------------------------------------------------------ by external id

    /** {@code POST …/{extIdField}/{value}?_HttpMethod=PATCH|DELETE}: upsert or delete for clients without PATCH. */
    private Response postOverride(Request req) {
        String override = req.query("_HttpMethod");
        if ("PATCH".equalsIgnoreCase(override)) {
            return upsert(req);
        }
        if ("DELETE".equalsIgnoreCase(override)) {
            return deleteByExternalId(req);
        }
        throw ApiException.methodNotAllowed("POST");
    }

    private Response retrieveByExternalId(Request req) {
        Org org = req.session().org();
        SObjectType t = visibleType(req);
        FieldDef f = externalIdField(req, t, req.pathVar("field"));
        EffectiveAccess access = state.permissions().access(org, req.session().userId());
        List<Record> matches = DataService.findMatching(org, t, f, req.pathVar("value"));
        if (matches.isEmpty()) {
            throw ApiException.notFound();
        }
        if (matches.size() > 1) {
            return multipleChoices(req, t, matches);
        }
        return org.read(() -> {
            RecordReads reads = RecordReads.of(org, t, access, req.query("fields"));
            return Response.json(200, reads.render(new RecordJson(org, req.apiVersion()), matches.get(0)));
        });
    }

    /**
     * {@code PATCH /sobjects/{type}/{extIdField}/{value}}: 201 created, 200 (API 46.0+) or 204
     * updated, 300 when the value matches several records, 404 for a field that is not an
     * external id. {@code updateOnly=true} never inserts.
     */
    private Response upsert(Request req) {
        Org org = req.session().org();
        SObjectType t = visibleType(req);
        FieldDef f = externalIdField(req, t, req.pathVar("field"));
        String value = req.pathVar("value");
        List<Record> matches = DataService.findMatching(org, t, f, value);
        if (matches.size() > 1) {
            return multipleChoices(req, t, matches);
        }
        if (matches.isEmpty() && "true".equalsIgnoreCase(req.query("updateOnly"))) {
            throw ApiException.notFound();
        }
        if (matches.isEmpty() && f.type() == FieldType.ID) {
            // A record id that does not exist cannot be inserted under that id.
            throw ApiException.notFound();
        }
        RecordInput input = body(req).with(f.name(), new FieldInput.Text(value));
        SaveResult result = DataJson.orThrow(data.upsert(org, req.session().userId(), t.name(), f.name(), input));
        if (result.created()) {
            return Response.json(201, DataJson.singleSuccess(result.id(), true))
                    .header("Location", DataJson.recordUrl(req.apiVersion(), t.name(), result.id()));
        }
        if (Double.parseDouble(req.apiVersion()) >= UPSERT_BODY_FROM_VERSION) {
            return Response.json(200, DataJson.singleSuccess(result.id(), false));
        }
        return Response.empty(204);
    }

    private Response deleteByExternalId(Request req) {
        Org org = req.session().org();
        SObjectType t = visibleType(req);
        FieldDef f = externalIdField(req, t, req.pathVar("field"));
        List<Record> matches = DataService.findMatching(org, t, f, req.pathVar("value"));
        if (matches.isEmpty()) {
            throw ApiException.notFound();
        }
        if (matches.size() > 1) {
            return multipleChoices(req, t, matches);
        }
        DataJson.orThrow(data.delete(org, req.session().userId(), matches.get(0).id()));
        return Response.empty(204);
    }

    /** 300 with the matching records' URLs. [Digest: body shape UNCONFIRMED; a JSON array of URLs.] */
    private static Response multipleChoices(Request req, SObjectType t, List<Record> matches) {
        ArrayNode urls = Json.array();
        matches.forEach(r -> urls.add(DataJson.recordUrl(req.apiVersion(), t.name(), r.id())));
        return Response.json(300, urls);
    }

    // ------------------------------------------------------------------ helpers

    /** The path's type if it exists and the caller can read it; otherwise the resource does not exist. */
    private SObjectType visibleType(Request req) {
        return visibleType(state, req, req.pathVar("type"));
    }

    static SObjectType visibleType(EmulatorState state, Request req, String typeName) {
        Org org = req.session().org();
        EffectiveAccess access = state.permissions().access(org, req.session().userId());
        return org.type(typeName == null ? "" : typeName).filter(access::canRead).orElseThrow(ApiException::notFound);
    }

    /**
     * The path's record id, normalized to 18 characters. A segment that is not an id is taken as
     * an external-id field name without value, which Salesforce answers with a 404 naming it.
     */
    private static String recordId(String segment, SObjectType t) {
        Optional<String> id18 = Ids.normalize(segment);
        if (id18.isEmpty()) {
            throw ApiException.of(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + segment);
        }
        if (!id18.get().startsWith(t.keyPrefix())) {
            throw ApiException.notFound();
        }
        return id18.get();
    }

    /** The record, which must exist and not be in the recycle bin. Call under the read lock. */
    private static Record liveRecord(Org org, SObjectType t, String id18) {
        Record r = org.store(t).get(id18);
        if (r == null) {
            throw ApiException.notFound();
        }
        if (RecordLifecycle.isDeleted(t, r)) {
            throw ApiException.of(404, "ENTITY_IS_DELETED", "entity is deleted");
        }
        return r;
    }

    private FieldDef externalIdField(Request req, SObjectType t, String name) {
        if (SUB_RESOURCES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            // A sub-resource the emulator does not serve (or a misspelt one under it) is a missing
            // resource, never an external-id lookup on a field called "describe".
            throw ApiException.notFound();
        }
        EffectiveAccess access = state.permissions().access(req.session().org(), req.session().userId());
        return t.field(name).filter(f -> f.idLookup() && access.canReadField(t, f))
                .orElseThrow(() -> ApiException.of(404, "NOT_FOUND",
                        "Provided external ID field does not exist or is not accessible: " + name));
    }

    /** The JSON object body as field inputs; anything else is Salesforce's JSON_PARSER_ERROR. */
    static RecordInput body(Request req) {
        JsonNode json = req.json();
        if (!json.isObject()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR",
                    "Cannot deserialize instance of SObject from " + (json.isArray() ? "START_ARRAY" : "VALUE_STRING")
                            + " value or request may be missing a required field");
        }
        return RecordInput.fromJson(json);
    }
}
