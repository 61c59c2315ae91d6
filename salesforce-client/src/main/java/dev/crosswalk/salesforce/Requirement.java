package dev.crosswalk.salesforce;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** One thing the integration user must have; checked by {@link PermissionPreflight}. */
public sealed interface Requirement {

    /** A short description, e.g. "Read on Account". */
    String title();

    enum Access {
        READ, CREATE, EDIT;

        String label() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    record ApiEnabled() implements Requirement {
        @Override public String title() { return "API Enabled"; }
    }

    record UserActive() implements Requirement {
        @Override public String title() { return "User is active"; }
    }

    /** @param apiName the permission set's API name, e.g. {@code Crosswalk_Setup_User} */
    record PermissionSetAssigned(String apiName) implements Requirement {
        public PermissionSetAssigned { Objects.requireNonNull(apiName); }
        @Override public String title() { return "Permission set " + apiName + " assigned"; }
    }

    /** @param pageName the Visualforce page's API name */
    record VisualforcePageAccess(String pageName) implements Requirement {
        public VisualforcePageAccess { Objects.requireNonNull(pageName); }
        @Override public String title() { return "Access to Visualforce page " + pageName; }
    }

    record ObjectAccess(String object, Set<Access> access) implements Requirement {
        public ObjectAccess {
            Objects.requireNonNull(object);
            access = access.isEmpty() ? Set.of(Access.READ) : Set.copyOf(EnumSet.copyOf(access));
        }
        @Override public String title() { return labels(access) + " on " + object; }
    }

    /** Field-level security; {@link Access#CREATE} is treated as {@link Access#EDIT}. */
    record FieldAccess(String object, String field, Set<Access> access) implements Requirement {
        public FieldAccess {
            Objects.requireNonNull(object);
            Objects.requireNonNull(field);
            access = access.isEmpty() ? Set.of(Access.READ) : Set.copyOf(EnumSet.copyOf(access));
        }
        @Override public String title() { return labels(access) + " on field " + object + "." + field; }
    }

    record CustomObjectExists(String object) implements Requirement {
        public CustomObjectExists { Objects.requireNonNull(object); }
        @Override public String title() { return "Object " + object + " exists"; }
    }

    static ApiEnabled apiEnabled() { return new ApiEnabled(); }
    static UserActive userActive() { return new UserActive(); }
    static PermissionSetAssigned permissionSet(String apiName) { return new PermissionSetAssigned(apiName); }
    static VisualforcePageAccess visualforcePage(String pageName) { return new VisualforcePageAccess(pageName); }
    static ObjectAccess object(String object, Access... access) { return new ObjectAccess(object, Set.of(access)); }
    static FieldAccess field(String object, String field, Access... access) {
        return new FieldAccess(object, field, Set.of(access));
    }
    static CustomObjectExists customObject(String object) { return new CustomObjectExists(object); }

    private static String labels(Set<Access> access) {
        return EnumSet.copyOf(access).stream().map(Access::label).collect(Collectors.joining("/"));
    }
}
