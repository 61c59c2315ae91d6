package dev.crosswalk.emulator.security;

import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.RecordStore;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.Map;
import java.util.Optional;

/**
 * Setup administration as a Salesforce admin would do it in Setup: profiles (each with its
 * profile-owned permission set), permission sets, assignments, object, field and system
 * permissions, Visualforce page access. Every change is a record write, so SOQL over the
 * setup objects reflects it at once. Methods take the org's write lock themselves.
 */
public final class PermissionAdmin {
    private PermissionAdmin() {
    }

    /** Creates a profile and its hidden profile-owned permission set holding its system permissions. */
    public static String createProfile(Org org, String name, Map<String, Boolean> systemPermissions) {
        return org.write(() -> {
            SObjectType profileType = org.type("Profile").orElseThrow();
            Record profile = RecordLifecycle.create(org, profileType, null);
            profile.set(profileType.require("Name"), name);
            profile.set(profileType.require("UserType"), "Standard");
            systemPermissions.forEach((perm, on) -> profile.set(profileType.require(perm), on));
            SObjectType psType = org.type("PermissionSet").orElseThrow();
            Record ps = RecordLifecycle.create(org, psType, null);
            ps.set(psType.require("Name"), "X" + profile.id().substring(0, 15));
            ps.set(psType.require("Label"), name);
            ps.set(psType.require("IsOwnedByProfile"), Boolean.TRUE);
            ps.set(psType.require("IsCustom"), Boolean.FALSE);
            ps.set(psType.require("ProfileId"), profile.id());
            ps.set(psType.require("Type"), "Profile");
            systemPermissions.forEach((perm, on) -> ps.set(psType.require(perm), on));
            return profile.id();
        });
    }

    public static Optional<String> profileId(Org org, String name) {
        return findId(org, "Profile", "Name", name);
    }

    /** The hidden permission set that carries a profile's permissions. */
    public static String profilePermissionSetId(Org org, String profileId) {
        return org.read(() -> {
            RecordStore ps = org.store("PermissionSet");
            SObjectType t = ps.type();
            return ps.all().stream()
                    .filter(r -> profileId.equals(r.get(t.require("ProfileId"))) && Boolean.TRUE.equals(r.get(t.require("IsOwnedByProfile"))))
                    .map(Record::id).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No permission set for profile " + profileId));
        });
    }

    public static String createPermissionSet(Org org, String apiName, String label, Map<String, Boolean> systemPermissions) {
        return org.write(() -> {
            SObjectType psType = org.type("PermissionSet").orElseThrow();
            Record ps = RecordLifecycle.create(org, psType, null);
            ps.set(psType.require("Name"), apiName);
            ps.set(psType.require("Label"), label);
            ps.set(psType.require("IsOwnedByProfile"), Boolean.FALSE);
            ps.set(psType.require("IsCustom"), Boolean.TRUE);
            ps.set(psType.require("Type"), "Regular");
            systemPermissions.forEach((perm, on) -> ps.set(psType.require(perm), on));
            return ps.id();
        });
    }

    /** A permission set by API name (not profile-owned ones). */
    public static Optional<String> permissionSetId(Org org, String apiName) {
        return findId(org, "PermissionSet", "Name", apiName);
    }

    /** Assigns a permission set to a user; idempotent. Returns the assignment id. */
    public static String assign(Org org, String userId, String permissionSetId) {
        return org.write(() -> {
            SObjectType t = org.type("PermissionSetAssignment").orElseThrow();
            Optional<Record> existing = assignment(org, userId, permissionSetId);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            Record a = RecordLifecycle.create(org, t, null);
            a.set(t.require("AssigneeId"), userId);
            a.set(t.require("PermissionSetId"), permissionSetId);
            a.set(t.require("IsActive"), Boolean.TRUE);
            return a.id();
        });
    }

    /** Removes an assignment (hard delete, as Setup does). Returns false if there was none. */
    public static boolean unassign(Org org, String userId, String permissionSetId) {
        return org.write(() -> {
            Optional<Record> existing = assignment(org, userId, permissionSetId);
            existing.ifPresent(r -> {
                org.store("PermissionSetAssignment").remove(r.id());
                org.setupChanged();
            });
            return existing.isPresent();
        });
    }

    /** Sets (or with {@link ObjectAccess#NONE} removes) a permission set's access to an object. */
    public static void setObjectPermissions(Org org, String permissionSetId, String sobjectType, ObjectAccess access) {
        org.writeRun(() -> {
            RecordStore store = org.store("ObjectPermissions");
            SObjectType t = store.type();
            Optional<Record> row = store.all().stream()
                    .filter(r -> permissionSetId.equals(r.get(t.require("ParentId")))
                            && sobjectType.equalsIgnoreCase((String) r.get(t.require("SobjectType"))))
                    .findFirst();
            if (!access.any()) {
                row.ifPresent(r -> store.remove(r.id()));
                org.setupChanged();
                return;
            }
            Record r = row.orElseGet(() -> {
                Record n = RecordLifecycle.create(org, t, null);
                n.set(t.require("ParentId"), permissionSetId);
                n.set(t.require("SobjectType"), sobjectType);
                return n;
            });
            r.set(t.require("PermissionsRead"), access.read());
            r.set(t.require("PermissionsCreate"), access.create());
            r.set(t.require("PermissionsEdit"), access.edit());
            r.set(t.require("PermissionsDelete"), access.delete());
            r.set(t.require("PermissionsViewAllRecords"), access.viewAll());
            r.set(t.require("PermissionsModifyAllRecords"), access.modifyAll());
            r.set(t.require("PermissionsViewAllFields"), access.viewAllFields());
            RecordLifecycle.touch(org, t, r, null);
        });
    }

