package dev.crosswalk.emulator.oauth;

import static dev.crosswalk.emulator.oauth.OAuthTestOrg.CALLBACK;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.CLIENT_ID;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.CLIENT_SECRET;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.PASSWORD;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.ROTATING_CLIENT_ID;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.ROTATING_SECRET;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.VERIFIER;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** {@code POST /services/oauth2/token}: every grant, and Salesforce's error pair for every failure. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenEndpointIT {
    @AutoClose
    private final OAuthTestOrg t = new OAuthTestOrg();

    private static void assertError(HttpResponse<String> r, String error, String description) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("error_description").asString()).isEqualTo(description);
    }

    private String challenge() {
        return Pkce.s256(VERIFIER);
    }

    private JsonNode exchangeFor(String userId, String clientId, String secret) {
        String code = t.codeFor(userId, clientId, null);
        HttpResponse<String> r = t.token("grant_type", "authorization_code", "code", code, "client_id", clientId,
                "client_secret", secret, "redirect_uri", CALLBACK);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Authorization_code_grant {

        @Test
        void accepts_client_credentials_as_http_basic() {
            String code = t.codeFor(t.aliceId, CLIENT_ID, null);
            String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = t.postForm("/services/oauth2/token", Map.of("grant_type", "authorization_code",
                    "code", code, "redirect_uri", CALLBACK), basic);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r).has("refresh_token")).isTrue();
            assertThat(json(r).has("expires_in")).isFalse();
        }

        @Test
        void answers_form_encoded_when_asked_with_format_urlencoded() {
            String code = t.codeFor(t.aliceId, CLIENT_ID, null);
            HttpResponse<String> r = t.token("grant_type", "authorization_code", "code", code, "client_id", CLIENT_ID,
                    "client_secret", CLIENT_SECRET, "redirect_uri", CALLBACK, "format", "urlencoded");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-www-form-urlencoded");
            assertThat(r.body()).startsWith("access_token=").contains("&token_type=Bearer&");
        }

        @Test
        void an_unknown_client_is_invalid_client_id() {
            String code = t.codeFor(t.aliceId, CLIENT_ID, null);
            assertError(t.token("grant_type", "authorization_code", "code", code, "client_id", "nobody",
                    "client_secret", CLIENT_SECRET, "redirect_uri", CALLBACK), "invalid_client_id", "client identifier invalid");
        }

        @Test
        void a_wrong_or_missing_secret_is_invalid_client() {
            String code = t.codeFor(t.aliceId, CLIENT_ID, null);
            assertError(t.token("grant_type", "authorization_code", "code", code, "client_id", CLIENT_ID,
                    "client_secret", "wrong", "redirect_uri", CALLBACK), "invalid_client", "invalid client credentials");
            assertError(t.token("grant_type", "authorization_code", "code", code, "client_id", CLIENT_ID,
                    "redirect_uri", CALLBACK), "invalid_client", "invalid client credentials");
        }

        @Test
        void a_code_works_once() {
            String code = t.codeFor(t.aliceId, CLIENT_ID, challenge());
            assertThat(t.exchange(code, VERIFIER).statusCode()).isEqualTo(200);
            assertError(t.exchange(code, VERIFIER), "invalid_grant", "expired authorization code");
        }

        @Test
        void an_unknown_code_is_an_expired_authorization_code() {
            assertError(t.exchange("aPrxNotACode==", VERIFIER), "invalid_grant", "expired authorization code");
        }

        @Test
        void a_code_expires_after_fifteen_minutes() {
            String fresh = t.codeFor(t.aliceId, CLIENT_ID, challenge());
            String stale = t.codeFor(t.aliceId, CLIENT_ID, challenge());
            t.clock.advance(Duration.ofMinutes(15));
            assertThat(t.exchange(fresh, VERIFIER).statusCode()).as("exactly 15 minutes is still valid").isEqualTo(200);
            t.clock.advance(Duration.ofSeconds(1));
            assertError(t.exchange(stale, VERIFIER), "invalid_grant", "expired authorization code");
        }

        @Test
        void a_code_issued_to_another_client_is_rejected() {
            String code = t.codeFor(t.aliceId, ROTATING_CLIENT_ID, challenge());
            assertError(t.exchange(code, VERIFIER), "invalid_grant", "expired authorization code");
        }

        @Test
        void the_redirect_uri_must_equal_the_one_used_to_authorize() {
            String code = t.codeFor(t.aliceId, CLIENT_ID, challenge());
            assertError(t.token("grant_type", "authorization_code", "code", code, "client_id", CLIENT_ID,
                    "client_secret", CLIENT_SECRET, "redirect_uri", "http://localhost:9999/cb", "code_verifier", VERIFIER),
                    "redirect_uri_mismatch", "redirect_uri must match configuration");
        }

        @Test
        void a_missing_code_verifier_for_a_pkce_code_is_invalid_grant() {
            String code = t.codeFor(t.aliceId, CLIENT_ID, challenge());
            assertError(t.exchange(code, null), "invalid_grant", "invalid code verifier");
        }

        @Test
        void a_code_verifier_that_does_not_match_the_challenge_is_invalid_grant() {
            String code = t.codeFor(t.aliceId, CLIENT_ID, challenge());
            assertError(t.exchange(code, VERIFIER + "x"), "invalid_grant", "invalid code verifier");
        }

        @Test
        void a_code_verifier_for_a_code_issued_without_a_challenge_is_ignored() {
            String code = t.codeFor(t.aliceId, CLIENT_ID, null);
            assertThat(t.exchange(code, VERIFIER).statusCode()).isEqualTo(200);
        }

        @Test
        void a_code_verifier_on_refresh_and_password_grants_is_ignored() {
            String refresh = exchangeFor(t.aliceId, CLIENT_ID, CLIENT_SECRET).get("refresh_token").asString();
            assertThat(t.token("grant_type", "refresh_token", "refresh_token", refresh, "client_id", CLIENT_ID,
                    "client_secret", CLIENT_SECRET, "code_verifier", VERIFIER).statusCode()).isEqualTo(200);
            assertThat(t.token("grant_type", "password", "username", "alice@test.example", "password", PASSWORD,
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "code_verifier", VERIFIER).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void an_inactive_user_gets_no_tokens() {
            String user = t.freshUser();
            String code = t.codeFor(t.userId(user), CLIENT_ID, challenge());
            t.state.setUserActive(t.org, t.userId(user), false);
            assertError(t.exchange(code, VERIFIER), "invalid_grant", "inactive user");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Refresh_token_grant {

        @Test
        void without_rotation_returns_a_new_access_token_and_no_refresh_token() {
            JsonNode first = exchangeFor(t.aliceId, CLIENT_ID, CLIENT_SECRET);
            String refresh = first.get("refresh_token").asString();
            HttpResponse<String> r = t.refresh(CLIENT_ID, CLIENT_SECRET, refresh);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = json(r);
            assertThat(new ArrayList<>(body.propertyNames())).containsExactly("access_token", "signature", "scope",
                    "instance_url", "id", "token_type", "issued_at");
            assertThat(body.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
            assertThat(body.get("scope").asString()).isEqualTo("api id refresh_token");
            assertThat(t.refresh(CLIENT_ID, CLIENT_SECRET, refresh).statusCode()).as("still usable").isEqualTo(200);
        }

        @Test
        void with_rotation_returns_a_new_refresh_token_and_retires_the_old_one() {
            JsonNode first = exchangeFor(t.aliceId, ROTATING_CLIENT_ID, ROTATING_SECRET);
            String old = first.get("refresh_token").asString();
            HttpResponse<String> r = t.refresh(ROTATING_CLIENT_ID, ROTATING_SECRET, old);
            assertThat(r.statusCode()).isEqualTo(200);
            String next = json(r).get("refresh_token").asString();
            assertThat(next).isNotBlank().isNotEqualTo(old);

            assertError(t.refresh(ROTATING_CLIENT_ID, ROTATING_SECRET, old), "invalid_grant", "expired access/refresh token");
            assertThat(t.refresh(ROTATING_CLIENT_ID, ROTATING_SECRET, next).statusCode()).isEqualTo(200);
            assertThat(t.getWithToken("/services/oauth2/userinfo", first.get("access_token").asString()).statusCode())
                    .as("rotation does not log out sessions already issued").isEqualTo(200);
        }

        @Test
        void an_unknown_or_revoked_refresh_token_is_expired() {
            assertError(t.refresh(CLIENT_ID, CLIENT_SECRET, "5Aep861nope"), "invalid_grant", "expired access/refresh token");
            String refresh = exchangeFor(t.aliceId, CLIENT_ID, CLIENT_SECRET).get("refresh_token").asString();
            t.state.tokens().revoke(refresh);
            assertError(t.refresh(CLIENT_ID, CLIENT_SECRET, refresh), "invalid_grant", "expired access/refresh token");
        }

        @Test
        void a_refresh_token_of_another_app_is_expired_for_this_one() {
            String refresh = exchangeFor(t.aliceId, ROTATING_CLIENT_ID, ROTATING_SECRET).get("refresh_token").asString();
            assertError(t.refresh(CLIENT_ID, CLIENT_SECRET, refresh), "invalid_grant", "expired access/refresh token");
        }

        @Test
        void an_inactive_user_cannot_refresh_until_reactivated() {
            String user = t.freshUser();
            String refresh = exchangeFor(t.userId(user), CLIENT_ID, CLIENT_SECRET).get("refresh_token").asString();
            t.state.setUserActive(t.org, t.userId(user), false);
            assertError(t.refresh(CLIENT_ID, CLIENT_SECRET, refresh), "invalid_grant", "inactive user");
            t.state.setUserActive(t.org, t.userId(user), true);
            assertThat(t.refresh(CLIENT_ID, CLIENT_SECRET, refresh).statusCode()).isEqualTo(200);
        }

        @Test
        void a_sixth_approval_revokes_the_oldest_refresh_token() {
            String user = t.userId(t.freshUser());
            List<String> refreshTokens = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                refreshTokens.add(exchangeFor(user, CLIENT_ID, CLIENT_SECRET).get("refresh_token").asString());
                t.clock.advance(Duration.ofSeconds(1));
            }
            assertThat(t.state.tokens().approvalCount(user, CLIENT_ID)).isEqualTo(5);
            assertError(t.refresh(CLIENT_ID, CLIENT_SECRET, refreshTokens.get(0)), "invalid_grant",
                    "expired access/refresh token");
            for (String live : refreshTokens.subList(1, 6)) {
                assertThat(t.refresh(CLIENT_ID, CLIENT_SECRET, live).statusCode()).isEqualTo(200);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Password_grant {

        @Test
        void issues_a_working_session_and_no_refresh_token() {
            HttpResponse<String> r = t.passwordLogin("alice@test.example", PASSWORD);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = json(r);
            assertThat(body.has("refresh_token")).isFalse();
            assertThat(body.has("expires_in")).isFalse();
            assertThat(body.get("id").asString()).endsWith("/id/" + t.org.id() + "/" + t.aliceId);
            assertThat(t.getWithToken("/services/oauth2/userinfo", body.get("access_token").asString()).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void a_wrong_password_or_unknown_user_is_an_authentication_failure() {
            assertError(t.passwordLogin("alice@test.example", "wrong"), "invalid_grant", "authentication failure");
            assertError(t.passwordLogin("nobody@test.example", PASSWORD), "invalid_grant", "authentication failure");
        }

        @Test
        void an_inactive_user_is_told_so() {
            String user = t.freshUser();
            t.state.setUserActive(t.org, t.userId(user), false);
            assertError(t.passwordLogin(user, PASSWORD), "invalid_grant", "inactive user");
        }

        @Test
        void needs_valid_client_credentials() {
            assertError(t.token("grant_type", "password", "username", "alice@test.example", "password", PASSWORD,
                    "client_id", CLIENT_ID, "client_secret", "wrong"), "invalid_client", "invalid client credentials");
        }
    }

    @Test
    void an_unknown_or_missing_grant_type_is_unsupported() {
        assertError(t.token("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET),
                "unsupported_grant_type", "grant type not supported");
        assertError(t.token("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET),
                "unsupported_grant_type", "grant type not supported");
    }
}
