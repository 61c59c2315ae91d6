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
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.security.ObjectAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The one place where records are created, updated, upserted, deleted and undeleted, whichever
 * door the write came in by (REST, sObject Collections, Composite, Bulk API 2.0 ingest).
 *
 * <p>Every operation works on a batch and answers one {@link SaveResult} per record, in input
 * order, instead of throwing: a record that fails validation or permission checks reports
 * Salesforce's status code and message while the others go on. With {@code allOrNone} any
 * failure undoes the whole batch and the records that were fine report
 * {@code ALL_OR_NONE_OPERATION_ROLLED_BACK}. A batch runs under the org's write lock, so readers
 * never see half of it.
 *
 * <p>{@code userId} is the acting user whose permissions apply and who becomes owner and
 * creator; {@code null} is the system context (admin API, seeding): no permission checks.
 *
 * <p>Checks, in Salesforce's order: object type and object permissions, unknown or hidden
 * fields ({@code INVALID_FIELD}), non-writable fields and field-level security
 * ({@code INVALID_FIELD_FOR_INSERT_UPDATE}), value types and formats, required fields, lookup
 * targets, unique values. Audit fields and {@code SystemModstamp} come from {@link RecordLifecycle}.
 */
public final class DataService {
    /** The journal of an enclosing {@link #transaction} on this thread (Composite with allOrNone). */
    private static final ThreadLocal<Journal> TRANSACTION = new ThreadLocal<>();

    private final EmulatorState state;

    public DataService(EmulatorState state) {
        this.state = state;
    }

    // ---------------------------------------------------------------- batch operations

    /** Inserts records; each {@link RecordWrite#type()} names its sObject type. */
    public List<SaveResult> create(Org org, String userId, List<RecordWrite> records, boolean allOrNone) {
        return inBatch(org, userId, allOrNone, b -> records.stream().map(b::create).toList());
    }

    /** Updates records by id; only the given fields change ({@code null} clears one). */
    public List<SaveResult> update(Org org, String userId, List<RecordWrite> records, boolean allOrNone) {
        return inBatch(org, userId, allOrNone, b -> records.stream().map(b::update).toList());
    }

    /**
     * Inserts or updates records of one type matched on {@code externalIdField} (or {@code Id}):
     * no match → insert ({@code created=true}), one → update, more than one or the same value
     * twice in the batch → {@code DUPLICATE_EXTERNAL_ID}. Matching is case-insensitive.
     * Each input carries its own external-id value.
     */
    public List<SaveResult> upsert(Org org, String userId, String type, String externalIdField, List<RecordInput> records,
            boolean allOrNone) {
        return inBatch(org, userId, allOrNone, b -> b.upsertAll(type, externalIdField, records));
    }

    /** Moves records to the recycle bin (setup objects, which have none, are removed). */
    public List<SaveResult> delete(Org org, String userId, List<String> ids, boolean allOrNone) {
        return inBatch(org, userId, allOrNone, b -> ids.stream().map(b::delete).toList());
    }

    /** Restores records from the recycle bin. */
    public List<SaveResult> undelete(Org org, String userId, List<String> ids, boolean allOrNone) {
        return inBatch(org, userId, allOrNone, b -> ids.stream().map(b::undelete).toList());
    }

    // ---------------------------------------------------------------- single-record shortcuts

    public SaveResult create(Org org, String userId, String type, RecordInput values) {
        return create(org, userId, List.of(RecordWrite.create(type, values)), false).get(0);
    }

    public SaveResult update(Org org, String userId, String type, String id, RecordInput values) {
        return update(org, userId, List.of(RecordWrite.update(type, id, values)), false).get(0);
    }

    public SaveResult upsert(Org org, String userId, String type, String externalIdField, RecordInput values) {
        return upsert(org, userId, type, externalIdField, List.of(values), false).get(0);
    }

    public SaveResult delete(Org org, String userId, String id) {
        return delete(org, userId, List.of(id), false).get(0);
    }

