package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.ObjectAccess;
import java.util.List;
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
            String key = BatchIndexes.key(type, field);
            ValueIndex index = OrgIndexCache.get(org, key, org.store(type));
            if (index == null) {
                index = new ValueIndex(org.store(type), field);
                OrgIndexCache.put(org, key, index, org.store(type));
            }
            return List.copyOf(index.find(c.value()));
        });
    }

    private List<SaveResult> inBatch(Org org, String userId, boolean allOrNone, Function<WriteBatch, List<SaveResult>> work) {
        // Permissions first, outside the write lock: computing them takes the read lock.
        WriteAccess access = userId == null ? WriteAccess.SYSTEM : WriteAccess.of(state.permissions().access(org, userId));
        List<SaveResult> results = org.write(() -> {
            WriteBatch batch = new WriteBatch(state, org, userId, access, allOrNone || TRANSACTION.get() != null);
            List<SaveResult> out = work.apply(batch);
            boolean anyFailed = out.stream().anyMatch(r -> !r.success());
            if (allOrNone && anyFailed) {
                batch.journal().rollback(org);
                // A rolled-back insert keeps created=true: Salesforce's upsert results say what the write
                // would have been (its id is gone with the rollback).
                return out.stream().map(r -> r.success()
                        ? new SaveResult(r.created() ? null : r.id(), false, r.created(), List.of(ApiError.rolledBack()))
                        : r).toList();
            }
            Journal outer = TRANSACTION.get();
            if (outer != null) {
                batch.journal().mergeInto(outer);
            }
            batch.publishIndexes();
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

    /** Object-level access as the REST layer needs it to choose between 404 and 400 answers. */
    public ObjectAccess objectAccess(Org org, String userId, SObjectType type) {
        return state.permissions().access(org, userId).object(type);
    }
}
