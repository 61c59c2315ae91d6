package dev.crosswalk.emulator.model;

import java.time.Instant;

/**
 * The platform's part of every write: ids, audit fields, {@code SystemModstamp}, owner
 * defaults and computed names. All writers (REST, Collections, Bulk, setup administration,
 * seeding) go through here so the audit trail is the same whichever door a record came in by.
 * Call under the org's write lock.
 */
public final class RecordLifecycle {
    private RecordLifecycle() {
    }

    /** A new, stored record with id and audit fields set; the caller fills in its own fields. */
    public static Record create(Org org, SObjectType type, String actingUserId) {
        Record r = new Record(org.newId(type), type.fields().size());
        Instant now = org.nextModstamp(type);
        r.set(type.require("Id"), r.id());
        r.set(type.require("IsDeleted"), Boolean.FALSE);
        r.set(type.require("CreatedDate"), now);
        r.set(type.require("LastModifiedDate"), now);
        r.set(type.require("SystemModstamp"), now);
        r.set(type.require("CreatedById"), actingUserId);
        r.set(type.require("LastModifiedById"), actingUserId);
        type.field("OwnerId").ifPresent(f -> r.set(f, actingUserId));
        if (type.autoNumberFormat() != null) {
            type.nameField().ifPresent(f -> r.set(f, type.nextAutoNumber()));
        }
        for (FieldDef f : type.fields()) {
            if (f.type() == FieldType.BOOLEAN && r.get(f) == null) {
                r.set(f, Boolean.FALSE);
            }
        }
        org.store(type).put(r);
        if (type.accessModel() != SObjectType.AccessModel.CRUD) {
            org.setupChanged();
        }
        return r;
    }

    /** Marks a record modified now by a user; recomputes derived fields. */
    public static void touch(Org org, SObjectType type, Record r, String actingUserId) {
        Instant now = org.nextModstamp(type);
        r.set(type.require("LastModifiedDate"), now);
        r.set(type.require("SystemModstamp"), now);
        r.set(type.require("LastModifiedById"), actingUserId);
        recomputeName(type, r);
        if (type.accessModel() != SObjectType.AccessModel.CRUD) {
            org.setupChanged();
        }
    }

    /** Moves a record to the recycle bin: still visible to queryAll with IsDeleted = true. */
    public static void softDelete(Org org, SObjectType type, Record r, String actingUserId) {
        r.set(type.require("IsDeleted"), Boolean.TRUE);
        touch(org, type, r, actingUserId);
    }

    /** Restores a record from the recycle bin. */
    public static void undelete(Org org, SObjectType type, Record r, String actingUserId) {
        r.set(type.require("IsDeleted"), Boolean.FALSE);
        touch(org, type, r, actingUserId);
    }

    public static boolean isDeleted(SObjectType type, Record r) {
        return Boolean.TRUE.equals(r.get(type.require("IsDeleted")));
    }

    /** Contact, Lead and User derive Name from FirstName + LastName, like Salesforce's compound name. */
    public static void recomputeName(SObjectType type, Record r) {
        var first = type.field("FirstName");
        var last = type.field("LastName");
        var name = type.field("Name");
        if (first.isPresent() && last.isPresent() && name.isPresent() && !name.get().updateable()) {
            Object f = r.get(first.get());
            Object l = r.get(last.get());
            String full = (f == null || f.toString().isBlank() ? "" : f + " ") + (l == null ? "" : l);
            r.set(name.get(), full.isBlank() ? null : full);
        }
    }
}
