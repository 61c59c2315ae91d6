package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.data.ApiError;
import dev.crosswalk.emulator.data.DataService;
import dev.crosswalk.emulator.data.RecordInput;
import dev.crosswalk.emulator.data.RecordWrite;
import dev.crosswalk.emulator.data.SaveResult;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes rows of a Bulk job (2.0 ingest and 1.0 batches alike) through {@link DataService}: header
 * checks, duplicate external ids, one {@link Row} per input row in input order. Both APIs hand rows as
 * a header of field names and cells of text ({@code #N/A} for null), whatever the upload's format was.
 */
final class RowWriter {

    /** What a row does. Bulk 2.0 ingest and Bulk 1.0 share these names. */
    enum Operation {
        insert, update, upsert, delete, hardDelete
    }

    /** The outcome of one data row; {@code error} is null on success. */
    record Row(List<String> cells, String id, boolean created, ApiError error) {
        boolean success() {
            return error == null;
        }
    }

    private final DataService data;

    RowWriter(DataService data) {
        this.data = data;
    }

    /** Null when every column names a field (or a {@code Relationship.Field} lookup) of the object. */
    static String checkHeader(Operation operation, String externalIdFieldName, SObjectType type, List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column.toLowerCase(Locale.ROOT))) {
                return "InvalidBatch : Duplicate field name : " + column;
            }
            int dot = column.indexOf('.');
            boolean known = dot > 0
                    ? type.fields().stream().anyMatch(f -> f.isReference() && f.relationshipName() != null
                            && f.relationshipName().equalsIgnoreCase(column.substring(0, dot)))
                    : type.field(column).isPresent();
            if (!known) {
                return "InvalidBatch : Field name not found : " + column;
            }
        }
        boolean byId = operation == Operation.delete || operation == Operation.hardDelete;
        if (byId && !seen.contains("id")) {
            return "InvalidBatch : Field name not found : Id";
        }
        // Upsert on Id without an Id column: every row is an insert, as in Salesforce.
        if (operation == Operation.upsert && !externalIdFieldName.equalsIgnoreCase("Id")
                && !seen.contains(externalIdFieldName.toLowerCase(Locale.ROOT))) {
            return "InvalidBatch : Field name not found : " + externalIdFieldName;
        }
        return null;
    }

    /**
     * Writes one chunk (at most 200 rows: Salesforce's trigger chunk) under one acquisition of the org's
     * write lock per DataService call. {@code duplicateKeys} are external ids that occur more than once
     * in the whole job or batch: every such row fails.
     */
    List<Row> write(Org org, String userId, Operation operation, SObjectType type, String externalIdFieldName,
            List<String> header, List<List<String>> chunk, Set<String> duplicateKeys) {
        Row[] out = new Row[chunk.size()];
        List<Integer> positions = new ArrayList<>();
        List<RecordInput> inputs = new ArrayList<>();
        int extColumn = operation == Operation.upsert ? indexOf(header, externalIdFieldName) : -1;
        FieldDef extField = extColumn < 0 ? null : type.field(externalIdFieldName).orElseThrow();
        for (int i = 0; i < chunk.size(); i++) {
            List<String> cells = chunk.get(i);
            if (cells.size() != header.size()) {
                out[i] = new Row(cells, null, false, ApiError.of("INVALID_INPUT", "The row has " + cells.size()
                        + " values but the header has " + header.size() + " columns"));
                continue;
            }
            if (extField != null && duplicateKeys.contains(key(extField, cells.get(extColumn)))) {
                out[i] = new Row(cells, null, false, ApiError.duplicateExternalId(extField.name(), cells.get(extColumn)));
                continue;
            }
            positions.add(i);
            inputs.add(RecordInput.fromCsv(header, cells));
        }
        List<SaveResult> saved = inputs.isEmpty() ? List.of()
                : save(org, userId, operation, type, externalIdFieldName, inputs);
        for (int k = 0; k < saved.size(); k++) {
            int i = positions.get(k);
            SaveResult r = saved.get(k);
            out[i] = r.success() ? new Row(chunk.get(i), r.id(), r.created(), null)
                    : new Row(chunk.get(i), r.id(), false, r.firstError() == null
                            ? ApiError.of("UNKNOWN_EXCEPTION", "An unexpected error occurred") : r.firstError());
        }
        return List.of(out);
    }

    private List<SaveResult> save(Org org, String user, Operation operation, SObjectType type, String externalId,
            List<RecordInput> inputs) {
        return switch (operation) {
            case insert -> data.create(org, user, inputs.stream().map(in -> RecordWrite.create(type.name(), in)).toList(), false);
            case update -> data.update(org, user,
                    inputs.stream().map(in -> RecordWrite.updateFromValues(type.name(), in)).toList(), false);
            case upsert -> data.upsert(org, user, type.name(), externalId, inputs, false);
            case delete -> deleteAll(org, user, type, inputs, false);
            case hardDelete -> deleteAll(org, user, type, inputs, true);
        };
    }

    /** Deletes by the Id column; a hard delete then purges the record instead of leaving it in the recycle bin. */
    private List<SaveResult> deleteAll(Org org, String user, SObjectType type, List<RecordInput> inputs, boolean hard) {
        List<SaveResult> out = new ArrayList<>(inputs.size());
        List<String> ids = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (RecordInput in : inputs) {
            String id = in.find("Id").map(e -> e.getValue().asText()).orElse(null);
            if (id == null || id.isBlank()) {
                out.add(SaveResult.failed(ApiError.of("MISSING_ARGUMENT", "Id not specified in a delete call")));
            } else if (Ids.normalize(id).flatMap(org::typeForId).filter(t -> t == type).isEmpty()) {
                out.add(SaveResult.failed(id, ApiError.malformedId(id)));
            } else {
                out.add(null);
                ids.add(id);
                at.add(out.size() - 1);
            }
        }
        if (!ids.isEmpty()) {
            List<SaveResult> deleted = data.delete(org, user, ids, false);
            for (int k = 0; k < deleted.size(); k++) {
                out.set(at.get(k), deleted.get(k));
            }
            if (hard) {
                org.writeRun(() -> deleted.stream().filter(SaveResult::success)
                        .forEach(r -> org.store(type).remove(r.id())));
            }
        }
        return out;
    }

    /** External-id values that occur more than once in the data: every such row fails. */
    static Set<String> duplicateExternalIds(FieldDef field, List<String> header, List<List<String>> rows) {
        int column = indexOf(header, field.name());
        Map<String, Integer> counts = new HashMap<>();
        if (column < 0) {
            return Set.of();
        }
        for (List<String> row : rows) {
            if (column < row.size() && row.size() == header.size()) {
                String k = key(field, row.get(column));
                if (k != null) {
                    counts.merge(k, 1, Integer::sum);
                }
            }
        }
        Set<String> duplicates = new HashSet<>();
        counts.forEach((k, n) -> {
            if (n > 1) {
                duplicates.add(k);
            }
        });
        return duplicates;
    }

    /** How upsert compares external ids: text case-insensitively unless the field is case-sensitive. */
    private static String key(FieldDef field, String value) {
        if (value == null || value.isEmpty() || value.equals(RecordInput.CSV_NULL)) {
            return null;
        }
        if (field.type() == FieldType.ID) {
            return Ids.normalize(value).orElse(value);
        }
        return field.type().isText() && !field.caseSensitive() ? value.toLowerCase(Locale.ROOT) : value;
    }

    static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --}, the shape Salesforce writes. */
    static String sfError(ApiError error) {
        if (error == null) {
            return "UNKNOWN_EXCEPTION:An unexpected error occurred:--";
        }
        String fields = error.fields().isEmpty() ? "--" : String.join(",", error.fields()) + " --";
        return error.statusCode() + ":" + error.message() + ":" + fields;
    }
}
