package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.data.ApiError;
import dev.crosswalk.emulator.data.DataService;
import dev.crosswalk.emulator.data.RecordInput;
import dev.crosswalk.emulator.data.RecordWrite;
import dev.crosswalk.emulator.data.SaveResult;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * sObject Collections: {@code /services/data/vXX.X/composite/sobjects} — create (POST), update
 * (PATCH), delete (DELETE {@code ?ids=}), upsert by external id (PATCH {@code /{type}/{field}})
 * and retrieve (GET/POST {@code /{type}}). At most 200 records per call; results in input order.
 */
public final class CollectionRoutes {
    static final int MAX_RECORDS = 200;

    private final EmulatorState state;
    private final DataService data;

    private CollectionRoutes(EmulatorState state, DataService data) {
        this.state = state;
        this.data = data;
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
        CollectionRoutes r = new CollectionRoutes(state, new DataService(state));
        String base = "/services/data/{version}/composite/sobjects";
        router.post(base, gate.protect(r::create));
        router.patch(base, gate.protect(r::update));
        router.delete(base, gate.protect(r::delete));
        router.get(base + "/{type}", gate.protect(r::retrieve));
        router.post(base + "/{type}", gate.protect(r::retrieve));
        router.patch(base + "/{type}/{field}", gate.protect(r::upsert));
    }

    /** The {@code {"allOrNone", "records"}} envelope. */
    private record Envelope(boolean allOrNone, List<JsonNode> records) {
    }

