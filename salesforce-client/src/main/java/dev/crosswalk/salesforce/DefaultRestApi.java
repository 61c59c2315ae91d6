package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.internal.ApiCall;
import dev.crosswalk.salesforce.internal.ApiCaller;
import dev.crosswalk.salesforce.internal.ApiResponse;
import dev.crosswalk.salesforce.internal.ErrorClassifier;
import dev.crosswalk.salesforce.internal.Forms;
import dev.crosswalk.salesforce.internal.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** {@link RestApi} over the connection's {@link ApiCaller}. */
final class DefaultRestApi implements RestApi {

    private final ClientConfig config;
    private final ApiCaller caller;
    private final AtomicReference<String> version;

    DefaultRestApi(ClientConfig config, ApiCaller caller) {
        this.config = config;
        this.caller = caller;
        this.version = new AtomicReference<>(config.apiVersion());
    }

    /** {@code /services/data/v62.0} */
    String base() {
        return "/services/data/v" + version.get();
    }

    @Override
    public String apiVersion() {
        return version.get();
    }

    @Override
    public List<ApiVersion> versions() {
        JsonNode body = caller.json(ApiCall.get(CallKind.REST, "/services/data/"));
        List<ApiVersion> out = new ArrayList<>();
        for (JsonNode n : body) {
            out.add(new ApiVersion(Json.text(n, "label"), Json.text(n, "url"), Json.text(n, "version")));
        }
        Collections.sort(out);
        return out;
    }

    @Override
    public String negotiateVersion() {
        double max = Double.parseDouble(config.apiVersion());
        String chosen = versions().stream()
                .filter(v -> v.number() <= max)
                .max(ApiVersion::compareTo)
                .map(ApiVersion::version)
                .orElseThrow(() -> new SalesforceException(ErrorClassifier.unsupportedApiVersion(config.apiVersion())));
        version.set(chosen);
        return chosen;
    }

    @Override
    public List<SObjectSummary> describeGlobal() {
        JsonNode body = caller.json(ApiCall.get(CallKind.REST, base() + "/sobjects"));
        List<SObjectSummary> out = new ArrayList<>();
        for (JsonNode n : body.path("sobjects")) {
            out.add(new SObjectSummary(Json.text(n, "name"), Json.text(n, "label"), Json.text(n, "keyPrefix"),
                    Json.bool(n, "custom"), Json.bool(n, "queryable"), Json.bool(n, "createable"),
                    Json.bool(n, "updateable"), Json.bool(n, "deletable")));
        }
        return out;
    }

    @Override
    public SObjectDescribe describe(String sobject) {
        return describe(caller.json(ApiCall.get(CallKind.REST, base() + "/sobjects/" + segment(sobject) + "/describe")));
    }

    @Override
    public List<SObjectDescribe> describe(List<String> sobjects) {
        if (sobjects.size() > 25) {
            throw new IllegalArgumentException("describe: at most 25 objects per composite batch, was " + sobjects.size());
        }
        if (sobjects.size() == 1) {
            return List.of(describe(sobjects.get(0)));
        }
        ObjectNode body = Json.object();
        ArrayNode requests = body.putArray("batchRequests");
        for (String s : sobjects) {
            ObjectNode r = requests.addObject();
            r.put("method", "GET");
            r.put("url", "v" + version.get() + "/sobjects/" + segment(s) + "/describe");
        }
        // Only reads: safe to retry.
        JsonNode n = caller.json(ApiCall.json(CallKind.REST, "POST", base() + "/composite/batch", body, true));
        List<SObjectDescribe> out = new ArrayList<>();
        for (int i = 0; i < sobjects.size(); i++) {
            JsonNode r = n.path("results").path(i);
            int status = r.path("statusCode").asInt(500);
            if (status >= 300) {
                throw new SalesforceException(ErrorClassifier.classify(status, r.path("result").toString(), Optional.empty()));
            }
            out.add(describe(r.path("result")));
        }
        return out;
    }

    private static SObjectDescribe describe(JsonNode n) {
        List<FieldDescribe> fields = new ArrayList<>();
        for (JsonNode f : n.path("fields")) {
            List<String> refs = new ArrayList<>();
            f.path("referenceTo").forEach(r -> refs.add(r.asString()));
            fields.add(new FieldDescribe(Json.text(f, "name"), Json.text(f, "label"), Json.text(f, "type"),
                    f.path("length").asInt(0), Json.bool(f, "custom"), Json.bool(f, "createable"),
                    Json.bool(f, "updateable"), Json.bool(f, "nillable"), Json.bool(f, "externalId"),
                    Json.bool(f, "idLookup"), refs, Json.text(f, "relationshipName")));
        }
        return new SObjectDescribe(Json.text(n, "name"), Json.text(n, "label"), Json.bool(n, "custom"),
                Json.bool(n, "queryable"), Json.bool(n, "createable"), Json.bool(n, "updateable"),
                Json.bool(n, "deletable"), fields);
    }

    @Override
    public Stream<JsonNode> query(String soql) {
        return pages(base() + "/query?q=" + Forms.enc(soql));
    }

    @Override
    public Stream<JsonNode> queryAll(String soql) {
        return pages(base() + "/queryAll?q=" + Forms.enc(soql));
    }

