package dev.crosswalk.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenResponsesTest {

    @Test
    void the_signature_is_base64_hmac_sha256_of_id_and_issued_at_keyed_with_the_client_secret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal("http://h/id/00D/0051759828104619".getBytes(StandardCharsets.UTF_8)));
        assertThat(TokenResponses.signature("http://h/id/00D/005", "1759828104619", "secret")).isEqualTo(expected);
        assertThat(TokenResponses.signature("http://h/id/00D/005", "1759828104619", "other")).isNotEqualTo(expected);
    }

    @Test
    void redirect_parameters_are_percent_encoded_with_percent_20_for_spaces() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("error", "access_denied");
        p.put("error_description", "end-user denied authorization");
        p.put("code", "ab+c==");
        assertThat(TokenResponses.urlEncoded(p))
                .isEqualTo("error=access_denied&error_description=end-user%20denied%20authorization&code=ab%2Bc%3D%3D");
    }

    @Test
    void scopes_are_parsed_from_spaces_or_plus_signs_and_formatted_sorted() {
        assertThat(Scopes.parse(" refresh_token+api  id ")).containsExactly("api", "id", "refresh_token");
        assertThat(Scopes.format(Scopes.parse("refresh_token api"))).isEqualTo("api refresh_token");
        assertThat(Scopes.allowsRefresh(Scopes.parse("offline_access"))).isTrue();
        assertThat(Scopes.allowsRefresh(Scopes.parse("api id"))).isFalse();
    }
}
