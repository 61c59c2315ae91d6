package dev.crosswalk.app.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Salesforce ids as the package sends them: 15 characters (case-sensitive) or 18 (with the
 * case-folding checksum). Stored ids are the 18-character form, so a 15-character id is extended.
 */
final class SalesforceIds {
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Za-z]{15}([0-9A-Za-z]{3})?");
    private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    /** The 18-character id, or empty when {@code id} is not shaped like a Salesforce id (or its checksum is wrong). */
    static Optional<String> normalize(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            return Optional.empty();
        }
        String full = id.substring(0, 15) + checksum(id.substring(0, 15));
        if (id.length() == 18 && !full.equalsIgnoreCase(id)) {
            return Optional.empty();
        }
        return Optional.of(full);
    }

    private static String checksum(String id15) {
        StringBuilder out = new StringBuilder(3);
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(block * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            out.append(SUFFIX.charAt(bits));
        }
        return out.toString();
    }
}
