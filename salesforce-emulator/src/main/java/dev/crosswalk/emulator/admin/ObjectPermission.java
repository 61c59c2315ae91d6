package dev.crosswalk.emulator.admin;

import dev.crosswalk.emulator.security.ObjectAccess;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One flag of an ObjectPermissions row. Granting a flag also grants what it depends on and
 * revoking one also revokes what depends on it, following Salesforce's rules (edit needs read,
 * delete needs edit, modify all needs delete and view all…), so no impossible row can exist.
 */
public enum ObjectPermission {
    READ("read"),
    CREATE("create"),
    EDIT("edit"),
    DELETE("delete"),
    VIEW_ALL_RECORDS("viewAllRecords"),
    MODIFY_ALL_RECORDS("modifyAllRecords"),
    VIEW_ALL_FIELDS("viewAllFields");

    private final String jsonName;

    ObjectPermission(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Accepts the JSON name, the enum name or the field name ({@code PermissionsRead}), any case. */
    public static ObjectPermission parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("_", "");
        if (n.startsWith("permissions")) {
            n = n.substring("permissions".length());
        }
        return switch (n) {
            case "read" -> READ;
            case "create" -> CREATE;
            case "edit" -> EDIT;
            case "delete" -> DELETE;
            case "viewall", "viewallrecords" -> VIEW_ALL_RECORDS;
            case "modifyall", "modifyallrecords" -> MODIFY_ALL_RECORDS;
            case "viewallfields" -> VIEW_ALL_FIELDS;
            default -> throw AdminException.badRequest("invalid_permission", "Unknown object permission '" + name
                    + "': use read, create, edit, delete, viewAllRecords, modifyAllRecords or viewAllFields");
        };
    }

    /** The flags this one requires. */
    Set<ObjectPermission> requires() {
        return switch (this) {
            case READ -> EnumSet.noneOf(ObjectPermission.class);
            case CREATE, EDIT, VIEW_ALL_RECORDS, VIEW_ALL_FIELDS -> EnumSet.of(READ);
            case DELETE -> EnumSet.of(READ, EDIT);
            case MODIFY_ALL_RECORDS -> EnumSet.of(READ, EDIT, DELETE, VIEW_ALL_RECORDS);
        };
    }

    static Set<ObjectPermission> of(ObjectAccess a) {
        Set<ObjectPermission> set = EnumSet.noneOf(ObjectPermission.class);
        if (a.read()) set.add(READ);
        if (a.create()) set.add(CREATE);
        if (a.edit()) set.add(EDIT);
        if (a.delete()) set.add(DELETE);
        if (a.viewAll()) set.add(VIEW_ALL_RECORDS);
        if (a.modifyAll()) set.add(MODIFY_ALL_RECORDS);
        if (a.viewAllFields()) set.add(VIEW_ALL_FIELDS);
        return set;
    }

    static ObjectAccess toAccess(Set<ObjectPermission> set) {
        return new ObjectAccess(set.contains(READ), set.contains(CREATE), set.contains(EDIT), set.contains(DELETE),
                set.contains(VIEW_ALL_RECORDS), set.contains(MODIFY_ALL_RECORDS), set.contains(VIEW_ALL_FIELDS));
    }

    /** The set plus everything its members require. */
    static Set<ObjectPermission> withRequirements(Set<ObjectPermission> granted) {
        Set<ObjectPermission> out = EnumSet.noneOf(ObjectPermission.class);
        for (ObjectPermission p : granted) {
            out.add(p);
            out.addAll(p.requires());
        }
        return out;
    }

    /** The set minus the revoked flags and everything that requires one of them. */
    static Set<ObjectPermission> without(Set<ObjectPermission> current, Set<ObjectPermission> revoked) {
        Set<ObjectPermission> out = EnumSet.noneOf(ObjectPermission.class);
        for (ObjectPermission p : current) {
            if (!revoked.contains(p) && p.requires().stream().noneMatch(revoked::contains)) {
                out.add(p);
            }
        }
        return out;
    }
}
