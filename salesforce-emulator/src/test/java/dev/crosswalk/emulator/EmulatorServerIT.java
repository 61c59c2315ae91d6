package dev.crosswalk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class EmulatorServerIT {

    @Test
    void starts_on_a_random_loopback_port_and_answers_unknown_paths_with_salesforce_not_found() throws Exception {
        try (SalesforceEmulator sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0).build())) {
            assertThat(sf.baseUrl()).startsWith("http://127.0.0.1:");
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sf.baseUrl() + "/nothing/here")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("\"errorCode\":\"NOT_FOUND\"");
        }
    }
}
