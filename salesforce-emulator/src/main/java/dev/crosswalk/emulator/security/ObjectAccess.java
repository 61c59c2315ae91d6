package dev.crosswalk.emulator.security;

/** Object-level CRUD of an ObjectPermissions row (or the OR of several). */
public record ObjectAccess(boolean read, boolean create, boolean edit, boolean delete, boolean viewAll, boolean modifyAll,
        boolean viewAllFields) {
    public static final ObjectAccess NONE = new ObjectAccess(false, false, false, false, false, false, false);
    public static final ObjectAccess READ = new ObjectAccess(true, false, false, false, false, false, false);
    public static final ObjectAccess ALL = new ObjectAccess(true, true, true, true, true, true, true);
    public static final ObjectAccess READ_CREATE_EDIT = new ObjectAccess(true, true, true, false, false, false, false);

    public ObjectAccess or(ObjectAccess o) {
        return new ObjectAccess(read || o.read, create || o.create, edit || o.edit, delete || o.delete,
                viewAll || o.viewAll, modifyAll || o.modifyAll, viewAllFields || o.viewAllFields);
    }

    public boolean any() {
        return read || create || edit || delete || viewAll || modifyAll || viewAllFields;
    }
}