    private static Envelope envelope(Request req) {
        JsonNode body = req.json();
        JsonNode records = body.get("records");
        if (!body.isObject() || records == null || !records.isArray()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "Cannot deserialize request: expected {\"allOrNone\":…,\"records\":[…]}");
        }
        if (records.size() > MAX_RECORDS) {
            throw tooMany();
        }
        List<JsonNode> list = new ArrayList<>();
        records.forEach(list::add);
        JsonNode aon = body.get("allOrNone");
        return new Envelope(aon != null && (aon.asBoolean() || "true".equalsIgnoreCase(aon.asString())), list);
    }

    private static int chunks(List<JsonNode> records) {
        int chunks = 0;
        String previous = null;
        for (JsonNode rec : records) {
            String type = rec.isObject() ? typeOf(rec) : null;
            String key = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
            if (chunks == 0 || !key.equals(previous)) {
                chunks++;
                previous = key;
            }
        }
        return chunks;
    }

    private static ApiException tooMany() {
        return ApiException.badRequest("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                + MAX_RECORDS + " records into this call");
    }

    /** {@code attributes.type} of a collection record, or null. */
    private static String typeOf(JsonNode record) {
        JsonNode attrs = record.get("attributes");
        JsonNode type = attrs == null ? null : attrs.get("type");
        return type == null || !type.isString() ? null : type.stringValue();
    }

    private static ApiError missingType() {
        return ApiError.of("INVALID_TYPE", "sObject type 'null' is not supported. Every record needs attributes.type.");
    }

    /**
     * Runs the records that are well-formed through {@code op} in one batch (so allOrNone covers
     * them) and slots pre-check failures in at their positions.
     */
    private interface BatchOp {
        List<SaveResult> run(List<RecordWrite> writes);
    }

    /** Consecutive records of one type form a chunk; Salesforce processes at most this many per call. */
    static final int MAX_CHUNKS = 10;

    private List<SaveResult> withPrechecks(Org org, List<JsonNode> records, boolean allOrNone, boolean update, BatchOp op) {
        if (chunks(records) > MAX_CHUNKS) {
            ApiError e = ApiError.of("EXCEEDED_MAX_TYPES_LIMIT", "Cannot have more than " + MAX_CHUNKS
                    + " chunks in a single operation. Please rearrange the data to reduce chunking.");
            return records.stream().map(r -> SaveResult.failed(e)).toList();
        }
        List<RecordWrite> writes = new ArrayList<>();
        List<ApiError> precheck = new ArrayList<>();
        String firstType = null;
        Boolean firstIsSetup = null;
        for (JsonNode rec : records) {
            String type = rec.isObject() ? typeOf(rec) : null;
            if (type == null) {
                precheck.add(missingType());
                continue;
            }
            // Setup objects (User, PermissionSet…) and data objects cannot be written in one transaction.
            Optional<SObjectType> t = org.type(type);
            if (t.isPresent()) {
                boolean setup = t.get().accessModel() != SObjectType.AccessModel.CRUD;
                if (firstIsSetup == null) {
                    firstIsSetup = setup;
                    firstType = t.get().name();
                } else if (setup != firstIsSetup) {
                    precheck.add(ApiError.of("MIXED_DML_OPERATION", "DML operation on " + (setup ? "setup" : "non-setup")
                            + " object is not permitted after you have updated a " + (setup ? "non-setup" : "setup")
                            + " object (or vice versa): " + t.get().name() + ", original object: " + firstType));
                    continue;
                }
            }
            precheck.add(null);
            RecordInput values = RecordInput.fromJson(rec);
            writes.add(update ? RecordWrite.updateFromValues(type, values) : RecordWrite.create(type, values));
        }
        boolean anyPrecheckFailed = precheck.stream().anyMatch(e -> e != null);
        List<SaveResult> batch = anyPrecheckFailed && allOrNone ? List.of() : op.run(writes);
        List<SaveResult> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < records.size(); i++) {
            ApiError e = precheck.get(i);
            if (e != null) {
                out.add(SaveResult.failed(e));
            } else if (anyPrecheckFailed && allOrNone) {
                String id = update ? writes.get(next++).id() : null;
                out.add(new SaveResult(id == null ? null : Ids.normalize(id).orElse(id), false, false, List.of(ApiError.rolledBack())));
            } else {
                out.add(batch.get(next++));
            }
        }
        return out;
    }

    private Response create(Request req) {
        Envelope env = envelope(req);
        Org org = req.session().org();
        String user = req.session().userId();
        return DataJson.collectionResults(withPrechecks(org, env.records(), env.allOrNone(), false,
                writes -> data.create(org, user, writes, env.allOrNone())), false);
    }

    private Response update(Request req) {
        Envelope env = envelope(req);
        Org org = req.session().org();
        String user = req.session().userId();
        return DataJson.collectionResults(withPrechecks(org, env.records(), env.allOrNone(), true,
                writes -> data.update(org, user, writes, env.allOrNone())), false);
    }

    private Response delete(Request req) {
        String ids = req.query("ids");
        if (ids == null || ids.isBlank()) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "Missing required parameter: ids");
        }
        List<String> list = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (list.size() > MAX_RECORDS) {
            throw tooMany();
        }
        boolean allOrNone = "true".equalsIgnoreCase(req.query("allOrNone"));
        return DataJson.collectionResults(data.delete(req.session().org(), req.session().userId(), list, allOrNone), false);
    }

    /** {@code PATCH /composite/sobjects/{type}/{extIdField}} (API 46.0+): upsert, results carry {@code created}. */
    private Response upsert(Request req) {
        SObjectType t = SObjectRoutes.visibleType(state, req, req.pathVar("type"));
        String field = req.pathVar("field");
        EffectiveAccess access = state.permissions().access(req.session().org(), req.session().userId());
        FieldDef f = t.field(field).filter(x -> x.idLookup() && access.canReadField(t, x))
                .orElseThrow(() -> ApiException.of(404, "NOT_FOUND",
                        "Provided external ID field does not exist or is not accessible: " + field));
        Envelope env = envelope(req);
        List<RecordInput> inputs = new ArrayList<>();
        List<ApiError> precheck = new ArrayList<>();
        for (JsonNode rec : env.records()) {
            String type = rec.isObject() ? typeOf(rec) : null;
            if (type == null || !type.equalsIgnoreCase(t.name())) {
                precheck.add(type == null ? missingType() : ApiError.of("INVALID_TYPE",
                        "Record type " + type + " does not match the URI's type " + t.name()));
                continue;
            }
            precheck.add(null);
            inputs.add(RecordInput.fromJson(rec));
        }
        boolean anyPrecheckFailed = precheck.stream().anyMatch(e -> e != null);
        List<SaveResult> batch = anyPrecheckFailed && env.allOrNone() ? List.of()
                : data.upsert(req.session().org(), req.session().userId(), t.name(), f.name(), inputs, env.allOrNone());
        List<SaveResult> out = new ArrayList<>();
        int next = 0;
        for (ApiError e : precheck) {
            if (e != null) {
                out.add(SaveResult.failed(e));
            } else if (anyPrecheckFailed && env.allOrNone()) {
                out.add(SaveResult.failed(ApiError.rolledBack()));
            } else {
                out.add(batch.get(next++));
            }
        }
        return DataJson.collectionResults(out, true);
    }

    /** GET {@code ?ids=&fields=} or POST {@code {"ids":[…],"fields":[…]}}: records in id order, null where missing. */
    private Response retrieve(Request req) {
        SObjectType t = SObjectRoutes.visibleType(state, req, req.pathVar("type"));
        List<String> ids = new ArrayList<>();
        String fieldsParam;
        if (req.method().equals("POST")) {
            JsonNode body = req.json();
            JsonNode idsNode = body.get("ids");
            if (idsNode != null) {
                idsNode.forEach(n -> ids.add(n.asString()));
            }
            JsonNode fieldsNode = body.get("fields");
            List<String> fl = new ArrayList<>();
            if (fieldsNode != null) {
                fieldsNode.forEach(n -> fl.add(n.asString()));
            }
            fieldsParam = String.join(",", fl);
        } else {
            String idsParam = req.query("ids");
            if (idsParam != null) {
                Arrays.stream(idsParam.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
            }
            fieldsParam = req.query("fields");
        }
        if (ids.isEmpty()) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "Missing required parameter: ids");
        }
        if (ids.size() > 2000) {
            throw ApiException.badRequest("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 2000 records into this call");
        }
        Org org = req.session().org();
        EffectiveAccess access = state.permissions().access(org, req.session().userId());
        return org.read(() -> {
            RecordReads reads = RecordReads.of(org, t, access, fieldsParam);
            RecordJson json = new RecordJson(org, req.apiVersion());
            ArrayNode out = Json.array();
            for (String id : ids) {
                Optional<String> id18 = Ids.normalize(id);
                Record r = id18.filter(x -> x.startsWith(t.keyPrefix())).map(x -> org.store(t).get(x)).orElse(null);
                if (r == null || RecordLifecycle.isDeleted(t, r)) {
                    out.addNull();
                } else {
                    out.add(reads.render(json, r));
                }
            }
            return Response.json(200, out);
        });
    }
}