    public SaveResult undelete(Org org, String userId, String id) {
        return undelete(org, userId, List.of(id), false).get(0);
    }

    // ---------------------------------------------------------------- transactions and lookups

    /**
     * Runs several operations as one transaction under the org's write lock (Composite with
     * {@code allOrNone}): everything written inside is undone unless {@code body} returns true.
     */
    public void transaction(Org org, BooleanSupplier body) {
        org.writeRun(() -> {
            Journal outer = TRANSACTION.get();
            Journal journal = new Journal();
            TRANSACTION.set(journal);
            boolean commit = false;
            try {
                commit = body.getAsBoolean();
            } finally {
                TRANSACTION.set(outer);
                if (!commit) {
                    journal.rollback(org);
                } else if (outer != null) {
                    journal.mergeInto(outer);
                }
            }
        });
    }

    /**
     * Live (not deleted) records of a type whose field matches a value the way upsert matches:
     * the value is converted to the field's type, text compares case-insensitively.
     */
    public static List<Record> findMatching(Org org, SObjectType type, FieldDef field, String value) {
        if (value == null) {
            return List.of();
        }
        return org.read(() -> {
            if (field.type() == FieldType.ID) {
                Record r = org.store(type).get(value);
                return r == null || RecordLifecycle.isDeleted(type, r) ? List.<Record>of() : List.of(r);
            }
            ValueCoercer.Coerced c = ValueCoercer.coerce(field, new FieldInput.Text(value));
            if (c.failed() || c.value() == null) {
                return List.<Record>of();
            }
            return List.copyOf(new ValueIndex(org.store(type), field).find(c.value()));
        });
    }

    private List<SaveResult> inBatch(Org org, String userId, boolean allOrNone, Function<Batch, List<SaveResult>> work) {
        // Permissions first, outside the write lock: computing them takes the read lock.
        Access access = userId == null ? Access.SYSTEM : Access.of(state.permissions().access(org, userId));
        List<SaveResult> results = org.write(() -> {
            Batch batch = new Batch(org, userId, access);
            List<SaveResult> out = work.apply(batch);
            boolean anyFailed = out.stream().anyMatch(r -> !r.success());
            if (allOrNone && anyFailed) {
                batch.journal.rollback(org);
                return out.stream().map(r -> r.success()
                        ? new SaveResult(r.created() ? null : r.id(), false, false, List.of(ApiError.rolledBack()))
                        : r).toList();
            }
            Journal outer = TRANSACTION.get();
            if (outer != null) {
                batch.journal.mergeInto(outer);
            }
            return out;
        });
        if (TRANSACTION.get() == null) {
            afterCommit(org, results);
        }
        return results;
    }

    /**
     * Users written through the API take effect outside the org's records too: a new or renamed
     * username can log in, and a deactivated user's sessions end at once.
     */
    private void afterCommit(Org org, List<SaveResult> results) {
        Optional<SObjectType> userType = org.type("User");
        if (userType.isEmpty()) {
            return;
        }
        SObjectType t = userType.get();
        for (SaveResult r : results) {
            if (!r.success() || r.id() == null || !r.id().startsWith(t.keyPrefix())) {
                continue;
            }
            Record u = org.read(() -> org.store(t).get(r.id()));
            if (u == null) {
                continue;
            }
            Object username = org.read(() -> u.get(t.require("Username")));
            boolean active = org.read(() -> Boolean.TRUE.equals(u.get(t.require("IsActive")))
                    && !RecordLifecycle.isDeleted(t, u));
            if (username != null) {
                state.registerUsername(username.toString(), org, u.id());
            }
            if (!active) {
                state.tokens().expireSessionsOfUser(u.id());
            }
        }
    }

    // ---------------------------------------------------------------- one batch

    /**
     * The permission checks a batch makes: a user's effective access, or the system context
     * (no user: admin API, seeding) that may write every field a caller could ever write.
     */
    private interface Access {
        ObjectAccess object(SObjectType t);

        boolean canReadField(SObjectType t, FieldDef f);

        boolean canEditField(SObjectType t, FieldDef f);

