package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.RecordStore;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.rules.RowRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state of one batch: who writes, what to undo, indexes built on demand. */
final class WriteBatch {
    private final EmulatorState state;
    private final Org org;
    private final String userId;
    private final WriteAccess access;
    private final Journal journal;
    private final BatchIndexes indexes;
    private final FieldChecks checks;

    /**
     * @param undoable whether the batch may have to be undone (allOrNone, or inside a transaction):
     *                 only then are snapshots kept
     */
    WriteBatch(EmulatorState state, Org org, String userId, WriteAccess access, boolean undoable) {
        this.journal = new Journal(undoable);
        this.state = state;
        this.org = org;
        this.userId = userId;
        this.access = access;
        this.indexes = new BatchIndexes(org);
        this.checks = new FieldChecks(state, org, access, indexes);
    }

    /** What this batch changed, for rollback or hand-over to an enclosing transaction. */
    Journal journal() {
        return journal;
    }

    /** After a commit: the batch's indexes are current and may serve the next batch. */
    void publishIndexes() {
        indexes.publish();
    }

    /** A type the caller can see, or the error Salesforce gives for an unknown type. */
    private Optional<SObjectType> visibleType(String name) {
        return name == null ? Optional.empty() : org.type(name).filter(access::canRead);
    }

    SaveResult create(RecordWrite w) {
        Optional<SObjectType> t = visibleType(w.type());
        if (t.isEmpty()) {
            return SaveResult.failed(ApiError.invalidType(w.type() == null ? "null" : w.type()));
        }
        if (w.id() != null || w.values().find("Id").isPresent()) {
            return SaveResult.failed(ApiError.idInCreate());
        }
        return insert(t.get(), w.values());
    }

    private SaveResult insert(SObjectType t, RecordInput values) {
        if (!access.object(t).create()) {
            return SaveResult.failed(ApiError.insufficientAccess());
        }
        FieldChecks.Prepared p = checks.prepare(t, values, null);
        if (p.error() != null) {
            return SaveResult.failed(p.error());
        }
        List<String> missing = new ArrayList<>();
        for (FieldDef f : t.fields()) {
            if (!f.required() || f.system()) {
                continue;
            }
            boolean given = p.changes().containsKey(f) && p.changes().get(f) != null;
            if (!given && f.defaultedOnCreate() && !f.picklistValues().isEmpty()) {
                // e.g. Lead.Status: the picklist's default (its first value).
                p.changes().put(f, f.picklistValues().get(0));
            } else if (!given && !f.defaultedOnCreate()) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            return SaveResult.failed(ApiError.requiredMissing(missing));
        }
        ApiError duplicate = checks.checkUnique(t, p.changes(), null);
        if (duplicate != null) {
            return SaveResult.failed(duplicate);
        }
        ApiError refused = RowRules.check(org, t, p.changes(), null); // validation rules (rules/)
        if (refused != null) {
            return SaveResult.failed(refused);
        }
        Record r = RecordLifecycle.create(org, t, userId);
        journal.created(org.store(t), r);
        apply(t, r, p.changes());
        PlatformDefaults.apply(org, t, r, p.changes());
        RecordLifecycle.recomputeName(t, r);
        indexes.indexAll(t, r, true);
        return SaveResult.created(r.id());
    }

    SaveResult update(RecordWrite w) {
        if (w.id() == null || w.id().isBlank()) {
            return SaveResult.failed(ApiError.of("MISSING_ARGUMENT", "Id not specified in an update call"));
        }
        Optional<String> id18 = Ids.normalize(w.id());
        if (id18.isEmpty()) {
            return SaveResult.failed(w.id(), ApiError.malformedId(w.id()));
        }
        Optional<SObjectType> byPrefix = org.typeForId(id18.get());
        SObjectType t;
        if (w.type() != null) {
            Optional<SObjectType> declared = visibleType(w.type());
            if (declared.isEmpty()) {
                return SaveResult.failed(id18.get(), ApiError.invalidType(w.type()));
            }
            t = declared.get();
            if (byPrefix.isEmpty() || byPrefix.get() != t) {
                return SaveResult.failed(id18.get(), ApiError.malformedId(w.id()));
            }
        } else {
            if (byPrefix.isEmpty() || !access.canRead(byPrefix.get())) {
                return SaveResult.failed(id18.get(), ApiError.invalidCrossReference());
            }
            t = byPrefix.get();
        }
        Record r = org.store(t).get(id18.get());
        if (r == null) {
            return SaveResult.failed(id18.get(), ApiError.invalidCrossReference());
        }
        return modify(t, r, w.values());
    }

