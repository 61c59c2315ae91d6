package dev.crosswalk.app.auth;

import java.util.Set;

/** What the package may ask of Crosswalk: read overlaps for record pages, and run the setup journey. */
final class OutboundScopes {
    static final String OVERLAPS_READ = "overlaps:read";
    static final String SETUP = "setup";
    static final Set<String> ALL = Set.of(OVERLAPS_READ, SETUP);

    private OutboundScopes() {
    }
}
