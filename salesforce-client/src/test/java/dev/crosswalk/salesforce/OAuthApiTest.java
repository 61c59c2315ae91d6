package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.internal.Pkce;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OAuthApiTest {

    private final OAuthApi oauth = SalesforceClient.create(ClientConfig.builder("my-client").clientSecret("s").build())
            .oauth();

    private static Map<String, String> query(AuthorizationRequest r) {
        return Arrays.stream(r.url().getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    @Test
    void authorize_url_uses_pkce_s256_state_and_prompt_login() {
        AuthorizationRequest r = oauth.authorizationRequest(LoginHost.production(), "https://crosswalk.example/cb",
                new LinkedHashSet<>(java.util.List.of("api", "refresh_token", "id")), true);
        assertThat(r.url().toString()).startsWith("https://login.salesforce.com/services/oauth2/authorize?");
        Map<String, String> q = query(r);
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", "my-client")
                .containsEntry("redirect_uri", "https://crosswalk.example/cb")
                .containsEntry("scope", "api refresh_token id")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("prompt", "login")
                .containsEntry("state", r.state())
                .containsEntry("code_challenge", Pkce.challenge(r.codeVerifier()));
        assertThat(r.toString()).doesNotContain(r.state()).doesNotContain(r.codeVerifier());
        assertThat(r.stateMatches(r.state())).isTrue();
        assertThat(r.stateMatches("other")).isFalse();
        assertThat(r.stateMatches(null)).isFalse();
    }

    @Test
    void sandbox_and_my_domain_hosts_and_no_prompt_unless_asked() {
        assertThat(oauth.authorizationRequest(LoginHost.sandbox(), "https://x/cb", java.util.Set.of(), false).url())
                .hasHost("test.salesforce.com");
        AuthorizationRequest md = oauth.authorizationRequest(LoginHost.myDomain("acme"), "https://x/cb",
                java.util.Set.of(), false);
        assertThat(md.url()).hasHost("acme.my.salesforce.com");
        assertThat(query(md)).doesNotContainKey("prompt").doesNotContainKey("scope");
        assertThat(LoginHost.myDomain("acme--uat.sandbox.my.salesforce.com").baseUrl())
                .isEqualTo("https://acme--uat.sandbox.my.salesforce.com");
    }

    @Test
    void a_login_host_outside_the_allow_list_is_refused() {
        assertThatThrownBy(() -> oauth.authorizationRequest(LoginHost.of("https://evil.example.com"), "https://x/cb",
                java.util.Set.of(), false)).isInstanceOf(SalesforceException.class);
        assertThatThrownBy(() -> oauth.passwordGrant(LoginHost.of("http://127.0.0.1:1"), "u", "p"))
                .isInstanceOfSatisfying(SalesforceException.class,
                        e -> assertThat(e.error()).isInstanceOf(SalesforceError.UntrustedInstanceUrl.class));
    }
}
