package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders one record for the record-retrieval routes: {@code attributes}, then the requested
 * (or all readable) fields, with Salesforce's datetime format. Stand-in until the shared
 * renderer of the query helper is on main.
 */
final class SimpleRecordJson {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SimpleRecordJson() {
    }

    /** The fields a caller asked for ({@code fields=A,B}) or every field it may read. Call under the read lock. */
    static List<String> fieldList(SObjectType t, EffectiveAccess access, String fieldsParam) {
        List<String> out = new ArrayList<>();
        if (fieldsParam == null || fieldsParam.isBlank()) {
            for (FieldDef f : t.fields()) {
                if (access.canReadField(t, f)) {
                    out.add(f.name());
                }
            }
            return out;
        }
        for (String raw : fieldsParam.split(",")) {
            String name = raw.trim();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    static ObjectNode render(Org org, SObjectType t, Record r, List<String> fields, EffectiveAccess access, String apiVersion) {
        ObjectNode n = Json.object();
        ObjectNode attrs = n.putObject("attributes");
        attrs.put("type", t.name());
        attrs.put("url", DataJson.recordUrl(apiVersion, t.name(), r.id()));
        for (String name : fields) {
            int dot = name.indexOf('.');
            if (dot > 0) {
                renderParent(org, t, r, name.substring(0, dot), name.substring(dot + 1), n, access, apiVersion);
                continue;
            }
            FieldDef f = t.field(name).filter(x -> access.canReadField(t, x)).orElseThrow(() -> noSuchColumn(name, t));
            put(n, f.name(), r.get(f));
        }
        return n;
    }

    private static void renderParent(Org org, SObjectType t, Record r, String relationship, String field, ObjectNode n,
            EffectiveAccess access, String apiVersion) {
        FieldDef lookup = t.relationship(relationship).filter(x -> access.canReadField(t, x))
                .orElseThrow(() -> noSuchColumn(relationship + "." + field, t));
        Object id = r.get(lookup);
        Optional<SObjectType> pt = id == null ? Optional.empty() : org.typeForId(id.toString());
        Record parent = pt.map(x -> org.store(x).get(id.toString())).orElse(null);
        String key = lookup.relationshipName();
        if (parent == null) {
            n.putNull(key);
            return;
        }
        ObjectNode pn = n.has(key) && n.get(key).isObject() ? (ObjectNode) n.get(key) : n.putObject(key);
        if (!pn.has("attributes")) {
            ObjectNode attrs = pn.putObject("attributes");
            attrs.put("type", pt.get().name());
            attrs.put("url", DataJson.recordUrl(apiVersion, pt.get().name(), parent.id()));
        }
        FieldDef f = pt.get().field(field).filter(x -> access.canReadField(pt.get(), x))
                .orElseThrow(() -> noSuchColumn(relationship + "." + field, t));
        put(pn, f.name(), parent.get(f));
    }

    static ApiException noSuchColumn(String name, SObjectType t) {
        return ApiException.of(400, "INVALID_FIELD", "No such column '" + name + "' on entity '" + t.name()
                + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field "
                + "name. Please reference your WSDL or the describe call for the appropriate names.");
    }

    static void put(ObjectNode n, String key, Object v) {
        if (v == null) {
            n.putNull(key);
        } else if (v instanceof String s) {
            n.put(key, s);
        } else if (v instanceof Boolean b) {
            n.put(key, b);
        } else if (v instanceof Integer i) {
            n.put(key, i);
        } else if (v instanceof Double d) {
            n.put(key, d);
        } else if (v instanceof Instant i) {
            n.put(key, DATETIME.format(i));
        } else if (v instanceof LocalDate d) {
            n.put(key, d.toString());
        } else {
            n.put(key, v.toString());
        }
    }
}
