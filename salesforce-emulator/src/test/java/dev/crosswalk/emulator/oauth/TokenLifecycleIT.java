package dev.crosswalk.emulator.oauth;

import static dev.crosswalk.emulator.oauth.OAuthTestOrg.CALLBACK;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.CLIENT_ID;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.CLIENT_SECRET;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.PASSWORD;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.ROTATING_CLIENT_ID;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.ROTATING_SECRET;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.model.Org;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Revoke, introspect, userinfo, the identity URL, discovery and session timeouts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenLifecycleIT {
    @AutoClose
    private final OAuthTestOrg t = new OAuthTestOrg();

    private JsonNode codeGrant(String userId, Set<String> scopes) {
        String code = t.state.tokens().issueCode(t.org, userId, CLIENT_ID, CALLBACK, scopes, null, null).code();
        HttpResponse<String> r = t.token("grant_type", "authorization_code", "code", code, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "redirect_uri", CALLBACK);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private JsonNode codeGrant(String userId) {
        return codeGrant(userId, Set.of("api", "refresh_token", "id"));
    }

    private String accessToken(String username) {
        return json(t.passwordLogin(username, PASSWORD)).get("access_token").asString();
    }

    private int userinfoStatus(String accessToken) {
        return t.getWithToken("/services/oauth2/userinfo", accessToken).statusCode();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Revoke {

        @Test
        void revoking_an_access_token_ends_that_session_only() {
            String a = accessToken("alice@test.example");
            String b = accessToken("alice@test.example");
            HttpResponse<String> r = t.postForm("/services/oauth2/revoke", Map.of("token", a), null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEmpty();
            assertThat(userinfoStatus(a)).isEqualTo(401);
            assertThat(userinfoStatus(b)).isEqualTo(200);
        }

        @Test
        void revoking_a_refresh_token_ends_the_sessions_issued_from_it() {
            JsonNode grant = codeGrant(t.aliceId);
            String refresh = grant.get("refresh_token").asString();
            String refreshed = json(t.refresh(CLIENT_ID, CLIENT_SECRET, refresh)).get("access_token").asString();
            String unrelated = accessToken("alice@test.example");

            assertThat(t.postForm("/services/oauth2/revoke", Map.of("token", refresh), null).statusCode()).isEqualTo(200);
            assertThat(userinfoStatus(grant.get("access_token").asString())).isEqualTo(401);
            assertThat(userinfoStatus(refreshed)).isEqualTo(401);
            assertThat(userinfoStatus(unrelated)).isEqualTo(200);
            assertThat(json(t.refresh(CLIENT_ID, CLIENT_SECRET, refresh)).get("error").asString()).isEqualTo("invalid_grant");
        }

        @Test
        void accepts_get_with_the_token_in_the_query() {
            String a = accessToken("alice@test.example");
            assertThat(t.getWithToken("/services/oauth2/revoke?token=" + a, null).statusCode()).isEqualTo(200);
            assertThat(userinfoStatus(a)).isEqualTo(401);
        }

        @Test
        void an_unknown_or_already_revoked_token_is_invalid_token() {
            String a = accessToken("alice@test.example");
            t.postForm("/services/oauth2/revoke", Map.of("token", a), null);
            for (String token : new String[] {a, "nonsense"}) {
                HttpResponse<String> r = t.postForm("/services/oauth2/revoke", Map.of("token", token), null);
                assertThat(r.statusCode()).isEqualTo(400);
                assertThat(json(r).get("error").asString()).isEqualTo("invalid_token");
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Introspect {

        private JsonNode introspect(String token, String clientId, String secret) {
            HttpResponse<String> r = t.postForm("/services/oauth2/introspect",
                    Map.of("token", token, "client_id", clientId, "client_secret", secret), null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return json(r);
        }

        @Test
        void describes_live_access_and_refresh_tokens_of_the_calling_app() {
            JsonNode grant = codeGrant(t.aliceId);
            JsonNode access = introspect(grant.get("access_token").asString(), CLIENT_ID, CLIENT_SECRET);
            assertThat(access.get("active").asBoolean()).isTrue();
            assertThat(access.get("token_type").asString()).isEqualTo("access_token");
            assertThat(access.get("username").asString()).isEqualTo("alice@test.example");
            assertThat(access.get("exp").asLong()).isEqualTo(t.clock.instant().plus(Duration.ofHours(2)).getEpochSecond());
            JsonNode refresh = introspect(grant.get("refresh_token").asString(), CLIENT_ID, CLIENT_SECRET);
            assertThat(refresh.get("active").asBoolean()).isTrue();
            assertThat(refresh.get("token_type").asString()).isEqualTo("refresh_token");
        }

        @Test
        void reports_revoked_unknown_and_foreign_tokens_as_inactive() {
            String a = accessToken("alice@test.example");
            assertThat(introspect(a, ROTATING_CLIENT_ID, ROTATING_SECRET).get("active").asBoolean()).isFalse();
            t.state.tokens().revoke(a);
            assertThat(introspect(a, CLIENT_ID, CLIENT_SECRET).get("active").asBoolean()).isFalse();
            assertThat(introspect("nonsense", CLIENT_ID, CLIENT_SECRET).get("active").asBoolean()).isFalse();
        }

        @Test
        void does_not_extend_the_session() {
            String a = accessToken("alice@test.example");
            t.clock.advance(Duration.ofMinutes(119));
            introspect(a, CLIENT_ID, CLIENT_SECRET);
            t.clock.advance(Duration.ofMinutes(2));
            assertThat(userinfoStatus(a)).isEqualTo(401);
        }

        @Test
        void needs_client_credentials() {
            HttpResponse<String> r = t.postForm("/services/oauth2/introspect",
                    Map.of("token", "x", "client_id", CLIENT_ID, "client_secret", "wrong"), null);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(json(r).get("error").asString()).isEqualTo("invalid_client");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Identity {

        @Test
        void userinfo_describes_the_token_owner() {
            JsonNode u = json(t.getWithToken("/services/oauth2/userinfo", accessToken("alice@test.example")));
            assertThat(u.get("sub").asString()).isEqualTo(t.base() + "/id/" + t.org.id() + "/" + t.aliceId);
            assertThat(u.get("user_id").asString()).isEqualTo(t.aliceId).hasSize(18);
            assertThat(u.get("organization_id").asString()).isEqualTo(t.org.id()).hasSize(18);
            assertThat(u.get("preferred_username").asString()).isEqualTo("alice@test.example");
            assertThat(u.get("name").asString()).isEqualTo("Alice Able");
            assertThat(u.get("given_name").asString()).isEqualTo("Alice");
            assertThat(u.get("family_name").asString()).isEqualTo("Able");
            assertThat(u.get("email").asString()).isEqualTo("alice@test.example");
            assertThat(u.get("active").asBoolean()).isTrue();
            assertThat(u.get("user_type").asString()).isEqualTo("STANDARD");
            assertThat(u.get("urls").get("rest").asString()).isEqualTo(t.base() + "/services/data/v{version}/");
        }

        @Test
        void userinfo_with_a_bad_token_is_401_invalid_session_id() {
            HttpResponse<String> r = t.getWithToken("/services/oauth2/userinfo", t.org.id15() + "!nope");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
            assertThat(r.body()).contains("INVALID_SESSION_ID");
        }

        @Test
        void the_identity_url_from_the_token_response_describes_the_user() {
            JsonNode grant = codeGrant(t.aliceId);
            HttpResponse<String> r = t.getWithToken(grant.get("id").asString(), grant.get("access_token").asString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode id = json(r);
            assertThat(id.get("id").asString()).isEqualTo(grant.get("id").asString());
            assertThat(id.get("user_id").asString()).isEqualTo(t.aliceId);
            assertThat(id.get("organization_id").asString()).isEqualTo(t.org.id());
            assertThat(id.get("username").asString()).isEqualTo("alice@test.example");
            assertThat(id.get("display_name").asString()).isEqualTo("Alice Able");
            assertThat(id.get("email").asString()).isEqualTo("alice@test.example");
            assertThat(id.get("active").asBoolean()).isTrue();
            assertThat(id.get("user_type").asString()).isEqualTo("STANDARD");
            assertThat(id.get("urls").get("sobjects").asString()).isEqualTo(t.base() + "/services/data/v{version}/sobjects/");
            assertThat(id.get("urls").get("profile").asString()).isEqualTo(t.base() + "/" + t.aliceId.substring(0, 15));
        }

        @Test
        void the_version_parameter_fills_in_the_urls() {
            String token = accessToken("alice@test.example");
            String url = "/id/" + t.org.id15() + "/" + t.aliceId.substring(0, 15);
            JsonNode v59 = json(t.getWithToken(url + "?version=59.0", token));
            assertThat(v59.get("urls").get("query").asString()).isEqualTo(t.base() + "/services/data/v59.0/query/");
            assertThat(v59.get("urls").get("rest").asString()).isEqualTo(t.base() + "/services/data/v59.0/");
            JsonNode latest = json(t.getWithToken(url + "?version=latest", token));
            assertThat(latest.get("urls").get("rest").asString())
                    .isEqualTo(t.base() + "/services/data/v" + t.state.options().maxApiVersion() + ".0/");
        }

        @Test
        void a_bad_or_expired_token_gets_bad_oauth_token() {
            String url = "/id/" + t.org.id() + "/" + t.aliceId;
            HttpResponse<String> r = t.getWithToken(url, "nonsense");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).isEqualTo("Bad_OAuth_Token");
            assertThat(t.getWithToken(url, null).body()).isEqualTo("Bad_OAuth_Token");
        }

        @Test
        void another_user_of_the_same_org_needs_the_api_scope() {
            String bobUrl = "/id/" + t.org.id() + "/" + t.bobId;
            String withApi = codeGrant(t.aliceId).get("access_token").asString();
            JsonNode bob = json(t.getWithToken(bobUrl, withApi));
            assertThat(bob.get("username").asString()).isEqualTo("bob@test.example");

            String idOnly = codeGrant(t.aliceId, Set.of("id")).get("access_token").asString();
            HttpResponse<String> r = t.getWithToken(bobUrl, idOnly);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).isEqualTo("Bad_Id");
            assertThat(t.getWithToken("/id/" + t.org.id() + "/" + t.aliceId, idOnly).statusCode()).isEqualTo(200);
        }

        @Test
        void users_of_another_org_are_not_visible() {
            Org other = t.state.createOrg("Other Org");
            String dave = t.state.createUser(other, new NewUser("dave@other.example", "Dave", "Doe", "dave@other.example",
                    EmulatorState.PROFILE_ADMIN), PASSWORD);
            HttpResponse<String> r = t.getWithToken("/id/" + other.id() + "/" + dave, accessToken("alice@test.example"));
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).isEqualTo("Bad_Id");
        }

        @Test
        void a_token_without_an_identity_scope_cannot_read_identity() {
            String apiOnly = codeGrant(t.aliceId, Set.of("api")).get("access_token").asString();
            assertThat(t.getWithToken("/id/" + t.org.id() + "/" + t.aliceId, apiOnly).statusCode()).isEqualTo(403);
            assertThat(userinfoStatus(apiOnly)).isEqualTo(403);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Discovery {

        @Test
        void the_openid_configuration_points_at_the_emulator() {
            HttpResponse<String> r = t.getWithToken("/.well-known/openid-configuration", null);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode c = json(r);
            assertThat(c.get("issuer").asString()).isEqualTo(t.base());
            assertThat(c.get("authorization_endpoint").asString()).isEqualTo(t.base() + "/services/oauth2/authorize");
            assertThat(c.get("token_endpoint").asString()).isEqualTo(t.base() + "/services/oauth2/token");
            assertThat(c.get("revocation_endpoint").asString()).isEqualTo(t.base() + "/services/oauth2/revoke");
            assertThat(c.get("userinfo_endpoint").asString()).isEqualTo(t.base() + "/services/oauth2/userinfo");
            assertThat(c.get("jwks_uri").asString()).isEqualTo(t.base() + "/id/keys");
        }

        @Test
        void the_key_set_is_empty_because_no_id_tokens_are_issued() {
            assertThat(t.getWithToken("/id/keys", null).body()).isEqualTo("{\"keys\":[]}");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Session_timeout {

        @Test
        void an_unused_access_token_expires_after_two_hours_of_inactivity() {
            String a = accessToken("alice@test.example");
            t.clock.advance(Duration.ofHours(2));
            assertThat(userinfoStatus(a)).as("exactly at the timeout").isEqualTo(200);
            t.clock.advance(Duration.ofHours(2).plusSeconds(1));
            assertThat(userinfoStatus(a)).isEqualTo(401);
        }

        @Test
        void using_a_token_resets_its_inactivity_timer() {
            String a = accessToken("alice@test.example");
            for (int i = 0; i < 3; i++) {
                t.clock.advance(Duration.ofMinutes(100));
                assertThat(userinfoStatus(a)).isEqualTo(200);
            }
        }

        @Test
        void the_refresh_token_still_works_after_the_session_timed_out() {
            JsonNode grant = codeGrant(t.aliceId);
            t.clock.advance(Duration.ofHours(3));
            assertThat(userinfoStatus(grant.get("access_token").asString())).isEqualTo(401);
            HttpResponse<String> r = t.refresh(CLIENT_ID, CLIENT_SECRET, grant.get("refresh_token").asString());
            assertThat(userinfoStatus(json(r).get("access_token").asString())).isEqualTo(200);
        }

        @Test
        void a_browser_login_also_idles_out() {
            var browser = t.browser();
            String user = t.freshUser();
            HttpResponse<String> first = browser.loginAndAllow(OAuthTestOrg.codeRequest(), user);
            assertThat(first.statusCode()).isEqualTo(302);
            t.clock.advance(Duration.ofHours(3));
            assertThat(OAuthTestOrg.isLoginPage(browser.authorize(OAuthTestOrg.codeRequest()))).isTrue();
        }
    }
}