        default boolean canRead(SObjectType t) {
            return object(t).read();
        }

        Access SYSTEM = new Access() {
            @Override
            public ObjectAccess object(SObjectType t) {
                return ObjectAccess.ALL;
            }

            @Override
            public boolean canReadField(SObjectType t, FieldDef f) {
                return true;
            }

            @Override
            public boolean canEditField(SObjectType t, FieldDef f) {
                return !f.system();
            }
        };

        static Access of(EffectiveAccess a) {
            return new Access() {
                @Override
                public ObjectAccess object(SObjectType t) {
                    return a.object(t);
                }

                @Override
                public boolean canReadField(SObjectType t, FieldDef f) {
                    return a.canReadField(t, f);
                }

                @Override
                public boolean canEditField(SObjectType t, FieldDef f) {
                    return a.canEditField(t, f);
                }
            };
        }
    }

    /** The state of one batch: who writes, what to undo, indexes built on demand. */
    private final class Batch {
        private final Org org;
        private final String userId;
        private final Access access;
        private final Journal journal = new Journal();
        private final Map<String, ValueIndex> indexes = new HashMap<>();

        Batch(Org org, String userId, Access access) {
            this.org = org;
            this.userId = userId;
            this.access = access;
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
            Prepared p = prepare(t, values, null);
            if (p.error != null) {
                return SaveResult.failed(p.error);
            }
            List<String> missing = new ArrayList<>();
            for (FieldDef f : t.fields()) {
                if (!f.required() || f.system()) {
                    continue;
                }
                boolean given = p.changes.containsKey(f) && p.changes.get(f) != null;
                if (!given && f.defaultedOnCreate() && !f.picklistValues().isEmpty()) {
                    // e.g. Lead.Status: the picklist's default (its first value).
                    p.changes.put(f, f.picklistValues().get(0));
                } else if (!given && !f.defaultedOnCreate()) {
                    missing.add(f.name());
                }
            }
            if (!missing.isEmpty()) {
                return SaveResult.failed(ApiError.requiredMissing(missing));
            }
            ApiError duplicate = checkUnique(t, p.changes, null);
            if (duplicate != null) {
                return SaveResult.failed(duplicate);
            }
            Record r = RecordLifecycle.create(org, t, userId);
            journal.created(org.store(t), r);
            apply(t, r, p.changes);
            PlatformDefaults.apply(org, t, r, p.changes);
            RecordLifecycle.recomputeName(t, r);
            indexAll(t, r, true);
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
            Prepared p = prepare(t, values.without("Id"), r);
            if (p.error != null) {
                return SaveResult.failed(r.id(), p.error);
            }
            List<String> cleared = p.changes.entrySet().stream()
                    .filter(e -> e.getKey().required() && e.getValue() == null).map(e -> e.getKey().name()).toList();
            if (!cleared.isEmpty()) {
                return SaveResult.failed(r.id(), ApiError.requiredMissing(cleared));
            }
            ApiError duplicate = checkUnique(t, p.changes, r);
            if (duplicate != null) {
                return SaveResult.failed(r.id(), duplicate);
            }
            journal.beforeChange(r);
            indexAll(t, r, false);
            apply(t, r, p.changes);
            RecordLifecycle.touch(org, t, r, userId);
            indexAll(t, r, true);
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
            List<Record> matches = index(t, f).find(value);
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
            indexAll(l.type, l.record, false);
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
            ApiError duplicate = checkUnique(l.type, currentValues(l.type, l.record), l.record);
            if (duplicate != null) {
                return SaveResult.failed(l.record.id(), duplicate);
            }
            journal.beforeChange(l.record);
            RecordLifecycle.undelete(org, l.type, l.record, userId);
            indexAll(l.type, l.record, true);
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

        // ------------------------------------------------------------ field checks

        /** Converted values per field, or the first error. */
        private static final class Prepared {
            final Map<FieldDef, Object> changes = new LinkedHashMap<>();
            ApiError error;
        }

        private Prepared prepare(SObjectType t, RecordInput values, Record existing) {
            Prepared p = new Prepared();
            Map<FieldDef, FieldInput> inputs = new LinkedHashMap<>();
            List<String> notWritable = new ArrayList<>();
            for (Map.Entry<String, FieldInput> e : values.values().entrySet()) {
                String name = e.getKey();
                FieldInput in = e.getValue();
                Optional<FieldDef> f = in instanceof FieldInput.ParentRef
                        ? t.relationship(name).or(() -> t.field(name).filter(FieldDef::isReference))
                        : t.field(name);
                if (f.isEmpty() || !access.canReadField(t, f.get())) {
                    p.error = ApiError.noSuchColumn(name, t.name());
                    return p;
                }
                FieldDef field = f.get();
                if (field.type() == FieldType.ID && existing == null) {
                    p.error = ApiError.idInCreate();
                    return p;
                }
                if (field.system() || !field.updateable() || field.type() == FieldType.ID || !access.canEditField(t, field)) {
                    notWritable.add(field.name());
                    continue;
                }
                inputs.put(field, in);
            }
            if (!notWritable.isEmpty()) {
                p.error = ApiError.notWritable(notWritable);
                return p;
            }
            for (Map.Entry<FieldDef, FieldInput> e : inputs.entrySet()) {
                FieldDef field = e.getKey();
                ValueCoercer.Coerced c;
                if (e.getValue() instanceof FieldInput.ParentRef ref) {
                    c = resolveParent(t, field, ref);
                } else if (field.isReference()) {
                    c = checkReference(t, field, e.getValue());
                } else {
                    c = ValueCoercer.coerce(field, e.getValue());
                }
                if (c.failed()) {
                    p.error = c.error();
                    return p;
                }
                p.changes.put(field, c.value());
            }
            return p;
        }

        /** A lookup given as an id: well-formed, of a type the field points to, existing and not deleted. */
        private ValueCoercer.Coerced checkReference(SObjectType owner, FieldDef f, FieldInput in) {
            if (in.isNull()) {
                return new ValueCoercer.Coerced(null, null);
            }
            if (in instanceof FieldInput.Json j && !j.node().isString()) {
                String shown = j.node().isContainer() ? j.node().toString() : j.node().asString();
                return new ValueCoercer.Coerced(null, ApiError.of("MALFORMED_ID",
                        f.label() + ": id value of incorrect type: " + shown, List.of(f.name())));
            }
            String raw = in.asText();
            if (raw == null || raw.isBlank()) {
                return new ValueCoercer.Coerced(null, null);
            }
            Optional<String> id18 = Ids.normalize(raw.trim());
            if (id18.isEmpty()) {
                return new ValueCoercer.Coerced(null, ApiError.of("MALFORMED_ID",
                        f.label() + ": id value of incorrect type: " + raw, List.of(f.name())));
            }
            Optional<SObjectType> target = org.typeForId(id18.get());
            if (target.isEmpty() || f.referenceTo().stream().noneMatch(n -> n.equalsIgnoreCase(target.get().name()))) {
                return new ValueCoercer.Coerced(null, ApiError.of("FIELD_INTEGRITY_EXCEPTION",
                        f.label() + ": id value of incorrect type: " + raw, List.of(f.name())));
            }
            Record r = org.store(target.get()).get(id18.get());
            if (r == null) {
                return new ValueCoercer.Coerced(null, ApiError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id",
                        List.of(f.name())));
            }
            if (RecordLifecycle.isDeleted(target.get(), r)) {
                return new ValueCoercer.Coerced(null, ApiError.of("ENTITY_IS_DELETED", "entity is deleted", List.of(f.name())));
            }
            if (f.name().equals("OwnerId") && target.get().name().equals("User")
                    && !Boolean.TRUE.equals(r.get(target.get().require("IsActive")))) {
                return new ValueCoercer.Coerced(null, ApiError.of("INACTIVE_OWNER_OR_USER",
                        "operation performed with inactive user [" + id18.get() + "] as owner of [" + owner.name() + "]"));
            }
            return new ValueCoercer.Coerced(id18.get(), null);
        }

