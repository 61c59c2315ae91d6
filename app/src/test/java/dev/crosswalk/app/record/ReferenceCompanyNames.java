package dev.crosswalk.app.record;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
final class ReferenceCompanyNames {
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

    private ReferenceCompanyNames() {
    }

    static KeyResult key(String raw) {
        if (raw == null || raw.isBlank()) {
            return KeyResult.none(KeyReason.BLANK);
        }
        String s = fold(raw);
        s = PARENTHESIZED.matcher(s).replaceAll(" ");
        s = s.replace("&", " and ").replace("+", " and ");
        s = JOINERS.matcher(s).replaceAll("");
        String words = NOT_WORD.matcher(s).replaceAll(" ").strip();
        if (words.isEmpty()) {
            return KeyResult.none(raw.codePoints().anyMatch(Character::isLetterOrDigit) ? KeyReason.PLACEHOLDER : KeyReason.BLANK);
        }
        if (PLACEHOLDERS.contains(words)) {
            return KeyResult.none(KeyReason.PLACEHOLDER);
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(words.split(" ")));
        if (tokens.size() > 1 && tokens.get(0).equals("the")) {
            tokens.remove(0);
        }
        int end = tokens.size();
        while (end > 0 && LEGAL_FORMS.contains(tokens.get(end - 1))) {
            end--;
        }
        if (end == 0) {
            return KeyResult.none(KeyReason.ONLY_LEGAL_FORM);
        }
        return KeyResult.of(String.join("", tokens.subList(0, end)), KeyReason.NAME);
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
