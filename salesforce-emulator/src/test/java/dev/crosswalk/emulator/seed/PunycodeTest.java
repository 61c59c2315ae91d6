package dev.crosswalk.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import org.junit.jupiter.api.Test;

class PunycodeTest {
    @Test
    void encodes_like_the_jdk_for_every_idn_the_generator_makes() {
        CompanyGenerator g = new CompanyGenerator(17);
        int idns = 0;
        for (int i = 0; i < 50_000; i++) {
            Company c = g.company(i);
            if (c.idn()) {
                idns++;
                assertThat(c.asciiDomain()).isEqualTo(IDN.toASCII(c.domain(), IDN.ALLOW_UNASSIGNED));
            }
        }
        assertThat(idns).isGreaterThan(1_000);
    }

    @Test
    void encodes_the_rfc_examples_and_leaves_ascii_alone() {
        assertThat(Punycode.toAscii("müller-bau.de")).isEqualTo("xn--mller-bau-q9a.de");
        assertThat(Punycode.toAscii("bücher.example")).isEqualTo("xn--bcher-kva.example");
        assertThat(Punycode.toAscii("northwind.co.uk")).isEqualTo("northwind.co.uk");
    }
}
