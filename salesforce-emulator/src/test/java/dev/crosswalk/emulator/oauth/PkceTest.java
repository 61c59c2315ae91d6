package dev.crosswalk.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {
    // RFC 7636 appendix B.
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256_matches_the_rfc_example() {
        assertThat(Pkce.s256(VERIFIER)).isEqualTo(CHALLENGE);
        assertThat(Pkce.verifies(VERIFIER, CHALLENGE)).isTrue();
    }

    @Test
    void a_different_or_missing_verifier_does_not_verify() {
        assertThat(Pkce.verifies(VERIFIER.replace('d', 'e'), CHALLENGE)).isFalse();
        assertThat(Pkce.verifies("", Pkce.s256(""))).isFalse();
        assertThat(Pkce.verifies(null, CHALLENGE)).isFalse();
    }

    @Test
    void a_verifier_longer_than_rfc_7636_allows_verifies_because_jsforce_sends_171_characters() {
        String jsforceStyle = "A".repeat(171);
        assertThat(Pkce.verifies(jsforceStyle, Pkce.s256(jsforceStyle))).isTrue();
    }

    @Test
    void only_43_character_base64url_challenges_are_well_formed() {
        assertThat(Pkce.wellFormedChallenge(CHALLENGE)).isTrue();
        assertThat(Pkce.wellFormedChallenge(CHALLENGE + "=")).isFalse();
        assertThat(Pkce.wellFormedChallenge(CHALLENGE.replace('-', '+'))).isFalse();
    }
}