    /** Field-level security for {@code Object.Field}; read=false and edit=false removes the row. */
    public static void setFieldPermission(Org org, String permissionSetId, String qualifiedField, boolean read, boolean edit) {
        org.writeRun(() -> {
            RecordStore store = org.store("FieldPermissions");
            SObjectType t = store.type();
            Optional<Record> row = store.all().stream()
                    .filter(r -> permissionSetId.equals(r.get(t.require("ParentId")))
                            && qualifiedField.equalsIgnoreCase((String) r.get(t.require("Field"))))
                    .findFirst();
            if (!read && !edit) {
                row.ifPresent(r -> store.remove(r.id()));
                org.setupChanged();
                return;
            }
            Record r = row.orElseGet(() -> {
                Record n = RecordLifecycle.create(org, t, null);
                n.set(t.require("ParentId"), permissionSetId);
                n.set(t.require("SobjectType"), qualifiedField.substring(0, qualifiedField.indexOf('.')));
                n.set(t.require("Field"), qualifiedField);
                return n;
            });
            r.set(t.require("PermissionsRead"), read || edit);
            r.set(t.require("PermissionsEdit"), edit);
            RecordLifecycle.touch(org, t, r, null);
        });
    }

    /** Sets a system permission (e.g. {@code PermissionsApiEnabled}) on a permission set (and its profile). */
    public static void setSystemPermission(Org org, String permissionSetId, String permission, boolean on) {
        org.writeRun(() -> {
            SObjectType psType = org.type("PermissionSet").orElseThrow();
            Record ps = org.store(psType).get(permissionSetId);
            if (ps == null) {
                throw new IllegalArgumentException("No permission set " + permissionSetId);
            }
            ps.set(psType.require(permission), on);
            RecordLifecycle.touch(org, psType, ps, null);
            String profileId = (String) ps.get(psType.require("ProfileId"));
            if (profileId != null) {
                SObjectType profileType = org.type("Profile").orElseThrow();
                Record profile = org.store(profileType).get(profileId);
                profile.set(profileType.require(permission), on);
                RecordLifecycle.touch(org, profileType, profile, null);
            }
        });
    }

    /** Grants a permission set access to a setup entity such as a Visualforce page ({@code ApexPage}). */
    public static void grantSetupEntityAccess(Org org, String permissionSetId, String entityId, String entityType) {
        org.writeRun(() -> {
            RecordStore store = org.store("SetupEntityAccess");
            SObjectType t = store.type();
            boolean exists = store.all().stream().anyMatch(r -> permissionSetId.equals(r.get(t.require("ParentId")))
                    && entityId.equals(r.get(t.require("SetupEntityId"))));
            if (!exists) {
                Record r = RecordLifecycle.create(org, t, null);
                r.set(t.require("ParentId"), permissionSetId);
                r.set(t.require("SetupEntityId"), entityId);
                r.set(t.require("SetupEntityType"), entityType);
            }
        });
    }

    public static void revokeSetupEntityAccess(Org org, String permissionSetId, String entityId) {
        org.writeRun(() -> {
            RecordStore store = org.store("SetupEntityAccess");
            SObjectType t = store.type();
            store.all().stream()
                    .filter(r -> permissionSetId.equals(r.get(t.require("ParentId"))) && entityId.equals(r.get(t.require("SetupEntityId"))))
                    .map(Record::id).toList()
                    .forEach(store::remove);
            org.setupChanged();
        });
    }

    private static Optional<Record> assignment(Org org, String userId, String permissionSetId) {
        RecordStore store = org.store("PermissionSetAssignment");
        SObjectType t = store.type();
        return store.all().stream()
                .filter(r -> userId.equals(r.get(t.require("AssigneeId"))) && permissionSetId.equals(r.get(t.require("PermissionSetId"))))
                .findFirst();
    }

    private static Optional<String> findId(Org org, String typeName, String field, String value) {
        return org.read(() -> {
            RecordStore store = org.store(typeName);
            SObjectType t = store.type();
            return store.all().stream()
                    .filter(r -> value.equalsIgnoreCase((String) r.get(t.require(field))))
                    .filter(r -> !typeName.equals("PermissionSet") || !Boolean.TRUE.equals(r.get(t.require("IsOwnedByProfile"))))
                    .map(Record::id).findFirst();
        });
    }
}
