package dev.crosswalk.emulator.rules;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.admin.AdminEndpoints;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.Org;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Admin API for row rules: {@code POST /_emulator/row-rules} with {@code org} (id or name),
 * {@code object}, {@code field}, {@code contains}, {@code message}, optional {@code errorCode}
 * (default FIELD_CUSTOM_VALIDATION_EXCEPTION) and {@code times} (default: always) → 201 with the
 * rule's {@code id}; {@code POST /_emulator/row-rules/clear} with {@code org} and optional {@code id}.
 */
public final class RowRuleEndpoints {
    private static final String P = "/_emulator/row-rules";

    private RowRuleEndpoints() {
    }

    public static void register(Router router, EmulatorState state) {
        router.post(P, AdminEndpoints.wrap(r -> add(state, r)));
        router.post(P + "/clear", AdminEndpoints.wrap(r -> {
            JsonNode b = body(r);
            RowRules.clear(org(state, b), text(b, "id", false));
            return Response.empty(204);
        }));
    }

    private static Response add(EmulatorState state, Request r) {
        JsonNode b = body(r);
        RowRule rule = RowRules.add(org(state, b), new RowRule(null, text(b, "object", true), text(b, "field", true),
                text(b, "contains", true), text(b, "errorCode", false), text(b, "message", true),
                b.hasNonNull("times") ? b.get("times").asInt() : -1));
        ObjectNode out = Json.object();
        out.put("id", rule.id());
        out.put("errorCode", rule.errorCode());
        return Response.json(201, out);
    }

    private static Org org(EmulatorState state, JsonNode b) {
        String nameOrId = text(b, "org", true);
        return state.orgs().stream().filter(o -> o.id().equals(nameOrId) || o.name().equals(nameOrId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No org " + nameOrId));
    }

    private static JsonNode body(Request r) {
        byte[] bytes = r.body();
        JsonNode n = bytes.length == 0 ? Json.object() : Json.parse(bytes);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object");
        }
        return n;
    }

    private static String text(JsonNode b, String name, boolean required) {
        JsonNode v = b.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("Missing '" + name + "'");
            }
            return null;
        }
        return v.asString();
    }
}
