package dev.crosswalk.salesforce.internal;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void token_like_query_parameters_are_masked() {
        assertThat(Redaction.url("https://x.my.salesforce.com/id/00D/005?oauth_token=00D!abc&version=62.0"))
                .isEqualTo("https://x.my.salesforce.com/id/00D/005?oauth_token=***&version=62.0");
        assertThat(Redaction.url("https://h/services/data/v62.0/query?q=SELECT+Id+FROM+Account"))
                .isEqualTo("https://h/services/data/v62.0/query?q=SELECT+Id+FROM+Account");
    }

    @Test
    void the_authorization_header_keeps_only_its_scheme() {
        HttpHeaders h = HttpHeaders.of(Map.of("Authorization", List.of("Bearer 00D!secret"), "Accept",
                List.of("application/json")), (a, b) -> true);
        assertThat(Redaction.headers(h)).containsEntry("Authorization", List.of("Bearer ***"))
                .containsEntry("Accept", List.of("application/json"));
    }
}
