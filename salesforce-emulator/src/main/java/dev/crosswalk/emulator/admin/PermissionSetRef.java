package dev.crosswalk.emulator.admin;

/**
 * Names a permission set for administration: a regular one by API name, or the hidden one a
 * profile owns (by profile name). {@code org} (name or id) may be null when only one org has a
 * permission set or profile of that name.
 */
public record PermissionSetRef(String org, String permissionSet, String profile) {
    public PermissionSetRef {
        if ((permissionSet == null) == (profile == null)) {
            throw AdminException.badRequest("invalid_request", "Give exactly one of permissionSet or profile");
        }
    }

    public static PermissionSetRef named(String org, String apiName) {
        return new PermissionSetRef(org, apiName, null);
    }

    public static PermissionSetRef ofProfile(String org, String profileName) {
        return new PermissionSetRef(org, null, profileName);
    }

    @Override
    public String toString() {
        return permissionSet != null ? "permission set " + permissionSet : "profile " + profile;
    }
}
