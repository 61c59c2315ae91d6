package dev.crosswalk.salesforce.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PkceTest {

    @Test
    void challenge_matches_the_rfc_7636_example() {
        // RFC 7636 appendix B.
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void verifiers_are_long_random_and_url_safe() {
        String a = Pkce.newVerifier();
        String b = Pkce.newVerifier();
        assertThat(a).hasSizeBetween(43, 128).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
        assertThat(Pkce.newState()).matches("[A-Za-z0-9_-]{40,}");
    }
}
