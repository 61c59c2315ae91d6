package dev.crosswalk.app.org;

/** What a member may do: Admins change integrations, members and sharing; Managers work with data; Viewers read. */
public enum Role {
    ADMIN, MANAGER, VIEWER;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
