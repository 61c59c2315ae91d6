package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.model.CompoundFields;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders stored records the way Salesforce's REST API does: an {@code attributes} object
 * ({@code type} and {@code url}) first, then the fields in the order asked for, keyed by their
 * API names in schema casing; parent fields reached through lookups ({@code Owner.Name}) become
 * nested objects with their own {@code attributes}, or {@code null} when the lookup is empty.
 *
 * <p>Values: datetimes as {@code 2013-05-20T20:49:32.000+0000} (UTC, milliseconds, no colon in the
 * offset), dates as {@code YYYY-MM-DD}, INT as JSON integers, doubles as JSON numbers, booleans as
 * booleans, everything else as strings.
 *
 * <p>Shared by query results, record GET, sObject Collections and Bulk. Read records under the
 * org's read lock. One instance per org and API version (the version appears in every url).
 */
public final class RecordJson {
    /** Salesforce's REST datetime format: {@code 2013-05-20T20:49:32.000+0000}. */
    public static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Org org;
    private final String apiVersion;

    /**
     * @param apiVersion the request's version without the {@code v}, e.g. {@code 59.0}
     */
    public RecordJson(Org org, String apiVersion) {
        this.org = org;
        this.apiVersion = apiVersion;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** {@code /services/data/v59.0/sobjects/Account/001…} */
    public String recordUrl(SObjectType type, String id) {
        return "/services/data/v" + apiVersion + "/sobjects/" + type.name() + "/" + id;
    }

    /** {@code {"type": "Account", "url": "/services/data/v59.0/sobjects/Account/<id>"}} */
    public ObjectNode attributes(SObjectType type, String id) {
        ObjectNode a = Json.object();
        a.put("type", type.name());
        a.put("url", recordUrl(type, id));
        return a;
    }

    /** A record with the given fields of its own type (no relationship paths), in the given order. */
    public ObjectNode fields(SObjectType type, Record record, List<FieldDef> fields) {
        ObjectNode n = Json.object();
        n.set("attributes", attributes(type, record.id()));
        for (FieldDef f : fields) {
            n.set(f.name(), value(f, raw(type, record, f)));
        }
        return n;
    }

    /** Every field the user may read, in schema order, nulls included: the body of a record GET. */
    public ObjectNode allReadable(SObjectType type, Record record, EffectiveAccess access) {
        return fields(type, record, readableFields(type, access));
    }

    /** The fields of a type the user may read (field-level security), in schema order. */
    public static List<FieldDef> readableFields(SObjectType type, EffectiveAccess access) {
        List<FieldDef> out = new ArrayList<>();
        for (FieldDef f : type.fields()) {
            if (access.canReadField(type, f)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * A record with selected paths such as {@code Name}, {@code Owner.Name}, {@code Owner.Profile.Name}.
     * Paths sharing a relationship share one nested object, placed where the relationship first
     * appears; an empty or dangling lookup renders as {@code "Owner": null}. Names are matched
     * case-insensitively and rendered in schema casing. Access must have been checked beforehand
     * (the SOQL engine does it when it prepares a query).
     */
    public ObjectNode select(SObjectType type, Record record, List<FieldPath> paths) {
        return select(type, record, PathTree.of(paths));
    }

    /** The same, with the path tree built once for many records (a page of query results). */
    public ObjectNode select(SObjectType type, Record record, PathTree tree) {
        ObjectNode n = Json.object();
        n.set("attributes", attributes(type, record.id()));
        for (Map.Entry<String, Object> e : tree.children.entrySet()) {
            if (e.getValue() instanceof PathTree sub) {
                Optional<FieldDef> lookup = type.relationship(e.getKey());
                if (lookup.isEmpty()) {
                    n.putNull(e.getKey());
                    continue;
                }
                String key = lookup.get().relationshipName();
                Record parent = parent(record, lookup.get());
                if (parent == null) {
                    n.putNull(key);
                } else {
                    n.set(key, select(org.typeForId(parent.id()).orElseThrow(), parent, sub));
                }
            } else {
                String name = (String) e.getValue();
                Optional<FieldDef> f = type.field(name);
                if (f.isPresent()) {
                    n.set(f.get().name(), value(f.get(), raw(type, record, f.get())));
                } else {
                    // A polymorphic lookup whose actual target lacks the field: Salesforce renders null.
                    n.putNull(name);
                }
            }
        }
        return n;
    }

    /** The record a lookup points to, or null when empty or dangling. */
    public Record parent(Record record, FieldDef lookup) {
        Object id = record.get(lookup);
        if (!(id instanceof String s) || s.isEmpty()) {
            return null;
        }
        return org.findRecord(s).orElse(null);
    }

    /** The same, computing compound address fields from their components. */
    public static Object raw(SObjectType type, Record record, FieldDef field) {
        if (field.type() == FieldType.ADDRESS) {
            return CompoundFields.value(type, field, record);
        }
        return raw(record, field);
    }

    /** The stored Java value of a field; the Id field always yields the record's 18-character id. */
    public static Object raw(Record record, FieldDef field) {
        if (field.type() == FieldType.ID) {
            return record.id();
        }
        return record.get(field);
    }

    /** A stored value as JSON in Salesforce's REST representation. */
    public static JsonNode value(FieldDef field, Object v) {
        return value(v);
    }

    /** A Java value (String, Boolean, Integer, Double, LocalDate, Instant…) as Salesforce renders it. */
    public static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.stringNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof BigDecimal b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        if (v instanceof Instant t) {
            return NODES.stringNode(DATETIME.format(t));
        }
        if (v instanceof LocalDate d) {
            return NODES.stringNode(d.toString());
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        return NODES.stringNode(v.toString());
    }

    /** {@code 2013-05-20T20:49:32.000+0000} */
    public static String datetime(Instant t) {
        return DATETIME.format(t);
    }

    /** A dotted path of a SELECT item: relationship names, then a field name. */
    public record FieldPath(List<String> relationships, String field) {
        public FieldPath {
            relationships = List.copyOf(relationships);
        }

        /** {@code "Owner.Profile.Name"} → relationships {@code [Owner, Profile]}, field {@code Name}. */
        public static FieldPath parse(String dotted) {
            String[] parts = dotted.split("\\.");
            return new FieldPath(List.of(parts).subList(0, parts.length - 1), parts[parts.length - 1]);
        }

        public static FieldPath of(String field) {
            return new FieldPath(List.of(), field);
        }
    }

    /**
     * SELECT paths grouped by relationship, in first-appearance order: values are either a nested
     * tree (a relationship) or the leaf field name as written.
     */
    public static final class PathTree {
        private final Map<String, Object> children = new LinkedHashMap<>();

        private PathTree() {
        }

        public static PathTree of(List<FieldPath> paths) {
            PathTree root = new PathTree();
            for (FieldPath p : paths) {
                PathTree node = root;
                for (String rel : p.relationships()) {
                    String key = rel.toLowerCase(Locale.ROOT);
                    Object existing = node.children.get(key);
                    if (existing instanceof PathTree t) {
                        node = t;
                    } else {
                        PathTree t = new PathTree();
                        node.children.put(key, t);
                        node = t;
                    }
                }
                // The marker keeps a field and a relationship of the same name apart.
                node.children.putIfAbsent(p.field().toLowerCase(Locale.ROOT) + "\u0000", p.field());
            }
            return root;
        }
    }
}
