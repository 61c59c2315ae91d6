package dev.crosswalk.emulator.security;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one user may do in one org, derived from the profile's permission set and every assigned
 * permission set (permissions only ever add up). Immutable; recomputed when setup changes.
 */
public final class EffectiveAccess {
    private final String userId;
    private final boolean active;
    private final Set<String> systemPermissions;
    private final Map<String, ObjectAccess> objects;
    private final Map<String, boolean[]> fields;
    private final Set<String> setupEntityIds;
    private final Set<String> permissionSetIds;

    EffectiveAccess(String userId, boolean active, Set<String> systemPermissions, Map<String, ObjectAccess> objects,
            Map<String, boolean[]> fields, Set<String> setupEntityIds, Set<String> permissionSetIds) {
        this.userId = userId;
        this.active = active;
        this.systemPermissions = Set.copyOf(systemPermissions);
        this.objects = Map.copyOf(objects);
        this.fields = Map.copyOf(fields);
        this.setupEntityIds = Set.copyOf(setupEntityIds);
        this.permissionSetIds = Set.copyOf(permissionSetIds);
    }

    public String userId() { return userId; }
    public boolean active() { return active; }
    public Set<String> permissionSetIds() { return permissionSetIds; }

    /** A system permission by its field name, e.g. {@code PermissionsApiEnabled}. */
    public boolean has(String systemPermission) {
        return systemPermissions.contains(systemPermission);
    }

    public boolean apiEnabled() { return has("PermissionsApiEnabled"); }
    private boolean modifyAllData() { return has("PermissionsModifyAllData"); }
    private boolean viewAllData() { return has("PermissionsViewAllData") || modifyAllData(); }
    private boolean viewSetup() { return has("PermissionsViewSetup") || modifyAllData(); }
    private boolean manageUsers() { return has("PermissionsManageUsers") || modifyAllData(); }

    /** Object-level access to a type, whatever its access model. */
    public ObjectAccess object(SObjectType type) {
        return switch (type.accessModel()) {
            case CRUD -> {
                if (modifyAllData()) {
                    yield ObjectAccess.ALL;
                }
                ObjectAccess granted = objects.getOrDefault(type.name().toLowerCase(Locale.ROOT), ObjectAccess.NONE);
                yield viewAllData() ? granted.or(new ObjectAccess(true, false, false, false, true, false, true)) : granted;
            }
            case SETUP -> {
                boolean read = viewSetup() || (type.name().equals("PermissionSetAssignment")
                        && (manageUsers() || has("PermissionsAssignPermissionSets")));
                boolean write = modifyAllData() || manageUsers()
                        || (type.name().equals("PermissionSetAssignment") && has("PermissionsAssignPermissionSets"));
                yield new ObjectAccess(read, write, write, write, read, write, read);
            }
            case ALWAYS_READABLE -> {
                boolean write = type.name().equals("User") && manageUsers();
                yield new ObjectAccess(true, write, write, false, true, write, true);
            }
        };
    }

    public boolean canRead(SObjectType type) { return object(type).read(); }

    /** Field-level security: non-permissionable fields follow the object; others need a FieldPermissions grant. */
    public boolean canReadField(SObjectType type, FieldDef field) {
        ObjectAccess o = object(type);
        if (!o.read()) {
            return false;
        }
        if (!field.permissionable() || o.viewAllFields() || type.accessModel() != SObjectType.AccessModel.CRUD) {
            return true;
        }
        boolean[] rw = fields.get(key(type, field));
        return rw != null && rw[0];
    }

    public boolean canEditField(SObjectType type, FieldDef field) {
        ObjectAccess o = object(type);
        if (!(o.create() || o.edit()) || field.system()) {
            return false;
        }
        if (!field.permissionable() || modifyAllData() || type.accessModel() != SObjectType.AccessModel.CRUD) {
            return true;
        }
        boolean[] rw = fields.get(key(type, field));
        return rw != null && rw[1];
    }

    /** Access to a Visualforce page or other setup entity through SetupEntityAccess. */
    public boolean hasSetupEntityAccess(String entityId) {
        return modifyAllData() || setupEntityIds.contains(entityId);
    }

    static String key(SObjectType type, FieldDef field) {
        return (type.name() + "." + field.name()).toLowerCase(Locale.ROOT);
    }
}
