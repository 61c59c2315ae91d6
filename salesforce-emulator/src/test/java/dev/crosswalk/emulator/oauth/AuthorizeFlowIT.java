package dev.crosswalk.emulator.oauth;

import static dev.crosswalk.emulator.oauth.OAuthTestOrg.CALLBACK;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.CLIENT_ID;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.CLIENT_SECRET;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.PASSWORD;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.VERIFIER;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.callbackParams;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.codeRequest;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.isApprovalPage;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.isLoginPage;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.json;
import static dev.crosswalk.emulator.oauth.OAuthTestOrg.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The browser half of the web-server flow, driven over plain HTTP like the conformance checks do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizeFlowIT {
    @AutoClose
    private final OAuthTestOrg t = new OAuthTestOrg();

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class The_web_server_flow_with_pkce {

        @Test
        void logs_in_asks_for_approval_and_redirects_with_a_code_that_the_token_endpoint_exchanges() {
            var browser = t.browser();
            String user = t.freshUser();
            HttpResponse<String> loginPage = browser.authorize(codeRequest());
            assertThat(isLoginPage(loginPage)).as(loginPage.body()).isTrue();

            HttpResponse<String> approval = browser.login(loginPage, user, PASSWORD);
            assertThat(isApprovalPage(approval)).as(approval.body()).isTrue();
            assertThat(approval.headers().firstValue("Set-Cookie")).hasValueSatisfying(c ->
                    assertThat(c).startsWith("sid=").contains("HttpOnly").contains("SameSite=Lax"));
            assertThat(approval.body()).contains("Test App").contains(user);

            HttpResponse<String> callback = browser.allow(approval);
            assertThat(callback.statusCode()).isEqualTo(302);
            assertThat(callback.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=");
            Map<String, String> params = callbackParams(callback);
            assertThat(params).containsEntry("state", "st ate/1&x=y").containsKey("code");

            HttpResponse<String> token = t.exchange(params.get("code"), VERIFIER);
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            JsonNode body = json(token);
            List<String> keys = new ArrayList<>(body.propertyNames());
            assertThat(keys).containsExactly("access_token", "refresh_token", "signature", "scope", "instance_url",
                    "id", "token_type", "issued_at");
            assertThat(body.get("access_token").asString()).startsWith(t.org.id15() + "!");
            assertThat(body.get("instance_url").asString()).isEqualTo(t.base());
            assertThat(body.get("id").asString()).isEqualTo(t.base() + "/id/" + t.org.id() + "/" + t.userId(user));
            assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
            assertThat(body.get("scope").asString()).isEqualTo("api id refresh_token");
            assertThat(body.get("issued_at").asString()).isEqualTo(Long.toString(t.clock.millis()));
            assertThat(body.get("signature").asString()).isEqualTo(TokenResponses.signature(
                    body.get("id").asString(), body.get("issued_at").asString(), CLIENT_SECRET));

            HttpResponse<String> me = t.getWithToken("/services/oauth2/userinfo", body.get("access_token").asString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(json(me).get("preferred_username").asString()).isEqualTo(user);
        }

        @Test
        void a_challenge_without_a_method_is_taken_as_s256_like_salesforce_does_for_jsforce() {
            Map<String, String> jsforceStyle = with(codeRequest(), "code_challenge_method", null);
            String code = callbackParams(t.browser().loginAndAllow(jsforceStyle, t.freshUser())).get("code");
            assertThat(t.exchange(code, "wrong-" + VERIFIER).statusCode()).isEqualTo(400);
            String code2 = callbackParams(t.browser().loginAndAllow(with(jsforceStyle, "prompt", "consent"),
                    "alice@test.example")).get("code");
            assertThat(t.exchange(code2, VERIFIER).statusCode()).isEqualTo(200);
        }

        @Test
        void percent_encodes_the_code_and_state_on_the_callback() {
            HttpResponse<String> callback = t.browser().loginAndAllow(codeRequest(), "alice@test.example");
            String location = callback.headers().firstValue("Location").orElseThrow();
            assertThat(location).contains("&state=st%20ate%2F1%26x%3Dy").doesNotContain("==");
            assertThat(location).matches(".*code=aPrx[A-Za-z0-9]+%3D%3D&.*");
        }

        @Test
        void a_second_authorize_in_the_same_browser_skips_the_login_but_still_asks_for_approval_until_a_refresh_token_exists() {
            var browser = t.browser();
            HttpResponse<String> first = browser.loginAndAllow(codeRequest(), t.freshUser());
            assertThat(first.statusCode()).isEqualTo(302);

            HttpResponse<String> second = browser.authorize(codeRequest());
            assertThat(isApprovalPage(second)).as("approval still needed: no refresh token yet").isTrue();

            assertThat(t.exchange(callbackParams(browser.allow(second)).get("code"), VERIFIER).statusCode()).isEqualTo(200);
            HttpResponse<String> third = browser.authorize(codeRequest());
            assertThat(third.statusCode()).as("logged in and approved: straight back with a code").isEqualTo(302);
            assertThat(callbackParams(third)).containsKey("code");
        }

        @Test
        void prompt_login_shows_the_login_form_even_with_a_browser_session() {
            var browser = t.browser();
            browser.loginAndAllow(codeRequest(), "alice@test.example");
            HttpResponse<String> again = browser.authorize(with(codeRequest(), "prompt", "login"));
            assertThat(isLoginPage(again)).isTrue();
        }

        @Test
        void logging_out_ends_the_browser_session() {
            var browser = t.browser();
            browser.loginAndAllow(codeRequest(), "alice@test.example");
            assertThat(isLoginPage(browser.authorize(codeRequest()))).isFalse();
            HttpResponse<String> out = browser.get("/secur/logout.jsp");
            assertThat(out.statusCode()).isEqualTo(200);
            assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sid=;").contains("Max-Age=0");
            assertThat(isLoginPage(browser.authorize(codeRequest()))).isTrue();
        }

        @Test
        void prompt_consent_shows_the_approval_page_even_when_already_approved() {
            var browser = t.browser();
            String code = callbackParams(browser.loginAndAllow(codeRequest(), "alice@test.example")).get("code");
            assertThat(t.exchange(code, VERIFIER).statusCode()).isEqualTo(200);

            assertThat(browser.authorize(codeRequest()).statusCode()).isEqualTo(302);
            assertThat(isApprovalPage(browser.authorize(with(codeRequest(), "prompt", "consent")))).isTrue();
        }

        @Test
        void denying_access_redirects_with_access_denied_and_the_state() {
            var browser = t.browser();
            HttpResponse<String> approval = browser.login(browser.authorize(with(codeRequest(), "prompt", "consent")),
                    "alice@test.example", PASSWORD);
            HttpResponse<String> denied = browser.submit(approval, Map.of("decision", "deny"));
            assertThat(denied.statusCode()).isEqualTo(302);
            assertThat(denied.headers().firstValue("Location").orElseThrow())
                    .contains("error=access_denied&error_description=end-user%20denied%20authorization");
            assertThat(callbackParams(denied)).containsEntry("state", "st ate/1&x=y").doesNotContainKey("code");
        }

        @Test
        void a_wrong_password_shows_the_form_again_with_an_error_and_the_same_request_can_still_log_in() {
            var browser = t.browser();
            HttpResponse<String> loginPage = browser.authorize(codeRequest());
            HttpResponse<String> retry = browser.login(loginPage, "alice@test.example", "nope");
            assertThat(isLoginPage(retry)).isTrue();
            assertThat(retry.body()).contains("id=\"error\"").contains("check your username and password");
            assertThat(retry.headers().firstValue("Set-Cookie")).isEmpty();

            HttpResponse<String> next = browser.login(retry, "alice@test.example", PASSWORD);
            assertThat(next.statusCode() == 302 || isApprovalPage(next)).isTrue();
        }

        @Test
        void an_inactive_user_cannot_log_in() {
            String carol = t.state.createUser(t.org, new dev.crosswalk.emulator.EmulatorState.NewUser("carol@test.example",
                    "Carol", "Cole", "carol@test.example", dev.crosswalk.emulator.EmulatorState.PROFILE_STANDARD), PASSWORD);
            t.state.setUserActive(t.org, carol, false);
            var browser = t.browser();
            HttpResponse<String> r = browser.login(browser.authorize(codeRequest()), "carol@test.example", PASSWORD);
            assertThat(isLoginPage(r)).isTrue();
            assertThat(r.body()).contains("disabled");
        }

        @Test
        void login_hint_prefills_the_username_escaped() {
            HttpResponse<String> page = t.browser().authorize(with(codeRequest(), "login_hint", "a\"<b>@x.example"));
            assertThat(page.body()).contains("name=\"username\" autocomplete=\"username\" value=\"a&quot;&lt;b&gt;@x.example\"");
        }

        @Test
        void a_form_request_id_is_single_use_and_unknown_ids_get_an_error_page() {
            var browser = t.browser();
            HttpResponse<String> approval = browser.login(browser.authorize(with(codeRequest(), "prompt", "consent")),
                    "alice@test.example", PASSWORD);
            assertThat(browser.allow(approval).statusCode()).isEqualTo(302);
            HttpResponse<String> replay = browser.allow(approval);
            assertThat(replay.statusCode()).isEqualTo(400);
            assertThat(replay.body()).contains("expired");
        }

        @Test
        void a_login_form_left_open_for_more_than_thirty_minutes_expires() {
            var browser = t.browser();
            HttpResponse<String> page = browser.authorize(codeRequest());
            t.clock.advance(java.time.Duration.ofMinutes(30).plusSeconds(1));
            HttpResponse<String> late = browser.login(page, "alice@test.example", PASSWORD);
            assertThat(late.statusCode()).isEqualTo(400);
            assertThat(late.body()).contains("expired");
        }

        @Test
        void the_login_form_carries_nothing_but_an_opaque_request_id() {
            HttpResponse<String> page = t.browser().authorize(codeRequest());
            assertThat(page.body()).doesNotContain(CALLBACK).doesNotContain(CLIENT_ID).doesNotContain("code_challenge");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Errors_the_client_cannot_be_trusted_with {

        @Test
        void an_unknown_client_id_gets_an_error_page_not_a_redirect() {
            HttpResponse<String> r = t.browser().authorize(with(codeRequest(), "client_id", "nobody"));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.headers().firstValue("Location")).isEmpty();
            assertThat(r.body()).isEqualTo("error=invalid_client_id&error_description=client%20identifier%20invalid");
        }

        @Test
        void a_redirect_uri_that_is_not_an_exact_callback_gets_an_error_page() {
            for (String bad : new String[] {CALLBACK + "/x", "http://127.0.0.1:9998/callback", "https://127.0.0.1:9999/callback"}) {
                HttpResponse<String> r = t.browser().authorize(with(codeRequest(), "redirect_uri", bad));
                assertThat(r.statusCode()).as(bad).isEqualTo(400);
                assertThat(r.body()).isEqualTo("error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration");
            }
            assertThat(t.browser().authorize(with(codeRequest(), "redirect_uri", null)).statusCode()).isEqualTo(400);
        }

        @Test
        void a_wildcard_callback_accepts_any_port() {
            HttpResponse<String> r = t.browser().authorize(with(codeRequest(), "redirect_uri", "http://localhost:51234/cb"));
            assertThat(isLoginPage(r)).isTrue();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Errors_sent_back_to_the_callback {

        private Map<String, String> errorOf(Map<String, String> request) {
            HttpResponse<String> r = t.browser().authorize(request);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?error=");
            return callbackParams(r);
        }

        @Test
        void an_unsupported_response_type() {
            assertThat(errorOf(with(codeRequest(), "response_type", "id_token")))
                    .containsEntry("error", "unsupported_response_type").containsEntry("state", "st ate/1&x=y");
        }

        @Test
        void a_scope_the_app_does_not_have() {
            assertThat(errorOf(with(codeRequest(), "scope", "api full"))).containsEntry("error", "invalid_scope");
        }

        @Test
        void a_pkce_method_other_than_s256_or_a_malformed_challenge() {
            assertThat(errorOf(with(codeRequest(), "code_challenge_method", "plain"))).containsEntry("error", "invalid_request");
            assertThat(errorOf(with(codeRequest(), "code_challenge", "short"))).containsEntry("error", "invalid_request");
        }

        @Test
        void a_missing_challenge_when_the_app_requires_pkce() {
            t.state.addConnectedApp("Strict", "strict-client", "s", List.of(CALLBACK), Set.of("api")).requirePkce(true);
            Map<String, String> noPkce = with(codeRequest(), "client_id", "strict-client", "code_challenge", null,
                    "code_challenge_method", null);
            assertThat(errorOf(noPkce)).containsEntry("error", "invalid_request")
                    .containsEntry("error_description", "missing required code challenge");
        }

        @Test
        void immediate_without_a_login_or_approval() {
            assertThat(errorOf(with(codeRequest(), "immediate", "true"))).containsEntry("error", "immediate_unsuccessful");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Scopes_and_other_flows {

        @Test
        void requested_scopes_narrow_the_grant_and_without_refresh_token_no_refresh_token_is_issued() {
            var browser = t.browser();
            String code = callbackParams(browser.loginAndAllow(with(codeRequest(), "scope", "api id", "prompt", "consent"),
                    "alice@test.example")).get("code");
            JsonNode token = json(t.exchange(code, VERIFIER));
            assertThat(token.get("scope").asString()).isEqualTo("api id");
            assertThat(token.has("refresh_token")).isFalse();
        }

        @Test
        void immediate_succeeds_with_a_browser_session_and_an_existing_approval() {
            var browser = t.browser();
            String code = callbackParams(browser.loginAndAllow(codeRequest(), "alice@test.example")).get("code");
            t.exchange(code, VERIFIER);
            HttpResponse<String> r = browser.authorize(with(codeRequest(), "immediate", "true"));
            assertThat(callbackParams(r)).containsKey("code").doesNotContainKey("error");
        }

        @Test
        void response_type_token_returns_the_access_token_in_the_fragment() {
            HttpResponse<String> r = t.browser().loginAndAllow(with(codeRequest(), "response_type", "token",
                    "code_challenge", null, "code_challenge_method", null, "prompt", "consent"), "alice@test.example");
            assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "#access_token=");
            Map<String, String> p = callbackParams(r);
            assertThat(p).containsKeys("access_token", "instance_url", "id", "issued_at", "signature", "token_type")
                    .doesNotContainKey("refresh_token").containsEntry("state", "st ate/1&x=y");
            assertThat(t.getWithToken("/services/oauth2/userinfo", p.get("access_token")).statusCode()).isEqualTo(200);
        }
    }
}
