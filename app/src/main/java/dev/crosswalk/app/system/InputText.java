package dev.crosswalk.app.system;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What every string a client sends must satisfy, whatever the field: no NUL character (PostgreSQL
 * refuses it in text, so it would surface as a 500) and at most {@link #TEXT_MAX} characters
 * (descriptions are the longest text we keep). Names are capped lower with
 * {@code @Size(max = InputText.NAME_MAX)} on their record components. Problems name the field by
 * its JSON path ({@code filter.children[0].value}).
 */
public final class InputText {
    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 2_000;

    private InputText() {
    }

    /** The first rule a single value breaks, as "field: reason". */
    public static Optional<String> problemIn(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.indexOf('\u0000') >= 0) {
            return Optional.of(field + ": must not contain NUL characters");
        }
        if (value.length() > TEXT_MAX) {
            return Optional.of(field + ": at most " + TEXT_MAX + " characters");
        }
        return Optional.empty();
    }

    /** The first rule any string in a request body breaks (records, lists, maps and JSON trees are walked). */
    public static Optional<String> problemIn(Object body) {
        return walk("", body);
    }

    private static Optional<String> walk(String path, Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return problemIn(path.isEmpty() ? "body" : path, s);
        }
        if (value instanceof JsonNode node) {
            return walkJson(path, node);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Optional<String> p = problemIn(join(path, "(key)"), key).or(() -> walk(join(path, key), e.getValue()));
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.empty();
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                Optional<String> p = walk(path + "[" + i++ + "]", item);
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.empty();
        }
        if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v;
                try {
                    c.getAccessor().setAccessible(true);
                    v = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                Optional<String> p = walk(join(path, c.getName()), v);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> walkJson(String path, JsonNode node) {
        if (node.isString()) {
            return problemIn(path.isEmpty() ? "body" : path, node.asString());
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> p = walkJson(path + "[" + i + "]", node.get(i));
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                Optional<String> p = problemIn(join(path, "(key)"), e.getKey()).or(() -> walkJson(join(path, e.getKey()), e.getValue()));
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The JSON path of a Jackson failure, e.g. {@code filter.children[2].operator}; empty at the root. */
    static String jsonPath(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Never echo a megabyte back: messages quoting client input are cut. */
    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
