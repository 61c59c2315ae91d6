package dev.crosswalk.emulator.oauth;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** OAuth scope strings: space-separated on the wire, sets inside. */
final class Scopes {
    private Scopes() {
    }

    /** Parses a space- (or plus-) separated scope parameter; null or blank gives an empty set. */
    static Set<String> parse(String scope) {
        Set<String> out = new TreeSet<>();
        if (scope != null) {
            for (String s : scope.trim().split("[\\s+]+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Sorted and space-separated, so responses are deterministic. */
    static String format(Collection<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    /** A refresh token is only issued when the grant includes {@code refresh_token} or its synonym. */
    static boolean allowsRefresh(Collection<String> scopes) {
        return scopes.contains("refresh_token") || scopes.contains("offline_access");
    }

    /** The scopes that allow reading the identity URL and userinfo. */
    static boolean allowsIdentity(Collection<String> scopes) {
        return scopes.contains("id") || scopes.contains("openid") || scopes.contains("full")
                || scopes.contains("profile") || scopes.contains("email");
    }

    /** The scopes that allow reading another user's identity in the same org. */
    static boolean allowsOtherUsers(Collection<String> scopes) {
        return scopes.contains("api") || scopes.contains("full");
    }
}