    private SaveResult modify(SObjectType t, Record r, RecordInput values) {
        if (RecordLifecycle.isDeleted(t, r)) {
            return SaveResult.failed(r.id(), ApiError.entityIsDeleted());
        }
        if (!access.object(t).edit()) {
            return SaveResult.failed(r.id(), ApiError.insufficientAccess());
        }
        FieldChecks.Prepared p = checks.prepare(t, values.without("Id"), r);
        if (p.error() != null) {
            return SaveResult.failed(r.id(), p.error());
        }
        List<String> cleared = p.changes().entrySet().stream()
                .filter(e -> e.getKey().required() && e.getValue() == null).map(e -> e.getKey().name()).toList();
        if (!cleared.isEmpty()) {
            return SaveResult.failed(r.id(), ApiError.requiredMissing(cleared));
        }
        ApiError duplicate = checks.checkUnique(t, p.changes(), r);
        if (duplicate != null) {
            return SaveResult.failed(r.id(), duplicate);
        }
        ApiError refused = RowRules.check(org, t, p.changes(), r); // validation rules (rules/)
        if (refused != null) {
            return SaveResult.failed(r.id(), refused);
        }
        journal.beforeChange(r);
        indexes.indexAll(t, r, false);
        apply(t, r, p.changes());
        RecordLifecycle.touch(org, t, r, userId);
        indexes.indexAll(t, r, true);
        return SaveResult.updated(r.id());
    }