        /** A lookup given by the parent's field: {@code "Account": {"Ext__c": "A-1"}} or CSV {@code Account.Ext__c}. */
        private ValueCoercer.Coerced resolveParent(SObjectType owner, FieldDef f, FieldInput.ParentRef ref) {
            Optional<SObjectType> target = f.referenceTo().stream().map(org::type).flatMap(Optional::stream).findFirst();
            if (target.isEmpty()) {
                return new ValueCoercer.Coerced(null, ApiError.noSuchColumn(f.relationshipName(), f.name()));
            }
            SObjectType tt = target.get();
            Optional<FieldDef> lookup = tt.field(ref.field());
            if (lookup.isEmpty()) {
                return new ValueCoercer.Coerced(null, ApiError.noSuchColumn(ref.field(), tt.name()));
            }
            if (ref.value().isNull()) {
                return new ValueCoercer.Coerced(null, null);
            }
            if (lookup.get().type() == FieldType.ID) {
                return checkReference(owner, f, ref.value());
            }
            ValueCoercer.Coerced v = ValueCoercer.coerce(lookup.get(), ref.value());
            if (v.failed()) {
                return v;
            }
            List<Record> matches = index(tt, lookup.get()).find(v.value());
            if (matches.isEmpty()) {
                return new ValueCoercer.Coerced(null, ApiError.of("INVALID_FIELD", "Foreign key external ID: " + v.value()
                        + " not found for field " + lookup.get().name() + " in entity " + tt.name(), List.of()));
            }
            if (matches.size() > 1) {
                return new ValueCoercer.Coerced(null, ApiError.of("INVALID_FIELD", "Foreign key external ID: " + v.value()
                        + " matched more than one record for field " + lookup.get().name() + " in entity " + tt.name(), List.of()));
            }
            return new ValueCoercer.Coerced(matches.get(0).id(), null);
        }

