package dev.crosswalk.app.record;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A company name reduced to what survives the ways people write it: case, accents, punctuation,
 * "&" vs "and", a leading "The", qualifiers in parentheses and the legal form ("Inc.", "GmbH &
 * Co. KG", "Pty. Ltd."). The tokens left are joined without spaces ({@code "North Wind"} and
 * {@code "Northwind"} agree).
 *
 * <p>Weak evidence only: different companies share names ("Delta" the airline, the faucet
 * maker, the dental insurer), so a name never makes an overlap unless a partnership turns name
 * matching on, and never against a differing domain.
 */
final class CompanyNames {
    /** Legal forms and their abbreviations (after dots are removed: "S.p.A." is "spa"). Stripped from the end only. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc", "incorporated", "llc", "llp", "lllp", "lp", "pllc", "pc", "ltd", "limited", "ltda", "corp", "corporation",
            "co", "cos", "company", "plc", "pty", "pvt", "pte", "private", "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug",
            "ev", "se", "sa", "sas", "sasu", "sarl", "sca", "scs", "snc", "sl", "slu", "srl", "spa", "sro", "as", "asa",
            "aps", "ab", "abp", "oy", "oyj", "bv", "nv", "vof", "cv", "kk", "yk", "gk", "bhd", "sdn", "tbk", "de", "kft",
            "zrt", "nyrt", "doo", "dd", "ad", "ead", "ooo", "oao", "zao", "pao", "sp", "zoo", "sapi", "ehf", "hf",
            "and");
    private static final Set<String> PLACEHOLDERS = Set.of("na", "n a", "none", "null", "unknown", "tbd", "test",
            "not provided", "no company", "individual", "self employed", "self", "private", "personal", "home", "x", "xx",
            "xxx", "company", "private person");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PARENTHESIZED = Pattern.compile("\\([^)]*\\)|\\[[^]]*]");
    /** Characters that join what they separate: "O'Brien", "A.C.M.E.", "a/s". */
    private static final Pattern JOINERS = Pattern.compile("['’`´.]|(?<=\\b[a-z])/(?=[a-z]\\b)");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private CompanyNames() {
    }

    static KeyResult key(String raw) {
        if (raw == null || raw.isBlank()) {
            return KeyResult.none(KeyReason.BLANK);
        }
        String words = plainAscii(raw) ? asciiWords(raw) : words(raw);
        if (words.isEmpty()) {
            return KeyResult.none(raw.codePoints().anyMatch(Character::isLetterOrDigit) ? KeyReason.PLACEHOLDER : KeyReason.BLANK);
        }
        if (PLACEHOLDERS.contains(words)) {
            return KeyResult.none(KeyReason.PLACEHOLDER);
        }
        String[] tokens = words.split(" ");
        int start = tokens.length > 1 && tokens[0].equals("the") ? 1 : 0;
        int end = tokens.length;
        while (end > start && LEGAL_FORMS.contains(tokens[end - 1])) {
            end--;
        }
        if (end == start) {
            return KeyResult.none(KeyReason.ONLY_LEGAL_FORM);
        }
        StringBuilder key = new StringBuilder(words.length());
        for (int i = start; i < end; i++) {
            key.append(tokens[i]);
        }
        return KeyResult.of(key.toString(), KeyReason.NAME);
    }

    /** The words of a name, lower case, separated by single spaces (the general case, with regular expressions). */
    static String words(String raw) {
        String s = fold(raw);
        s = PARENTHESIZED.matcher(s).replaceAll(" ");
        s = s.replace("&", " and ").replace("+", " and ");
        s = JOINERS.matcher(s).replaceAll("");
        return NOT_WORD.matcher(s).replaceAll(" ").strip();
    }

    /**
     * ASCII without brackets or slashes: nothing to fold, no parenthesized qualifier, no "a/s".
     * Most names are like this, and {@link #asciiWords} gives them the same words as {@link #words}
     * in one pass over the characters, without regular expressions (a key pass keys a million names).
     */
    static boolean plainAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 128 || c == '(' || c == '[' || c == '/') {
                return false;
            }
        }
        return true;
    }

    /** {@link #words} of a {@link #plainAscii} name: joiners vanish, "&" and "+" are the word "and", anything else not a letter or digit separates. */
    static String asciiWords(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        boolean separate = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (separate && !out.isEmpty()) {
                    out.append(' ');
                }
                separate = false;
                out.append(c);
            } else if (c == '&' || c == '+') {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append("and");
                separate = true;
            } else if (c != '\'' && c != '`' && c != '.') {
                separate = true;
            }
        }
        return out.toString();
    }

    /** Lower case without accents; letters NFD cannot split (ß, æ, ø, ł, …) spelt out. */
    private static String fold(String raw) {
        if (raw.chars().allMatch(c -> c < 128)) {
            return raw.toLowerCase(Locale.ROOT);
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ø' -> out.append('o');
                case 'ł' -> out.append('l');
                case 'đ', 'ð' -> out.append('d');
                case 'þ' -> out.append("th");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
