package dev.crosswalk.emulator.model;

import dev.crosswalk.emulator.model.SObjectType.AccessModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Salesforce's standard objects built from data: {@code standard-objects.json} next to this class lists
 * each object's documented fields (name, type, length, label, flags such as required or read-only,
 * lookup targets, picklist values, compound address fields). Adding a field is a line of data, not code.
 * Parsed once per JVM; every org gets fresh {@link SObjectType} instances built from it.
 */
public final class StandardObjects {
    private static final String RESOURCE = "standard-objects.json";
    private static final JsonNode DATA = load();

    private StandardObjects() {
    }

    /** The object names the file defines, in file order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        DATA.get("objects").forEach(o -> out.add(o.get("name").asString()));
        return out;
    }

    /** The setup object names ({@code setupObjects}), in file order; {@code packaging} ones only if asked. */
    public static List<String> setupNames(boolean packagingOnly) {
        List<String> out = new ArrayList<>();
        DATA.path("setupObjects").forEach(o -> {
            if (!packagingOnly || o.path("packaging").asBoolean(false)) {
                out.add(o.get("name").asString());
            }
        });
        return out;
    }

    /** A new type for {@code name} (a standard or setup object) with Id first, the listed fields, then the audit fields. */
    public static SObjectType build(String name) {
        for (String section : List.of("objects", "setupObjects")) {
            for (JsonNode o : DATA.path(section)) {
                if (o.get("name").asString().equals(name)) {
                    return build(o);
                }
            }
        }
        throw new IllegalArgumentException("not a standard object in " + RESOURCE + ": " + name);
    }

    /**
     * A read-only view without records of its own ({@code ActivityHistory}, {@code OpenActivity}): its
     * child relationship name, whether it shows closed or open activities, and its type (no key prefix).
     */
    public record VirtualObject(String relationshipName, boolean closed, SObjectType type) {
    }

    /** The virtual objects of the file ({@code virtualObjects}), built once: they are never changed. */
    public static List<VirtualObject> virtualObjects() {
        return VirtualHolder.ALL;
    }

    private static final class VirtualHolder {
        static final List<VirtualObject> ALL = buildVirtual();

        private static List<VirtualObject> buildVirtual() {
            List<VirtualObject> out = new ArrayList<>();
            DATA.path("virtualObjects").forEach(o -> {
                SObjectType t = StandardSchema.newType(o.get("name").asString(), o.get("label").asString(),
                        o.get("plural").asString(), null, AccessModel.CRUD);
                o.get("fields").forEach(f -> t.addField(field(f)));
                out.add(new VirtualObject(o.get("relationship").asString(), o.get("closed").asBoolean(),
                        StandardSchema.withAudit(t)));
            });
            return List.copyOf(out);
        }
    }

    private static SObjectType build(JsonNode o) {
        SObjectType t = StandardSchema.newType(o.get("name").asString(), o.get("label").asString(),
                o.get("plural").asString(), o.get("prefix").asString(), AccessModel.valueOf(o.get("access").asString()));
        for (JsonNode f : o.get("fields")) {
            t.addField(field(f));
        }
        if (o.path("systemPermissions").asBoolean(false)) {
            for (String p : StandardSchema.SYSTEM_PERMISSIONS) {
                t.addField(FieldDef.builder(p, FieldType.BOOLEAN).build());
            }
        }
        if (o.has("autoNumber")) {
            t.autoNumberFormat(o.get("autoNumber").asString());
        }
        return StandardSchema.withAudit(t);
    }

    private static FieldDef field(JsonNode f) {
        String name = f.get("name").asString();
        FieldType type = type(name, f.get("type").asString());
        FieldDef.Builder b = FieldDef.builder(name, type);
        if (f.has("label")) {
            b.label(f.get("label").asString());
        }
        if (f.has("length")) {
            b.length(f.get("length").asInt());
        }
        if (f.has("precision")) {
            b.precision(f.get("precision").asInt(), f.path("scale").asInt(0));
        }
        if (f.has("to")) {
            List<String> targets = new ArrayList<>();
            f.get("to").forEach(x -> targets.add(x.asString()));
            b.reference(f.get("relationship").asString(), targets.toArray(String[]::new));
        }
        List<String> values = new ArrayList<>();
        if (f.has("picklist")) {
            JsonNode named = DATA.get("picklists").get(f.get("picklist").asString());
            if (named == null) {
                throw new IllegalStateException(RESOURCE + ": unknown picklist " + f.get("picklist") + " of " + name);
            }
            named.forEach(v -> values.add(v.asString()));
        }
        f.path("values").forEach(v -> values.add(v.asString()));
        if (!values.isEmpty()) {
            b.picklist(values, f.path("restricted").asBoolean(false));
        }
        for (JsonNode flag : f.path("flags")) {
            switch (flag.asString()) {
                case "required" -> b.required();
                case "readOnly" -> b.readOnly();
                case "createOnly" -> b.createOnly();
                case "nameField" -> b.nameField();
                case "unique" -> b.unique();
                case "externalId" -> b.externalId();
                case "notPermissionable" -> b.notPermissionable();
                case "defaultedOnCreate" -> b.defaultedOnCreate();
                case "system" -> b.system();
                default -> throw new IllegalStateException(RESOURCE + ": unknown flag " + flag + " of " + name);
            }
        }
        return b.build();
    }

    private static FieldType type(String field, String name) {
        try {
            return FieldType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + ": unknown type " + name + " of " + field, e);
        }
    }

    private static JsonNode load() {
        try (InputStream in = StandardObjects.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field name → picklist values, for code that needs a named list (the seed generator). */
    static Map<String, List<String>> picklists() {
        Map<String, List<String>> out = new HashMap<>();
        DATA.get("picklists").properties().forEach(e -> {
            List<String> v = new ArrayList<>();
            e.getValue().forEach(x -> v.add(x.asString()));
            out.put(e.getKey(), List.copyOf(v));
        });
        return out;
    }
}
