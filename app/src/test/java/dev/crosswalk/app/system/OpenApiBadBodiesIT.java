package dev.crosswalk.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the service's own OpenAPI document and sends every POST/PUT/PATCH/DELETE operation of
 * {@code /api/v1} a set of bad bodies: empty, not JSON, the wrong JSON type, wrong property types,
 * NUL characters and 1 MB strings in each string property, unknown enum values, deep nesting and
 * {@code null}. None may answer 5xx; an operation that takes a body must refuse them all with an
 * RFC 9457 problem (application/problem+json with a {@code code}). New endpoints are covered by
 * being documented.
 */
class OpenApiBadBodiesIT extends AppIntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> WRITE_METHODS = List.of("post", "put", "patch", "delete");

    private record Operation(String method, String path, JsonNode requestSchema) {
        boolean takesBody() {
            return requestSchema != null;
        }
    }

    private record Bad(String name, String body) {
    }

    @Test
    void no_write_operation_answers_a_bad_body_with_a_5xx_and_every_refusal_is_a_problem() {
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode docs = admin.get("/v3/api-docs").json();
        List<Operation> operations = operations(docs);
        assertThat(operations).as("the OpenAPI document lists the write operations").hasSizeGreaterThan(15);

        SoftAssertions soft = new SoftAssertions();
        int sent = 0;
        for (Operation op : operations) {
            String path = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (Bad bad : badBodies(docs, op)) {
                ApiClient.Reply reply = admin.raw(op.method().toUpperCase(), path, "application/json", bad.body());
                sent++;
                String what = op.method().toUpperCase() + " " + op.path() + " with " + bad.name() + " → " + reply.status() + " "
                        + abbreviate(reply.body());
                soft.assertThat(reply.status()).as(what).isLessThan(500);
                if (op.takesBody()) {
                    soft.assertThat(reply.status()).as(what).isBetween(400, 499);
                }
                if (reply.status() >= 400) {
                    soft.assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
                    soft.assertThat(reply.body()).as(what).contains("\"code\"");
                }
            }
        }
        soft.assertAll();
        assertThat(sent).isGreaterThan(150);
    }

    private static List<Operation> operations(JsonNode docs) {
        List<Operation> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (String method : WRITE_METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                JsonNode schema = op.at("/requestBody/content/application~1json/schema");
                out.add(new Operation(method, path.getKey(), schema.isMissingNode() ? null : schema));
            }
        }
        return out;
    }

    private static List<Bad> badBodies(JsonNode docs, Operation op) {
        List<Bad> bad = new ArrayList<>(List.of(
                new Bad("an empty body", ""),
                new Bad("invalid JSON", "{\"name\": "),
                new Bad("not JSON at all", "hello"),
                new Bad("null", "null"),
                new Bad("a number", "42"),
                new Bad("deep nesting", "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")));
        if (!op.takesBody()) {
            return bad;
        }
        JsonNode schema = resolve(docs, op.requestSchema());
        if (types(schema).contains("array")) {
            bad.add(new Bad("an object instead of a list", "{}"));
            JsonNode item = resolve(docs, schema.get("items"));
            for (Bad b : propertyVariants(docs, item)) {
                bad.add(new Bad("a list holding " + b.name(), "[" + b.body() + "]"));
            }
        } else {
            bad.add(new Bad("a list instead of an object", "[]"));
            bad.add(new Bad("a string instead of an object", "\"text\""));
            bad.addAll(propertyVariants(docs, schema));
        }
        return bad;
    }

    /** A plausible object with one property made bad at a time: NUL, 1 MB, unknown enum value, wrong type. */
    private static List<Bad> propertyVariants(JsonNode docs, JsonNode schema) {
        List<Bad> out = new ArrayList<>();
        JsonNode props = schema.get("properties");
        if (props == null) {
            return out;
        }
        ObjectNode plausible = (ObjectNode) sample(docs, schema, 0);
        for (Iterator<String> it = props.propertyNames().iterator(); it.hasNext();) {
            String name = it.next();
            JsonNode prop = resolve(docs, props.get(name));
            List<String> types = types(prop);
            if (types.contains("string") || prop.has("enum")) {
                if (prop.has("enum")) {
                    out.add(with(plausible, name, "an unknown value of enum " + name, JSON.getNodeFactory().stringNode("NOT_A_VALUE")));
                }
                out.add(with(plausible, name, "a NUL character in " + name, JSON.getNodeFactory().stringNode("a\u0000b")));
                out.add(with(plausible, name, "a 1 MB string in " + name, JSON.getNodeFactory().stringNode("x".repeat(1 << 20))));
                out.add(with(plausible, name, "an object in string " + name, JSON.createObjectNode().put("wrong", true)));
            } else if (types.contains("integer") || types.contains("number")) {
                out.add(with(plausible, name, "text in number " + name, JSON.getNodeFactory().stringNode("not a number")));
            } else if (types.contains("boolean")) {
                out.add(with(plausible, name, "text in boolean " + name, JSON.getNodeFactory().stringNode("maybe")));
            } else if (types.contains("array")) {
                out.add(with(plausible, name, "an object in list " + name, JSON.createObjectNode().put("wrong", true)));
            } else if (types.contains("object")) {
                out.add(with(plausible, name, "a number in object " + name, JSON.getNodeFactory().numberNode(7)));
            }
        }
        return out;
    }

    private static Bad with(ObjectNode plausible, String property, String name, JsonNode value) {
        ObjectNode copy = plausible.deepCopy();
        copy.set(property, value);
        return new Bad(name, JSON.writeValueAsString(copy));
    }

    /** A value that has the schema's shape (first enum value, first alternative), a few levels deep. */
    private static JsonNode sample(JsonNode docs, JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(docs, schemaOrRef);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        for (String alt : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(alt)) {
                return sample(docs, schema.get(alt).get(0), depth + 1);
            }
        }
        List<String> types = types(schema);
        if (types.contains("object") || schema.has("properties")) {
            ObjectNode o = JSON.createObjectNode();
            if (depth < 3 && schema.has("properties")) {
                Map<String, JsonNode> values = new LinkedHashMap<>();
                schema.get("properties").properties().forEach(p -> values.put(p.getKey(), sample(docs, p.getValue(), depth + 1)));
                values.forEach(o::set);
            }
            return o;
        }
        if (types.contains("array")) {
            return depth < 3 && schema.has("items") ? JSON.createArrayNode().add(sample(docs, schema.get("items"), depth + 1))
                    : JSON.createArrayNode();
        }
        if (types.contains("integer") || types.contains("number")) {
            return JSON.getNodeFactory().numberNode(1);
        }
        if (types.contains("boolean")) {
            return JSON.getNodeFactory().booleanNode(true);
        }
        return JSON.getNodeFactory().stringNode("uuid".equals(schema.path("format").asString(""))
                ? UUID.randomUUID().toString() : "x");
    }

    private static JsonNode resolve(JsonNode docs, JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return resolve(docs, docs.at(ref.substring(1)));
        }
        return schema == null ? JSON.createObjectNode() : schema;
    }

    /** OpenAPI 3.1 writes {@code type} as a string or a list (with "null"). */
    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return List.of();
        }
        if (type.isArray()) {
            return type.valueStream().map(JsonNode::asString).toList();
        }
        return List.of(type.asString());
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