    List<SaveResult> upsertAll(String typeName, String externalIdField, List<RecordInput> records) {
        Optional<SObjectType> t = visibleType(typeName);
        if (t.isEmpty()) {
            return records.stream().map(x -> SaveResult.failed(ApiError.invalidType(typeName))).toList();
        }
        Optional<FieldDef> ext = t.get().field(externalIdField == null ? "" : externalIdField)
                .filter(f -> f.idLookup() && access.canReadField(t.get(), f));
        if (ext.isEmpty()) {
            ApiError e = ApiError.of("INVALID_FIELD", "Provided external ID field does not exist or is not accessible: "
                    + externalIdField);
            return records.stream().map(x -> SaveResult.failed(e)).toList();
        }
        FieldDef f = ext.get();
        // The same external id twice in one call is ambiguous: Salesforce rejects every occurrence.
        List<Object> keys = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (RecordInput in : records) {
            Object v = externalValue(f, in);
            keys.add(v);
            String k = v instanceof ApiError ? null : ValueIndex.key(f, v);
            if (k != null) {
                counts.merge(k, 1, Integer::sum);
            }
        }
        List<SaveResult> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            out.add(upsertOne(t.get(), f, records.get(i), keys.get(i), counts));
        }
        return out;
    }

    /** The external-id value of an input, converted to the field's type; an ApiError if it is unusable. */
    private Object externalValue(FieldDef f, RecordInput in) {
        Optional<Map.Entry<String, FieldInput>> e = in.find(f.name());
        if (e.isEmpty() || e.get().getValue().isNull()) {
            return null;
        }
        if (f.type() == FieldType.ID) {
            String s = e.get().getValue().asText();
            return s == null || s.isBlank() ? null : Ids.normalize(s).<Object>map(x -> x).orElse(ApiError.malformedId(s));
        }
        if (e.get().getValue() instanceof FieldInput.ParentRef) {
            return ApiError.of("INVALID_FIELD", "Invalid value for external id field " + f.name());
        }
        ValueCoercer.Coerced c = ValueCoercer.coerce(f, e.get().getValue());
        return c.failed() ? c.error() : c.value();
    }

    private SaveResult upsertOne(SObjectType t, FieldDef f, RecordInput in, Object value, Map<String, Integer> counts) {
        if (value instanceof ApiError error) {
            return SaveResult.failed(error);
        }
        if (f.type() == FieldType.ID) {
            if (value == null) {
                return insert(t, in.without("Id"));
            }
            Record r = org.store(t).get((String) value);
            if (r == null) {
                return SaveResult.failed((String) value, ApiError.invalidCrossReference());
            }
            return modify(t, r, in.without("Id"));
        }
        if (value == null) {
            return SaveResult.failed(ApiError.of("MISSING_ARGUMENT", f.name() + " not specified", List.of(f.name())));
        }
        String key = ValueIndex.key(f, value);
        if (counts.getOrDefault(key, 0) > 1) {
            return SaveResult.failed(ApiError.duplicateExternalId(f.name(), String.valueOf(value)));
        }
        List<Record> matches = indexes.index(t, f).find(value);
        return switch (matches.size()) {
            case 0 -> insert(t, in);
            case 1 -> modify(t, matches.get(0), in.without(f.name()));
            default -> SaveResult.failed(ApiError.duplicateExternalId(f.name(), String.valueOf(value)));
        };
    }

    SaveResult delete(String id) {
        Located l = locate(id);
        if (l.error != null) {
            return SaveResult.failed(l.id18, l.error);
        }
        if (RecordLifecycle.isDeleted(l.type, l.record)) {
            return SaveResult.failed(l.record.id(), ApiError.entityIsDeleted());
        }
        if (!access.object(l.type).delete()) {
            return SaveResult.failed(l.record.id(), ApiError.insufficientAccess());
        }
        indexes.indexAll(l.type, l.record, false);
        if (l.type.accessModel() == SObjectType.AccessModel.CRUD) {
            journal.beforeChange(l.record);
            RecordLifecycle.softDelete(org, l.type, l.record, userId);
        } else {
            // Setup objects have no recycle bin: deleting a PermissionSetAssignment removes it.
            RecordStore store = org.store(l.type);
            store.remove(l.record.id());
            journal.removed(store, l.record);
            org.setupChanged();
        }
        return SaveResult.updated(l.record.id());
    }

    SaveResult undelete(String id) {
        Located l = locate(id);
        if (l.error != null) {
            return SaveResult.failed(l.id18, l.error);
        }
        if (!RecordLifecycle.isDeleted(l.type, l.record)) {
            return SaveResult.failed(l.record.id(), ApiError.of("UNDELETE_FAILED", "Entity is not in the recycle bin"));
        }
        if (!access.object(l.type).delete()) {
            return SaveResult.failed(l.record.id(), ApiError.insufficientAccess());
        }
        ApiError duplicate = checks.checkUnique(l.type, currentValues(l.type, l.record), l.record);
        if (duplicate != null) {
            return SaveResult.failed(l.record.id(), duplicate);
        }
        journal.beforeChange(l.record);
        RecordLifecycle.undelete(org, l.type, l.record, userId);
        indexes.indexAll(l.type, l.record, true);
        return SaveResult.updated(l.record.id());
    }

    private record Located(String id18, SObjectType type, Record record, ApiError error) {
    }

    private Located locate(String id) {
        Optional<String> id18 = Ids.normalize(id);
        if (id18.isEmpty()) {
            return new Located(null, null, null, ApiError.malformedId(String.valueOf(id)));
        }
        Optional<SObjectType> t = org.typeForId(id18.get()).filter(access::canRead);
        Record r = t.map(x -> org.store(x).get(id18.get())).orElse(null);
        if (r == null) {
            return new Located(id18.get(), null, null, ApiError.invalidCrossReference());
        }
        return new Located(id18.get(), t.get(), r, null);
    }

    private static Map<FieldDef, Object> currentValues(SObjectType t, Record r) {
        Map<FieldDef, Object> out = new LinkedHashMap<>();
        for (FieldDef f : t.fields()) {
            out.put(f, r.get(f));
        }
        return out;
    }

    private static void apply(SObjectType t, Record r, Map<FieldDef, Object> changes) {
        changes.forEach(r::set);
    }

}
