package dev.crosswalk.app.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.seed.OrgDataPlan;
import dev.crosswalk.emulator.seed.OverlapPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The key code's fast paths (ASCII names without regular expressions, hosts that skip IDN, the
 * usual schemes, the domain lists without a second suffix lookup) give exactly what the general
 * code gave, for every input here. Where the main code keeps its general path beside the fast one,
 * the two are compared directly ({@link CompanyNames#words} against {@link CompanyNames#asciiWords};
 * {@link Idna#throughIdn} under the reference's hosts). The website and e-mail rules' fast paths are
 * woven through them, so {@code ReferenceDomainKeys} and {@code ReferenceDomainList} are those
 * classes as they were before the fast paths.
 */
class MatchKeysFastPathTest {
    private static final MatchKeys KEYS = MatchKeys.standard();
    private static final ReferenceDomainKeys REFERENCE = new ReferenceDomainKeys(
            ReferenceDomainList.load("/matching/personal-email-domains.txt"), ReferenceDomainList.load("/matching/platform-domains.txt"));

    /** Pieces of messy input: schemes and their typos, hosts, suffixes, separators, invisible and non-ASCII characters. */
    private static final String[] PIECES = {"http://", "https://", "HTTPS://", "htp://", "http//", "https:/", "hxxp://", "ftp://",
            "mailto:", "www.", "www2.", "WWW.", "acme", "Acme", "ACME", "north-wind", "x", "a", "b", "o'brien", ".", ".", "..", "...",
            "com", "co.uk", "de", "github.io", "blogspot.com", "kobe.jp", "city.kobe.jp", "gmail.com", "hotmail.fr", "facebook.com",
            "linkedin.com/company/acme", "example.com", "localhost", ".local", ".internal", "@", "@", " ", "  ", "\t", "\n", "/", "//",
            "\\", ":", ":8080", ":x", ";", "?", "?ref=1", "#", "#top", "|", ",", "<", ">", "\"", "'", "`", "´", "’", "(", ")", "[", "]",
            "{", "}", "«", "&", "+", "-", "_", "ß", "straße", "ü", "é", "ς", "Æ", "ł", "。", "．", "xn--", "xn--strae-oqa", "\u200B",
            "\u00AD", "\uFEFF", "\u00A0", "\u3000", "ＡＣＭＥ", "n/a", "N/A", "none", "unknown", "test", "192.168.0.1", "10.0.0.1",
            "[::1]", "::1", "fe80::1%eth0", "1.2.3", "Inc", "Inc.", "GmbH", "S.p.A.", "Ltd", "the", "The", "and", "Co.", "a/s", "3M",
            "🙂", "l".repeat(63), "l".repeat(64), "0", "1"};

    @Test
    void random_messy_values_key_as_the_general_code_keys_them() {
        SplittableRandom random = new SplittableRandom(20_261_207L);
        List<String> different = new ArrayList<>();
        for (int i = 0; i < 100_000 && different.size() < 20; i++) {
            StringBuilder value = new StringBuilder();
            int pieces = 1 + random.nextInt(7);
            for (int p = 0; p < pieces; p++) {
                value.append(PIECES[random.nextInt(PIECES.length)]);
            }
            compare(value.toString(), different);
        }
        assertThat(different).isEmpty();
    }

    @Test
    void the_corpus_and_the_seeded_demo_data_key_as_the_general_code_keys_them() throws IOException {
        List<String> different = new ArrayList<>();
        try (InputStream in = MatchKeysFastPathTest.class.getResourceAsStream("/matching/corpus.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int open = line.indexOf('"');
                int close = line.lastIndexOf('"');
                if (!line.startsWith("#") && open >= 0 && close > open) {
                    compare(line.substring(open + 1, close), different);
                }
            }
        }
        for (OrgDataPlan org : OverlapPlan.demo().orgs()) {
            org.forEachAccount(a -> {
                compare(a.website(), different);
                compare(a.name(), different);
            });
            org.forEachLead(l -> {
                compare(l.email(), different);
                compare(l.companyName(), different);
            });
        }
        assertThat(different).isEmpty();
    }

    private static void compare(String value, List<String> different) {
        check("website", value, KEYS.website(value), REFERENCE.website(value), different);
        check("email", value, KEYS.email(value), REFERENCE.email(value), different);
        if (value != null && CompanyNames.plainAscii(value)) {
            check("name words", value, CompanyNames.asciiWords(value), CompanyNames.words(value), different);
        }
    }

    private static void check(String what, String value, Object fast, Object reference, List<String> different) {
        if (!Objects.equals(fast, reference)) {
            different.add(what + " [" + value + "]: " + fast + ", general code: " + reference);
        }
    }
}
