package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.CompoundFields;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordStore;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves field paths ({@code Name}, {@code Owner.Name}, {@code CreatedBy.Profile.Name}) against the
 * schema once, at prepare time, into {@link ValueAccessor}s that walk lookups per row with no
 * name lookups and no allocation. Access is checked here: an unreadable lookup field or leaf field is
 * reported as missing, an unreadable parent type as a relationship that does not exist.
 *
 * <p>Polymorphic lookups ({@code referenceTo} with several types) pick the target by the id's key
 * prefix at run time; the leaf must exist on at least one readable target type.
 */
final class PathResolver {

    /** A resolved path: relationship names and leaf in API casing, and how to read it. */
    record Resolved(List<String> relationshipNames, FieldDef leaf, SObjectType leafType, ValueAccessor accessor) {
        String header() {
            return relationshipNames.isEmpty() ? leaf.name() : String.join(".", relationshipNames) + "." + leaf.name();
        }

        boolean isId() {
            return leaf.type() == FieldType.ID || leaf.type() == FieldType.REFERENCE;
        }
    }

    /** Reads the parent record reached through a relationship path. */
    @FunctionalInterface
    interface ParentAccessor {
        Record get(Record record);
    }

    private record Target(String keyPrefix, RecordStore store, ValueAccessor next) {
    }

    private final Org org;
    private final QueryAccess access;
    private final QueryErrors errors;

    PathResolver(Org org, QueryAccess access, QueryErrors errors) {
        this.org = org;
        this.access = access;
        this.errors = errors;
    }

    Resolved field(SObjectType root, Ast.Name name) {
        String[] parts = stripObjectPrefix(root, name.text().split("\\."));
        String leafName = parts[parts.length - 1];
        FieldDef[] leafHolder = new FieldDef[1];
        SObjectType[] leafTypeHolder = new SObjectType[1];
        List<String> names = new ArrayList<>();
        ValueAccessor accessor = walk(root, parts, 0, parts.length - 1, name.offset(), names, type -> {
            FieldDef f = type.field(leafName).filter(fd -> access.canReadField(type, fd))
                    .orElseThrow(() -> QueryErrors.noSuchColumn(errors, name.offset(), leafName, type.name()));
            if (leafHolder[0] == null) {
                leafHolder[0] = f;
                leafTypeHolder[0] = type;
            }
            return fieldAccessor(type, f);
        });
        return new Resolved(List.copyOf(names), leafHolder[0], leafTypeHolder[0], accessor);
    }

    /** The parent reached through relationship names (all of {@code relationshipPath} are relationships). */
    ParentAccessor parent(SObjectType root, List<String> relationshipPath) {
        String[] parts = relationshipPath.toArray(String[]::new);
        ValueAccessor accessor = walk(root, parts, 0, parts.length, 0, new ArrayList<>(), type -> record -> record);
        return record -> (Record) accessor.get(record);
    }

    static ValueAccessor fieldAccessor(SObjectType type, FieldDef f) {
        if (f.type() == FieldType.ADDRESS) {
            return record -> CompoundFields.value(type, f, record);
        }
        return fieldAccessor(f);
    }

    static ValueAccessor fieldAccessor(FieldDef f) {
        // The id lives in Record.id(); the Id slot of the value array is not guaranteed to be filled.
        if (f.type() == FieldType.ID) {
            return Record::id;
        }
        return record -> record.get(f);
    }

    /** {@code SELECT Account.Name FROM Account}: a leading object name is allowed and means the object itself. */
    private static String[] stripObjectPrefix(SObjectType root, String[] parts) {
        if (parts.length > 1 && parts[0].equalsIgnoreCase(root.name()) && root.relationship(parts[0]).isEmpty()) {
            String[] rest = new String[parts.length - 1];
            System.arraycopy(parts, 1, rest, 0, rest.length);
            return rest;
        }
        return parts;
    }

    private ValueAccessor walk(SObjectType type, String[] parts, int i, int end, int offset, List<String> names,
            Function<SObjectType, ValueAccessor> leaf) {
        if (i == end) {
            return leaf.apply(type);
        }
        String relationship = parts[i];
        FieldDef lookup = type.relationship(relationship).filter(f -> access.canReadField(type, f))
                .orElseThrow(() -> errors.noSuchRelationship(offset, relationship));
        if (names.size() == i) {
            names.add(lookup.relationshipName());
        }
        List<Target> targets = new ArrayList<>();
        SoqlException firstError = null;
        for (String targetName : lookup.referenceTo()) {
            Optional<SObjectType> target = org.type(targetName);
            if (target.isEmpty() || !access.canReadObject(target.get())) {
                continue;
            }
            try {
                ValueAccessor next = walk(target.get(), parts, i + 1, end, offset, names, leaf);
                targets.add(new Target(target.get().keyPrefix(), org.store(target.get()), next));
            } catch (SoqlException e) {
                if (firstError == null) {
                    firstError = e;
                }
            }
        }
        if (targets.isEmpty()) {
            throw firstError != null ? firstError : errors.noSuchRelationship(offset, relationship);
        }
        if (targets.size() == 1) {
            RecordStore store = targets.get(0).store();
            ValueAccessor next = targets.get(0).next();
            return record -> {
                Object id = record.get(lookup);
                if (id == null) {
                    return null;
                }
                Record parent = find(store, (String) id);
                return parent == null ? null : next.get(parent);
            };
        }
        Target[] candidates = targets.toArray(Target[]::new);
        return record -> {
            Object value = record.get(lookup);
            if (value == null) {
                return null;
            }
            String id = (String) value;
            for (Target t : candidates) {
                if (id.startsWith(t.keyPrefix())) {
                    Record parent = find(t.store(), id);
                    return parent == null ? null : t.next().get(parent);
                }
            }
            return null;
        };
    }

    private static Record find(RecordStore store, String id) {
        Record r = store.getCanonical(id);
        // Fallback for ids stored in another form (15 characters): normalizes, so it allocates; rare.
        return r != null || id.length() == 18 ? r : store.get(id);
    }
}
