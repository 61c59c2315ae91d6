package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Field-level checks of one write, in Salesforce's order: unknown or hidden fields
 * ({@code INVALID_FIELD}), fields the caller may not write ({@code INVALID_FIELD_FOR_INSERT_UPDATE}),
 * value types and formats, lookup targets (by id or by the parent's external id), and unique
 * values. Nothing is written here.
 */
final class FieldChecks {
    private final EmulatorState state;
    private final Org org;
    private final WriteAccess access;
    private final BatchIndexes indexes;

    FieldChecks(EmulatorState state, Org org, WriteAccess access, BatchIndexes indexes) {
        this.state = state;
        this.org = org;
        this.access = access;
        this.indexes = indexes;
    }

    /** Converted values per field, or the first error. */
    static final class Prepared {
        private final Map<FieldDef, Object> changes = new LinkedHashMap<>();
        private ApiError error;

        Map<FieldDef, Object> changes() {
            return changes;
        }

        ApiError error() {
            return error;
        }
    }

    Prepared prepare(SObjectType t, RecordInput values, Record existing) {
        Prepared p = new Prepared();
        Map<FieldDef, FieldInput> inputs = new LinkedHashMap<>();
        List<String> notWritable = new ArrayList<>();
        for (Map.Entry<String, FieldInput> e : values.values().entrySet()) {
            String name = e.getKey();
            FieldInput in = e.getValue();
            Optional<FieldDef> f = in instanceof FieldInput.ParentRef
                    ? t.relationship(name).or(() -> t.field(name).filter(FieldDef::isReference))
                    : t.field(name);
            if (f.isEmpty() && in instanceof FieldInput.ParentRef && t.field(name).filter(x -> access.canReadField(t, x)).isPresent()) {
                // An object where a plain value belongs: what Salesforce's JSON parser says.
                p.error = ApiError.of("JSON_PARSER_ERROR", "Cannot deserialize instance of "
                        + t.field(name).get().type().describeName() + " from START_OBJECT value { or request may be missing a required field");
                return p;
            }
            if (f.isEmpty() || !access.canReadField(t, f.get())) {
                p.error = ApiError.noSuchColumn(name, t.name());
                return p;
            }
            FieldDef field = f.get();
            if (field.type() == FieldType.ID && existing == null) {
                p.error = ApiError.idInCreate();
                return p;
            }
            boolean writable = existing == null ? field.createable() : field.updateable(); // create-only fields
            if (field.system() || !writable || field.type() == FieldType.ID || !access.canEditField(t, field)) {
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
        List<Record> matches = indexes.index(tt, lookup.get()).find(v.value());
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

    ApiError checkUnique(SObjectType t, Map<FieldDef, Object> changes, Record self) {
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
            for (Record other : indexes.index(t, f).find(e.getValue())) {
                if (self == null || !other.id().equals(self.id())) {
                    return ApiError.of("DUPLICATE_VALUE", "duplicate value found: " + f.name()
                            + " duplicates value on record with id: " + other.id());
                }
            }
        }
        return null;
    }
}
