package dev.crosswalk.emulator.admin;

import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A JSON request body of the admin API, with typed accessors that answer 400 on bad input. */
final class Body {
    private final JsonNode node;

    private Body(JsonNode node) {
        this.node = node;
    }

    static Body of(Request request) {
        byte[] bytes = request.body();
        if (bytes.length == 0) {
            return new Body(Json.object());
        }
        JsonNode n;
        try {
            n = Json.parse(bytes);
        } catch (JacksonException e) {
            throw AdminException.badRequest("invalid_json", "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw AdminException.badRequest("invalid_json", "The body must be a JSON object");
        }
        return new Body(n);
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    String text(String name) {
        String v = optText(name);
        if (v == null || v.isBlank()) {
            throw AdminException.badRequest("missing_field", "'" + name + "' is required");
        }
        return v;
    }

    String optText(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw AdminException.badRequest("invalid_field", "'" + name + "' must be a string");
        }
        return v.stringValue();
    }

    boolean bool(String name, boolean defaultValue) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isBoolean()) {
            throw AdminException.badRequest("invalid_field", "'" + name + "' must be true or false");
        }
        return v.booleanValue();
    }

    boolean requiredBool(String name) {
        if (!has(name)) {
            throw AdminException.badRequest("missing_field", "'" + name + "' is required (true or false)");
        }
        return bool(name, false);
    }

    Long optLong(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw AdminException.badRequest("invalid_field", "'" + name + "' must be a whole number");
        }
        return v.longValue();
    }

    long longValue(String name, long defaultValue) {
        Long v = optLong(name);
        return v == null ? defaultValue : v;
    }

    int intValue(String name, int defaultValue) {
        long v = longValue(name, defaultValue);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw AdminException.badRequest("invalid_field", "'" + name + "' is out of range");
        }
        return (int) v;
    }

    double doubleValue(String name, double defaultValue) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isNumber()) {
            throw AdminException.badRequest("invalid_field", "'" + name + "' must be a number");
        }
        return v.doubleValue();
    }

    List<String> texts(String name) {
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isString()) {
            // "api refresh_token id" style lists are accepted as one space-separated string.
            for (String s : v.stringValue().trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }
        if (!v.isArray()) {
            throw AdminException.badRequest("invalid_field", "'" + name + "' must be a list of strings");
        }
        for (JsonNode e : v) {
            if (!e.isString()) {
                throw AdminException.badRequest("invalid_field", "'" + name + "' must be a list of strings");
            }
            out.add(e.stringValue());
        }
        return out;
    }

    Map<String, Boolean> booleans(String name) {
        JsonNode v = node.get(name);
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            // ["PermissionsApiEnabled", ...] means each is on.
            for (String s : texts(name)) {
                out.put(s, true);
            }
            return out;
        }
        if (!v.isObject()) {
            throw AdminException.badRequest("invalid_field", "'" + name + "' must be an object of booleans");
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isBoolean()) {
                throw AdminException.badRequest("invalid_field", "'" + name + "." + e.getKey() + "' must be true or false");
            }
            out.put(e.getKey(), e.getValue().booleanValue());
        }
        return out;
    }

    List<Body> objects(String name) {
        JsonNode v = node.get(name);
        List<Body> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw AdminException.badRequest("invalid_field", "'" + name + "' must be a list of objects");
        }
        for (JsonNode e : v) {
            if (!e.isObject()) {
                throw AdminException.badRequest("invalid_field", "'" + name + "' must be a list of objects");
            }
            out.add(new Body(e));
        }
        return out;
    }
}
