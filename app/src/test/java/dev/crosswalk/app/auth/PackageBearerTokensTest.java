package dev.crosswalk.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class PackageBearerTokensTest {
    private static final String CHARS = "aZ09-._~+/= :;,\t\"\u00e9";
    private static final String[] SCHEMES = {"Bearer ", "bearer ", "BEARER ", "Bearer  ", "Bearer", "Basic ", "Bearer\t", ""};

    private final PackageBearerTokens fast = new PackageBearerTokens();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void every_authorization_header_resolves_or_fails_exactly_as_with_springs_resolver() {
        SplittableRandom random = new SplittableRandom(6);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder token = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                token.append(random.nextInt(3) == 0 ? CHARS.charAt(random.nextInt(CHARS.length())) : (char) ('a' + random.nextInt(26)));
            }
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/package/v1/status");
            String header = SCHEMES[random.nextInt(SCHEMES.length)] + token;
            if (random.nextInt(10) > 0) {
                request.addHeader("Authorization", header);
            }
            assertThat(outcome(() -> fast.resolve(request))).as(header).isEqualTo(outcome(() -> spring.resolve(request)));
        }
    }

    @Test
    void a_jwt_is_read_from_the_header_and_a_malformed_one_is_refused() {
        MockHttpServletRequest ok = new MockHttpServletRequest("GET", "/");
        ok.addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl==");
        assertThat(fast.resolve(ok)).isEqualTo("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl==");
        MockHttpServletRequest bad = new MockHttpServletRequest("GET", "/");
        bad.addHeader("Authorization", "Bearer a=b");
        assertThat(catchThrowable(() -> fast.resolve(bad))).isInstanceOf(OAuth2AuthenticationException.class);
    }

    private static String outcome(java.util.concurrent.Callable<String> resolve) {
        try {
            return "token " + resolve.call();
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        } catch (Exception e) {
            return "failed " + e;
        }
    }
}