        private ApiError checkUnique(SObjectType t, Map<FieldDef, Object> changes, Record self) {
            for (Map.Entry<FieldDef, Object> e : changes.entrySet()) {
                FieldDef f = e.getKey();
                if (t.name().equals("User") && f.name().equals("Username") && e.getValue() instanceof String username) {
                    // Usernames are unique across every org, not just this one.
                    Optional<EmulatorState.UserRef> holder = state.user(username);
                    if (holder.isPresent() && (self == null || !holder.get().userId().equals(self.id()))) {
                        return ApiError.of("DUPLICATE_USERNAME", "Duplicate Username.<br>Another user has already selected "
                                + "this username.<br>Please select another.", List.of("Username"));
                    }
                }
                if (!f.unique() || e.getValue() == null) {
                    continue;
                }
                for (Record other : index(t, f).find(e.getValue())) {
                    if (self == null || !other.id().equals(self.id())) {
                        return ApiError.of("DUPLICATE_VALUE", "duplicate value found: " + f.name()
                                + " duplicates value on record with id: " + other.id());
                    }
                }
            }
            return null;
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

        private ValueIndex index(SObjectType t, FieldDef f) {
            return indexes.computeIfAbsent(t.name() + "." + f.name(), k -> new ValueIndex(org.store(t), f));
        }

        /** Keeps the batch's indexes of a type current around a change of a record. */
        private void indexAll(SObjectType t, Record r, boolean add) {
            String prefix = t.name() + ".";
            indexes.forEach((key, idx) -> {
                if (key.startsWith(prefix)) {
                    FieldDef f = t.require(key.substring(prefix.length()));
                    if (add) {
                        idx.add(r.get(f), r);
                    } else {
                        idx.remove(r.get(f), r);
                    }
                }
            });
        }
    }

    /** Object-level access as the REST layer needs it to choose between 404 and 400 answers. */
    public ObjectAccess objectAccess(Org org, String userId, SObjectType type) {
        return state.permissions().access(org, userId).object(type);
    }
}
