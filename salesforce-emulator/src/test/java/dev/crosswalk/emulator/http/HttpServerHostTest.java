package dev.crosswalk.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpServerHostTest {
    @Test
    void a_plain_path_is_kept() {
        assertThat(HttpServerHost.path(URI.create("/services/data/v62.0/query?q=x"))).isEqualTo("/services/data/v62.0/query");
    }

    @Test
    void a_doubled_leading_slash_as_the_sf_cli_sends_keeps_its_first_segment() {
        assertThat(HttpServerHost.path(URI.create("//services/data/v62.0/query?q=x"))).isEqualTo("/services/data/v62.0/query");
        assertThat(HttpServerHost.path(URI.create("//services/data"))).isEqualTo("/services/data");
    }
}
