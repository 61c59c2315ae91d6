package dev.crosswalk.emulator.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Salesforce record ids: 15 case-sensitive characters (3-character key prefix + 12 base-62
 * characters) and the 18-character form whose 3-character suffix encodes, per 5-character chunk,
 * which characters are upper case, so the id survives case-insensitive systems.
 */
public final class Ids {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private Ids() {
    }

    /** The 15-character id for a key prefix and a sequence number, on the default pod {@code Rx}. */
    public static String id15(String keyPrefix, long sequence) {
        return id15(keyPrefix, "Rx", sequence);
    }

    /**
     * The 15-character id for a key prefix, a 2-character pod (Salesforce's instance marker; the
     * emulator gives each org its own, so ids never repeat across orgs) and a sequence number.
     */
    public static String id15(String keyPrefix, String pod, long sequence) {
        StringBuilder digits = new StringBuilder();
        long n = sequence;
        do {
            digits.append(BASE62.charAt((int) (n % 62)));
            n /= 62;
        } while (n > 0);
        // Real ids look like 001 + pod (e.g. "R0") + "0" + zero-padded counter.
        StringBuilder id = new StringBuilder(15).append(keyPrefix).append(pod).append('0');
        for (int i = id.length() + digits.length(); i < 15; i++) {
            id.append('0');
        }
        return id.append(digits.reverse()).toString();
    }

    public static String to18(String id15) {
        if (id15.length() != 15) {
            throw new IllegalArgumentException("not a 15-character id");
        }
        return id15 + suffix(id15);
    }

    public static String suffix(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }

    /**
     * Normalizes a caller-supplied id to the canonical 18-character form. A 15-character id is
     * taken as is (case-sensitive); an 18-character id is accepted in any case when its suffix
     * is consistent, the way Salesforce repairs ids that went through case-insensitive systems.
     */
    public static Optional<String> normalize(String id) {
        if (id == null) {
            return Optional.empty();
        }
        if (id.length() == 15 && isBase62(id)) {
            return Optional.of(to18(id));
        }
        if (id.length() == 18 && isBase62(id)) {
            String suffix = id.substring(15).toUpperCase(Locale.ROOT);
            char[] chars = id.substring(0, 15).toCharArray();
            for (int chunk = 0; chunk < 3; chunk++) {
                int bits = SUFFIX_ALPHABET.indexOf(suffix.charAt(chunk));
                if (bits < 0) {
                    return Optional.empty();
                }
                for (int i = 0; i < 5; i++) {
                    int pos = chunk * 5 + i;
                    chars[pos] = (bits & (1 << i)) != 0
                            ? Character.toUpperCase(chars[pos]) : Character.toLowerCase(chars[pos]);
                    if (Character.isDigit(chars[pos]) && (bits & (1 << i)) != 0) {
                        return Optional.empty();
                    }
                }
            }
            String id15 = new String(chars);
            return Optional.of(to18(id15));
        }
        return Optional.empty();
    }

    public static boolean looksLikeId(String s) {
        return normalize(s).isPresent();
    }

    public static String keyPrefix(String id) {
        return id.substring(0, 3);
    }

    private static boolean isBase62(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (BASE62.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
