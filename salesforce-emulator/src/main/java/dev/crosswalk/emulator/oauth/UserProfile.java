package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import java.time.Instant;
import java.util.Optional;

/** The User-record fields the identity and userinfo answers are made of. */
record UserProfile(String userId, String username, String firstName, String lastName, String name, String email,
        boolean active, String userType, String timeZone, String locale, String language, Instant lastModified) {

    static Optional<UserProfile> load(Org org, String userId) {
        return org.read(() -> {
            var store = org.store("User");
            Record u = store.get(userId);
            if (u == null) {
                return Optional.empty();
            }
            SObjectType t = store.type();
            return Optional.of(new UserProfile(u.id(), str(u, t, "Username"), str(u, t, "FirstName"), str(u, t, "LastName"),
                    str(u, t, "Name"), str(u, t, "Email"), Boolean.TRUE.equals(u.get(t.require("IsActive"))),
                    str(u, t, "UserType"), str(u, t, "TimeZoneSidKey"), str(u, t, "LocaleSidKey"),
                    str(u, t, "LanguageLocaleKey"), (Instant) u.get(t.require("LastModifiedDate"))));
        });
    }

    /** Salesforce's identity answers spell the user type in upper case ({@code STANDARD}). */
    String userTypeUpper() {
        return userType == null ? "STANDARD" : userType.toUpperCase(java.util.Locale.ROOT);
    }

    String displayName() {
        if (name != null) {
            return name;
        }
        return ((firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName)).trim();
    }

    private static String str(Record r, SObjectType t, String field) {
        return (String) r.get(t.require(field));
    }
}
