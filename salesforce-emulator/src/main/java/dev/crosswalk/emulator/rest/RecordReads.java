package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The field selection of record-retrieval routes ({@code ?fields=Name,Owner.Name}): checked
 * against the caller's field-level security once, then rendered per record by {@link RecordJson}.
 * Without a selection a record shows every field the caller may read.
 */
final class RecordReads {
    private final SObjectType type;
    private final EffectiveAccess access;
    /** Null: every readable field. */
    private final RecordJson.PathTree paths;

    private RecordReads(SObjectType type, EffectiveAccess access, RecordJson.PathTree paths) {
        this.type = type;
        this.access = access;
        this.paths = paths;
    }

    /** Checks a {@code fields} parameter; an unknown or hidden field is {@code INVALID_FIELD} (400). */
    static RecordReads of(Org org, SObjectType type, EffectiveAccess access, String fieldsParam) {
        if (fieldsParam == null || fieldsParam.isBlank()) {
            return new RecordReads(type, access, null);
        }
        List<RecordJson.FieldPath> list = new ArrayList<>();
        for (String raw : fieldsParam.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            RecordJson.FieldPath path = RecordJson.FieldPath.parse(name);
            SObjectType current = type;
            for (String rel : path.relationships()) {
                SObjectType from = current;
                FieldDef lookup = from.relationship(rel).filter(f -> access.canReadField(from, f))
                        .orElseThrow(() -> noSuchColumn(name, type));
                current = lookup.referenceTo().stream().map(org::type).flatMap(Optional::stream)
                        .filter(access::canRead).findFirst().orElseThrow(() -> noSuchColumn(name, type));
            }
            SObjectType leafType = current;
            leafType.field(path.field()).filter(f -> access.canReadField(leafType, f))
                    .orElseThrow(() -> noSuchColumn(name, type));
            list.add(path);
        }
        return new RecordReads(type, access, RecordJson.PathTree.of(list));
    }

    /** One record as JSON. Call under the org's read lock. */
    ObjectNode render(RecordJson json, Record r) {
        return paths == null ? json.allReadable(type, r, access) : json.select(type, r, paths);
    }

    static ApiException noSuchColumn(String name, SObjectType t) {
        return ApiException.of(400, "INVALID_FIELD", "No such column '" + name + "' on entity '" + t.name()
                + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field "
                + "name. Please reference your WSDL or the describe call for the appropriate names.");
    }
}