    /** Lazily walks the pages: a page is requested only when the previous one is used up. */
    private Stream<JsonNode> pages(String firstUrl) {
        Iterator<JsonNode> it = new Iterator<>() {
            private String nextUrl = firstUrl;
            private Iterator<JsonNode> page = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && nextUrl != null) {
                    JsonNode body = caller.json(ApiCall.get(CallKind.REST, nextUrl));
                    page = body.path("records").iterator();
                    nextUrl = body.path("done").asBoolean(true) ? null : Json.text(body, "nextRecordsUrl");
                }
                return page.hasNext();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public List<SaveResult> create(List<SObjectRecord> records, boolean allOrNone) {
        for (SObjectRecord r : records) {
            if (r.id() != null) {
                throw new IllegalArgumentException("create: records must not carry an id");
            }
        }
        return chunked(records, chunk -> {
            ObjectNode body = envelope(allOrNone);
            ArrayNode arr = body.putArray("records");
            chunk.forEach(r -> arr.add(recordNode(r.type(), null, r.fields())));
            // Not idempotent: a retried create could insert twice.
            return saveResults(caller.json(ApiCall.json(CallKind.REST, "POST", base() + "/composite/sobjects", body,
                    false)));
        });
    }

    @Override
    public List<SaveResult> update(List<SObjectRecord> records, boolean allOrNone) {
        for (SObjectRecord r : records) {
            if (r.id() == null) {
                throw new IllegalArgumentException("update: every record needs an id");
            }
        }
        return chunked(records, chunk -> {
            ObjectNode body = envelope(allOrNone);
            ArrayNode arr = body.putArray("records");
            chunk.forEach(r -> arr.add(recordNode(r.type(), r.id(), r.fields())));
            return saveResults(caller.json(ApiCall.json(CallKind.REST, "PATCH", base() + "/composite/sobjects", body,
                    true)));
        });
    }

    @Override
    public List<SaveResult> upsert(String sobject, String externalIdField, List<Map<String, Object>> records,
                                   boolean allOrNone) {
        String path = base() + "/composite/sobjects/" + segment(sobject) + "/" + segment(externalIdField);
        return chunked(records, chunk -> {
            ObjectNode body = envelope(allOrNone);
            ArrayNode arr = body.putArray("records");
            chunk.forEach(r -> arr.add(recordNode(sobject, null, r)));
            return saveResults(caller.json(ApiCall.json(CallKind.REST, "PATCH", path, body, true)));
        });
    }

    @Override
    public List<SaveResult> delete(List<String> ids, boolean allOrNone) {
        return chunked(ids, chunk -> saveResults(caller.json(ApiCall.delete(CallKind.REST,
                base() + "/composite/sobjects?ids=" + String.join(",", chunk) + "&allOrNone=" + allOrNone))));
    }

    @Override
    public SaveResult upsert(String sobject, String externalIdField, String externalIdValue,
                             Map<String, Object> fields) {
        String path = base() + "/sobjects/" + segment(sobject) + "/" + segment(externalIdField) + "/"
                + segment(externalIdValue);
        ObjectNode body = Json.MAPPER.valueToTree(fields);
        try (ApiResponse r = caller.execute(ApiCall.json(CallKind.REST, "PATCH", path, body, true))) {
            int status = r.status();
            JsonNode n = r.json();
            if (status == 300) {
                throw new SalesforceException(ErrorClassifier.multipleMatches(externalIdField));
            }
            String id = n.isMissingNode() ? null : Json.text(n, "id");
            boolean created = n.has("created") ? n.get("created").asBoolean() : status == 201;
            return new SaveResult(id, true, Optional.of(created), List.of());
        }
    }

    @Override
    public Limits limits() {
        JsonNode body = caller.json(ApiCall.get(CallKind.REST, base() + "/limits"));
        Map<String, Limits.Limit> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            JsonNode v = e.getValue();
            if (v.has("Max")) {
                out.put(e.getKey(), new Limits.Limit(v.path("Max").asLong(), v.path("Remaining").asLong()));
            }
        }
        return new Limits(out);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static ObjectNode envelope(boolean allOrNone) {
        ObjectNode body = Json.object();
        body.put("allOrNone", allOrNone);
        return body;
    }

    private static ObjectNode recordNode(String type, String id, Map<String, Object> fields) {
        ObjectNode n = Json.object();
        n.putObject("attributes").put("type", type);
        if (id != null) {
            n.put("id", id);
        }
        ObjectNode values = Json.MAPPER.valueToTree(fields);
        n.setAll(values);
        return n;
    }

    static List<SaveResult> saveResults(JsonNode array) {
        List<SaveResult> out = new ArrayList<>();
        for (JsonNode n : array) {
            List<ApiError> errors = new ArrayList<>();
            n.path("errors").forEach(e -> errors.add(ErrorClassifier.fromNode(e)));
            Optional<Boolean> created = n.has("created") && !n.get("created").isNull()
                    ? Optional.of(n.get("created").asBoolean()) : Optional.empty();
            out.add(new SaveResult(Json.text(n, "id"), Json.bool(n, "success"), created, errors));
        }
        return out;
    }

    private static <T> List<SaveResult> chunked(List<T> items, Function<List<T>, List<SaveResult>> perChunk) {
        List<SaveResult> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i += COLLECTION_CHUNK) {
            out.addAll(perChunk.apply(items.subList(i, Math.min(items.size(), i + COLLECTION_CHUNK))));
        }
        return out;
    }

    /** A URL path segment (URLEncoder writes '+' for space, which is literal in a path). */
    static String segment(String s) {
        return Forms.enc(s).replace("+", "%20");
    }
}
