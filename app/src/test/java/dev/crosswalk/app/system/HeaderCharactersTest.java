package dev.crosswalk.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderCharactersTest {
    /** Characters around every boundary that matters: controls, tab, DEL, Latin-1, unassigned and surrogate code units. */
    private static final char[] ALPHABET = ("\u0000\u0001\t\n\r\u001f !\"Aaz~\u007f\u0080\u009f\u00a0\u00e9\u0378\u2028\ud800\udc00\ufffe\uffff"
            + "0123456789-._+/=:;,").toCharArray();

    @Test
    void names_and_values_are_judged_exactly_as_springs_firewall_judges_them() {
        SplittableRandom random = new SplittableRandom(15);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                // Mostly printable ASCII, as real headers are, so both paths are exercised.
                s.append(random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (char) (' ' + random.nextInt(95)));
            }
            String text = s.toString();
            assertThat(HeaderCharacters.names().test(text)).as("name %s", text.chars().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(HeaderCharacters.values().test(text)).as("value %s", text.chars().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }

    @Test
    void a_bearer_token_takes_the_fast_path_and_a_control_character_is_still_refused() {
        assertThat(HeaderCharacters.printableAscii("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", true)).isTrue();
        assertThat(HeaderCharacters.values().test("Bearer abc\u0000")).isFalse();
        assertThat(HeaderCharacters.values().test("a\tb")).isTrue();
        assertThat(HeaderCharacters.names().test("a\tb")).isFalse();
    }
}
