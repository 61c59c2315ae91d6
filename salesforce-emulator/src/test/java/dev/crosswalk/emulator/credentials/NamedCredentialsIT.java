package dev.crosswalk.emulator.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.metadata.CrosswalkPackage;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The Crosswalk package at run time against the emulator: Visualforce page access, the admin's
 * Named Credential setup and "Authenticate" browser flow against a small test authorization
 * server, callouts with a refresh on 401, and the Outbound faults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamedCredentialsIT {
    private static final String PASSWORD = "Pw-" + System.nanoTime();
    private SalesforceEmulator sf;
    private TestAuthorizationServer crosswalk;
    private Org org;
    private String integrationToken;
    private String repToken;
    private final HttpClient api = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        crosswalk = new TestAuthorizationServer();
        sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0).build());
        EmulatorState state = sf.state();
        org = state.createOrg("Acme Corp");
        state.createUser(org, new NewUser("admin@nc.example", "Ada", "Admin", "admin@nc.example", EmulatorState.PROFILE_ADMIN), PASSWORD);
        String integration = state.createUser(org, new NewUser("integration@nc.example", "Int", "User", "int@nc.example",
                EmulatorState.PROFILE_MINIMUM), PASSWORD);
        String rep = state.createUser(org, new NewUser("rep@nc.example", "Rep", "User", "rep@nc.example",
                EmulatorState.PROFILE_STANDARD), PASSWORD);
        PackageInstaller.install(org, CrosswalkPackage.path());
        PermissionAdmin.assign(org, integration, PermissionAdmin.permissionSetId(org, "Crosswalk_Setup_User").orElseThrow());
        integrationToken = state.tokens().issueSession(org, integration, "test", Set.of("api"), null).token();
        repToken = state.tokens().issueSession(org, rep, "test", Set.of("api"), null).token();
        HttpResponse<String> configured = adminPost("/_emulator/named-credentials", "{\"org\":\"Acme Corp\",\"name\":\"Crosswalk\","
                + "\"url\":\"" + crosswalk.baseUrl() + "\",\"authProvider\":{\"name\":\"Crosswalk\",\"authorizeUrl\":\""
                + crosswalk.baseUrl() + "/oauth2/authorize\",\"tokenUrl\":\"" + crosswalk.baseUrl() + "/oauth2/token\","
                + "\"clientId\":\"" + TestAuthorizationServer.CLIENT_ID + "\",\"clientSecret\":\"" + crosswalk.clientSecret
                + "\",\"scopes\":[\"overlaps:read\",\"setup\"]}}");
        assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);
        JsonNode status = Json.parse(configured.body().getBytes(StandardCharsets.UTF_8));
        assertThat(status.get("principalStatus").asString()).isEqualTo("NotConfigured");
        assertThat(configured.body()).doesNotContain(crosswalk.clientSecret);
    }

    @AfterAll
    void stop() {
        sf.close();
        crosswalk.close();
    }

    // ---- helpers -------------------------------------------------------------------------

    /** A browser: keeps cookies, follows redirects one by one so tests can look at each hop. */
    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        final List<String> visited = new ArrayList<>();

        HttpResponse<String> open(String url) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(absolute(url))).build(), HttpResponse.BodyHandlers.ofString());
            visited.add(absolute(url));
            int hops = 0;
            while (r.statusCode() == 302 && hops++ < 10) {
                String next = r.headers().firstValue("Location").orElseThrow();
                visited.add(absolute(next));
                r = http.send(HttpRequest.newBuilder(URI.create(absolute(next))).build(), HttpResponse.BodyHandlers.ofString());
            }
            return r;
        }

        Browser signIn(String username) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + "/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(PASSWORD)
                            + "&startURL=" + enc("/home/home.jsp"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            return this;
        }

        private String absolute(String url) {
            return url.startsWith("/") ? sf.baseUrl() + url : url;
        }
    }

    private HttpResponse<String> adminPost(String path, String json) throws Exception {
        return api.send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> callout(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sf.baseUrl() + "/_emulator/callout/Crosswalk" + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return api.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The admin's "Authenticate" in a signed-in browser; answers where the browser ends up. */
    private String authenticate() throws Exception {
        Browser admin = new Browser().signIn("admin@nc.example");
        String back = crosswalk.baseUrl() + "/salesforce-setup/done";
        admin.open("/services/auth/xds/Crosswalk?startURL=" + enc(back));
        return admin.visited.get(admin.visited.size() - 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String errorCode(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes(StandardCharsets.UTF_8)).get(0).get("errorCode").asString();
    }

    private static String message(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes(StandardCharsets.UTF_8)).get(0).get("message").asString();
    }

    // ---- tests -----------------------------------------------------------------------------

    @Nested
    class Visualforce_page_access {
        @Test
        void without_a_session_the_page_sends_the_browser_to_the_login_page_and_back() throws Exception {
            Browser b = new Browser();
            HttpResponse<String> login = b.open("/apex/CrosswalkSetup");
            assertThat(login.body()).contains("id=\"login-form\"").contains("name=\"startURL\" value=\"/apex/CrosswalkSetup\"");

            HttpResponse<String> signedIn = b.http.send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + "/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=integration%40nc.example&password=" + enc(PASSWORD)
                            + "&startURL=%2Fapex%2FCrosswalkSetup")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location")).contains("/apex/CrosswalkSetup");
            assertThat(b.open("/apex/CrosswalkSetup").body()).contains("Crosswalk Setup");
        }

        @Test
        void the_integration_user_sees_the_page_with_merge_fields_and_the_set_up_link() throws Exception {
            HttpResponse<String> page = new Browser().signIn("integration@nc.example").open("/apex/CrosswalkSetup");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("<title>Crosswalk Setup</title>")
                    .contains("Signed in as integration@nc.example in Acme Corp (" + org.id() + ")")
                    .contains("href=\"" + crosswalk.baseUrl() + "/salesforce-setup?org=" + org.id() + "\"")
                    .doesNotContain("apex:").doesNotContain("{!");
            assertThat(org.id()).hasSize(18);
        }

        @Test
        void a_user_without_page_access_gets_insufficient_privileges() throws Exception {
            HttpResponse<String> page = new Browser().signIn("rep@nc.example").open("/apex/CrosswalkSetup");
            assertThat(page.body()).contains("Insufficient Privileges").doesNotContain("salesforce-setup");
        }

        @Test
        void an_unknown_page_is_not_found() throws Exception {
            assertThat(new Browser().signIn("admin@nc.example").open("/apex/Nope").statusCode()).isEqualTo(404);
        }

        @Test
        void frontdoor_turns_an_access_token_into_a_browser_session() throws Exception {
            HttpResponse<String> page = new Browser().open("/secur/frontdoor.jsp?sid=" + integrationToken + "&retURL=%2Fapex%2FCrosswalkSetup");
            assertThat(page.body()).contains("Signed in as integration@nc.example");
        }

        @Test
        void the_remove_page_access_fault_and_unassigning_the_permission_set_take_the_page_away() throws Exception {
            String other = sf.state().createUser(org, new NewUser("second@nc.example", "Sec", "Ond", "second@nc.example",
                    EmulatorState.PROFILE_MINIMUM), PASSWORD);
            PermissionAdmin.assign(org, other, PermissionAdmin.permissionSetId(org, "Crosswalk_Setup_User").orElseThrow());
            Browser b = new Browser().signIn("second@nc.example");
            assertThat(b.open("/apex/CrosswalkSetup").body()).contains("Set up");

            sf.admin().unassignPermissionSet("second@nc.example", "Crosswalk_Setup_User");
            assertThat(b.open("/apex/CrosswalkSetup").body()).contains("Insufficient Privileges");
            sf.admin().assignPermissionSet("second@nc.example", "Crosswalk_Setup_User");
            assertThat(b.open("/apex/CrosswalkSetup").body()).contains("Set up");

            HttpResponse<String> removed = adminPost("/_emulator/faults/remove-page-access",
                    "{\"org\":\"Acme Corp\",\"page\":\"CrosswalkSetup\",\"permissionSet\":\"Crosswalk_Setup_User\"}");
            assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
            try {
                assertThat(b.open("/apex/CrosswalkSetup").body()).contains("Insufficient Privileges");
            } finally {
                PermissionAdmin.grantSetupEntityAccess(org, PermissionAdmin.permissionSetId(org, "Crosswalk_Setup_User").orElseThrow(),
                        PackageInstaller.find(org, "ApexPage", "Name", "CrosswalkSetup").orElseThrow().id(), "ApexPage");
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Authenticate_and_call_out {
        @BeforeEach
        void authenticated() throws Exception {
            assertThat(authenticate()).isEqualTo(crosswalk.baseUrl() + "/salesforce-setup/done?outbound=ok");
        }

        @Test
        void the_flow_sends_the_auth_providers_client_pkce_and_scopes_and_stores_the_tokens() throws Exception {
            String q = URLDecoder.decode(crosswalk.lastAuthorizeQuery, StandardCharsets.UTF_8);
            assertThat(q).contains("response_type=code", "client_id=" + TestAuthorizationServer.CLIENT_ID,
                    "redirect_uri=" + sf.baseUrl() + "/services/authcallback/Crosswalk", "code_challenge_method=S256",
                    "scope=overlaps:read setup", "state=");
            HttpResponse<String> status = api.send(HttpRequest.newBuilder(URI.create(sf.baseUrl()
                    + "/_emulator/named-credentials?org=Acme%20Corp&name=Crosswalk")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode s = Json.parse(status.body().getBytes(StandardCharsets.UTF_8));
            assertThat(s.get("principalStatus").asString()).isEqualTo("Configured");
            assertThat(s.get("authenticatedBy").asString()).isEqualTo("admin@nc.example");
            assertThat(status.body()).doesNotContain("at-").doesNotContain("rt-");
        }

        @Test
        void a_callout_carries_the_principals_token_and_returns_the_upstream_answer() throws Exception {
            HttpResponse<String> r = callout(integrationToken, "POST", "/api/package/v1/records/001xx/overlaps?x=1", "{\"a\":1}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
            assertThat(r.body()).contains("\"method\":\"POST\"", "\"path\":\"/api/package/v1/records/001xx/overlaps\"",
                    "\"query\":\"x=1\"", "'a':1");
            assertThat(crosswalk.lastApiAuthorization).startsWith("Bearer at-");
        }

        @Test
        void on_401_the_emulator_refreshes_once_and_retries_with_the_new_token() throws Exception {
            int before = crosswalk.refreshGrants.get();
            crosswalk.expireAccessTokens();
            HttpResponse<String> r = callout(integrationToken, "GET", "/api/package/v1/status", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(crosswalk.refreshGrants.get()).isEqualTo(before + 1);
            // The rotated refresh token was stored: a second expiry refreshes again.
            crosswalk.expireAccessTokens();
            assertThat(callout(integrationToken, "GET", "/api/package/v1/status", null).statusCode()).isEqualTo(200);
            assertThat(crosswalk.refreshGrants.get()).isEqualTo(before + 2);
        }

        @Test
        void the_setup_page_shows_the_connection_status_from_a_callout() throws Exception {
            assertThat(new Browser().signIn("integration@nc.example").open("/apex/CrosswalkSetup").body())
                    .contains("Connection: <strong>Connected</strong>").contains("Crosswalk organization: Acme Corp");
        }

        @Test
        void a_user_whose_permission_sets_do_not_grant_the_principal_gets_salesforces_error() throws Exception {
            HttpResponse<String> r = callout(repToken, "GET", "/api/package/v1/status", null);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(errorCode(r)).isEqualTo("CALLOUT_EXCEPTION");
            assertThat(message(r)).contains("We couldn't access the credential(s)");
        }

        @Test
        void without_a_salesforce_session_the_callout_is_refused() throws Exception {
            HttpResponse<String> r = callout(null, "GET", "/api/package/v1/status", null);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(errorCode(r)).isEqualTo("INVALID_SESSION_ID");
        }

        @Test
        void revoking_the_outbound_tokens_leaves_the_principal_unauthenticated() throws Exception {
            HttpResponse<String> revoked = adminPost("/_emulator/faults/revoke-outbound-tokens", "{\"org\":\"Acme Corp\"}");
            assertThat(revoked.body()).contains("\"revoked\":1");
            HttpResponse<String> r = callout(integrationToken, "GET", "/api/package/v1/status", null);
            assertThat(errorCode(r)).isEqualTo("CALLOUT_EXCEPTION");
            assertThat(message(r)).contains("Crosswalk-Crosswalk_Org isn't authenticated");
            assertThat(new Browser().signIn("integration@nc.example").open("/apex/CrosswalkSetup").body())
                    .contains("Connection: <strong>Not connected</strong>");
        }

        @Test
        void a_refused_refresh_token_forgets_the_principals_tokens() throws Exception {
            crosswalk.revokeEverything();
            HttpResponse<String> r = callout(integrationToken, "GET", "/api/package/v1/status", null);
            assertThat(errorCode(r)).isEqualTo("CALLOUT_EXCEPTION");
            assertThat(message(r)).contains("refreshing it failed (invalid_grant: refresh token revoked)");
            assertThat(errorCode(callout(integrationToken, "GET", "/api/package/v1/status", null))).isEqualTo("CALLOUT_EXCEPTION");
        }
    }

    @Nested
    class Authenticate_failures {
        @Test
        void a_denied_consent_comes_back_as_outbound_error() throws Exception {
            crosswalk.denyNext = true;
            String end = authenticate();
            assertThat(end).startsWith(crosswalk.baseUrl() + "/salesforce-setup/done?outbound=error&error_description=");
            assertThat(URLDecoder.decode(end, StandardCharsets.UTF_8)).contains("access_denied: the admin said no");
        }

        @Test
        void a_start_url_on_another_host_is_refused() throws Exception {
            HttpResponse<String> r = new Browser().signIn("admin@nc.example")
                    .open("/services/auth/xds/Crosswalk?startURL=" + enc("https://evil.example/steal"));
            assertThat(r.statusCode()).isEqualTo(400);
        }

        @Test
        void without_a_session_the_browser_signs_in_first() throws Exception {
            HttpResponse<String> r = new Browser().open("/services/auth/xds/Crosswalk");
            assertThat(r.body()).contains("id=\"login-form\"").contains("/services/auth/xds/Crosswalk");
        }

        @Test
        void only_users_who_may_customize_the_application_can_authenticate_the_principal() throws Exception {
            HttpResponse<String> r = new Browser().signIn("integration@nc.example").open("/services/auth/xds/Crosswalk");
            assertThat(r.body()).contains("Insufficient Privileges");
        }

        @Test
        void a_callback_with_an_unknown_state_is_refused() throws Exception {
            HttpResponse<String> r = new Browser().open("/services/authcallback/Crosswalk?code=x&state=forged");
            assertThat(r.statusCode()).isEqualTo(400);
        }
    }
}
