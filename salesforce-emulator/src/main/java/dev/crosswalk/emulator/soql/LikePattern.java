package dev.crosswalk.emulator.soql;

/**
 * A compiled SOQL LIKE pattern: {@code %} any run of characters, {@code _} exactly one, {@code \%} and
 * {@code \_} the characters themselves; matching is case-insensitive, as in Salesforce. Compiled once
 * per query into a char/kind array and matched per row by a wildcard matcher with single-star
 * backtracking: no regex and no allocation per row.
 */
final class LikePattern {
    /** Pattern characters; which of them are wildcards is in {@code kind}. */
    private final char[] chars;
    /** 0 = literal, 1 = {@code %}, 2 = {@code _}. */
    private final byte[] kind;

    private LikePattern(char[] chars, byte[] kind) {
        this.chars = chars;
        this.kind = kind;
    }

    /** From the LIKE form of a string literal, where literal {@code %}, {@code _} and backslash are escaped. */
    static LikePattern compile(String like) {
        char[] chars = new char[like.length()];
        byte[] kind = new byte[like.length()];
        int n = 0;
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                chars[n] = like.charAt(++i);
                kind[n++] = 0;
            } else if (c == '%') {
                if (n > 0 && kind[n - 1] == 1) {
                    continue; // "%%" is "%"
                }
                chars[n] = c;
                kind[n++] = 1;
            } else {
                chars[n] = c;
                kind[n++] = (byte) (c == '_' ? 2 : 0);
            }
        }
        return new LikePattern(java.util.Arrays.copyOf(chars, n), java.util.Arrays.copyOf(kind, n));
    }

    boolean matches(String s) {
        // Classic wildcard matching with single-star backtracking: O(n·m) worst case, linear for the usual shapes.
        int p = 0;
        int i = 0;
        int starP = -1;
        int starI = 0;
        int plen = chars.length;
        int slen = s.length();
        while (i < slen) {
            if (p < plen && kind[p] != 1 && (kind[p] == 2 || sameIgnoreCase(chars[p], s.charAt(i)))) {
                p++;
                i++;
            } else if (p < plen && kind[p] == 1) {
                starP = p++;
                starI = i;
            } else if (starP >= 0) {
                p = starP + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (p < plen && kind[p] == 1) {
            p++;
        }
        return p == plen;
    }

    private static boolean sameIgnoreCase(char a, char b) {
        if (a == b) {
            return true;
        }
        char ua = Character.toUpperCase(a);
        char ub = Character.toUpperCase(b);
        return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
    }
}
