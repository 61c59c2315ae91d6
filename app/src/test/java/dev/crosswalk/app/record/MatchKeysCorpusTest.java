package dev.crosswalk.app.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The matching corpus ({@code src/test/resources/matching/corpus.csv}): messy websites and emails
 * with the key each must produce, or "no key" and why. A change to the matching rules shows up
 * here as a list of cases that changed.
 */
class MatchKeysCorpusTest {
    private static final String CORPUS = "/matching/corpus.csv";
    private final MatchKeys keys = MatchKeys.standard();

    @ParameterizedTest(name = "{0} [{1}] -> {2} ({3})")
    @CsvFileSource(resources = CORPUS, numLinesToSkip = 0, maxCharsPerColumn = 8192)
    void every_case_gives_the_expected_key_and_reason(String kind, String input, String expectedKey, KeyReason expectedReason) {
        String value = unescape(input);
        KeyResult result = switch (kind) {
            case "website" -> keys.website(value);
            case "email" -> keys.email(value);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        assertThat(result.keyOrNull()).as("key of %s %s", kind, input).isEqualTo(expectedKey);
        assertThat(result.reason()).as("reason for %s %s", kind, input).isEqualTo(expectedReason);
    }

    @Test
    void the_corpus_has_at_least_300_cases_and_covers_every_reason_a_field_can_give() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream(CORPUS)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var lines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(300);
        Set<KeyReason> seen = EnumSet.noneOf(KeyReason.class);
        for (String l : lines) {
            seen.add(KeyReason.valueOf(l.substring(l.lastIndexOf(',') + 1).strip()));
        }
        Set<KeyReason> fieldReasons = EnumSet.allOf(KeyReason.class);
        fieldReasons.removeAll(Set.of(KeyReason.NAME, KeyReason.ONLY_LEGAL_FORM, KeyReason.DELETED, KeyReason.NOT_APPLICABLE));
        assertThat(seen).containsAll(fieldReasons);
    }

    /** {@code \t}, {@code \n}, {@code \\} and {@code \}{@code uXXXX}; any other backslash stays as it is. */
    static String unescape(String s) {
        if (s == null || s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(i + 1);
            switch (n) {
                case 't' -> { out.append('\t'); i++; }
                case 'n' -> { out.append('\n'); i++; }
                case '\\' -> { out.append('\\'); i++; }
                case 'u' -> { out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16)); i += 5; }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
