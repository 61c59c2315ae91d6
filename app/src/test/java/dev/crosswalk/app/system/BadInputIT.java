package dev.crosswalk.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.Syncs;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Issue 11 item 6: each input that answered 500 is a 4xx RFC 9457 problem naming the field. */
class BadInputIT extends AppIntegrationTest {
    private static final String NUL = "a\u0000b";
    private static final Map<String, Object> FILTER = Map.of("type", "condition", "field", "Name", "operator", "IS_NOT_BLANK");

    /** One connected org, shared by the class: populations are validated against synced fields. */
    private static String integrationId;
    private ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        if (integrationId == null) {
            SalesforceFixture.TestOrg sf = SalesforceFixture.newOrg("Bad Input Org");
            sf.addAccount("Only Account", "https://only.example/");
            integrationId = Syncs.connect(admin, sf);
            Syncs.awaitRun(admin, integrationId, 1);
        }
    }

    private static String populationId(ApiClient.Reply created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("population").get("id").asString();
    }

    private static void assertProblem(ApiClient.Reply reply, int status, String code, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asString()).isEqualTo(code);
        if (field != null) {
            assertThat(reply.json().get("detail").asString()).as("names the field").startsWith(field + ":");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_METHOD)
    class Nul_characters {
        @Test
        void in_a_population_name_and_a_filter_value() {
            assertProblem(admin.post("/api/v1/populations", Map.of("name", NUL, "baseObject", "Account", "filter", FILTER)),
                    400, "VALIDATION_FAILED", "name");
            Map<String, Object> filter = Map.of("type", "condition", "field", "Name", "operator", "EQUALS", "value", NUL);
            assertProblem(admin.post("/api/v1/populations", Map.of("name", "Nul filter", "baseObject", "Account", "filter", filter)),
                    400, "VALIDATION_FAILED", "filter.value");
            assertProblem(admin.post("/api/v1/populations/preview", Map.of("baseObject", "Account", "filter", filter)),
                    400, "VALIDATION_FAILED", "filter.value");
        }

        @Test
        void in_a_webhook_description_a_member_name_a_partner_and_an_integration_name() {
            assertProblem(admin.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/x", "description", NUL)),
                    400, "VALIDATION_FAILED", "description");
            assertProblem(admin.post("/api/v1/members", Map.of("email", "nul@acme-test.example", "displayName", NUL,
                    "password", "long-enough-pw", "role", "VIEWER")), 400, "VALIDATION_FAILED", "displayName");
            assertProblem(admin.post("/api/v1/partnerships", Map.of("partner", NUL)), 400, "VALIDATION_FAILED", "partner");
            assertProblem(admin.post("/api/v1/integrations/salesforce/authorize", Map.of("loginHost", "production", "name", NUL)),
                    400, "VALIDATION_FAILED", "name");
        }

        @Test
        void in_the_record_search_query() {
            assertProblem(admin.get("/api/v1/records?q=a%00b"), 400, "VALIDATION_FAILED", "q");
        }
    }

    @Test
    void patching_a_population_with_a_null_body() {
        ApiClient.Reply created = admin.post("/api/v1/populations",
                Map.of("name", "Patch target " + UUID.randomUUID(), "baseObject", "Account", "filter", FILTER));
        String id = populationId(created);
        assertProblem(admin.raw("PATCH", "/api/v1/populations/" + id, "application/json", "null"), 400, "VALIDATION_FAILED", "body");
        assertProblem(admin.raw("PATCH", "/api/v1/populations/" + id, "application/json", "[1]"), 400, "VALIDATION_FAILED", "body");
        assertProblem(admin.patch("/api/v1/populations/" + id, Map.of("name", "n".repeat(201))), 400, "VALIDATION_FAILED", "name");
        admin.delete("/api/v1/populations/" + id);
    }

    @Test
    void names_are_capped_at_200_and_descriptions_at_2000_characters() {
        assertProblem(admin.post("/api/v1/populations", Map.of("name", "n".repeat(201), "baseObject", "Account", "filter", FILTER)),
                400, "VALIDATION_FAILED", "name");
        assertProblem(admin.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.com/x", "description", "d".repeat(2_001))),
                400, "VALIDATION_FAILED", "description");
        assertProblem(admin.post("/api/v1/members", Map.of("email", "long@acme-test.example", "displayName", "n".repeat(201),
                "password", "long-enough-pw", "role", "VIEWER")), 400, "VALIDATION_FAILED", "displayName");
        Map<String, Object> huge = Map.of("type", "condition", "field", "Name", "operator", "EQUALS", "value", "v".repeat(1 << 20));
        assertProblem(admin.post("/api/v1/populations", Map.of("name", "Huge", "baseObject", "Account", "filter", huge)),
                400, "VALIDATION_FAILED", "filter.value");
        ApiClient.Reply ok = admin.post("/api/v1/members", Map.of("email", "twohundred@acme-test.example", "displayName",
                "n".repeat(200), "password", "long-enough-pw", "role", "VIEWER"));
        assertThat(ok.status()).as("200 characters is still a name: " + ok.body()).isEqualTo(201);
        admin.delete("/api/v1/members/" + ok.json().get("id").asString());
    }

    @Test
    void a_login_host_outside_salesforce_is_refused_on_authorize() {
        for (String host : List.of("https://evil.example.com", "evil.example.com", "http://169.254.169.254", "ftp://login.salesforce.com",
                "https://login.salesforce.com.evil.example", "a b c")) {
            assertProblem(admin.post("/api/v1/integrations/salesforce/authorize", Map.of("loginHost", host)), 400,
                    "LOGIN_HOST_NOT_ALLOWED", "loginHost");
        }
        assertThat(admin.post("/api/v1/integrations/salesforce/authorize", Map.of("loginHost", "sandbox")).status()).isEqualTo(200);
    }

    @Test
    void a_login_host_outside_salesforce_is_refused_on_reauthorize() {
        assertProblem(admin.post("/api/v1/integrations/" + integrationId + "/reauthorize",
                Map.of("loginHost", "https://evil.example.com")), 400, "LOGIN_HOST_NOT_ALLOWED", "loginHost");
    }

    @Test
    void the_web_form_shows_why_a_login_host_is_refused() throws Exception {
        WebSession web = WebSession.signIn(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        HttpResponse<String> page = web.get("/integrations");
        HttpResponse<String> posted = web.post("/integrations/new",
                Map.of("hostKind", "url", "host", "https://evil.example.com", "_csrf", WebSession.csrf(page.body())));
        // The form is shown again with the reason next to the field (nothing left the server).
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("id=\"host-error\"").contains("not a Salesforce login host");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_METHOD)
    class Container_errors {
        @Test
        void get_error_directly_is_a_404_not_a_500() throws Exception {
            assertProblem(admin.get("/error"), 404, "NOT_FOUND", null);
            HttpResponse<String> page = WebSession.anonymous(baseUrl()).get("/error");
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        }

        @Test
        void unknown_api_paths_and_methods_answer_problems() {
            assertProblem(admin.get("/api/v1/no-such-thing"), 404, "NOT_FOUND", null);
            assertProblem(admin.raw("PUT", "/api/v1/webhooks", "application/json", "{}"), 405, "METHOD_NOT_ALLOWED", null);
            assertProblem(admin.raw("POST", "/api/v1/webhooks", "text/plain", "x"), 415, "UNSUPPORTED_MEDIA_TYPE", null);
            assertProblem(admin.get("/api/v1/records?integrationId=not-a-uuid"), 400, "VALIDATION_FAILED", "integrationId");
        }

        @Test
        void web_paths_get_a_styled_page() throws Exception {
            WebSession web = WebSession.signIn(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            HttpResponse<String> missing = web.get("/integrations/" + UUID.randomUUID() + "/no-such-page");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("crosswalk.css").contains("This page does not exist").doesNotContain("Whitelabel")
                    .doesNotContain("Exception");
            HttpResponse<String> nul = web.get("/integrations?x=a%00b");
            assertThat(nul.statusCode()).isEqualTo(400);
            assertThat(nul.body()).contains("must not contain NUL characters").contains("crosswalk.css");
        }
    }

    /** A browser's cookie session over plain HTTP: form login with the CSRF token from the page. */
    record WebSession(HttpClient http, String baseUrl) {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        static WebSession anonymous(String baseUrl) {
            return new WebSession(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), baseUrl);
        }

        static WebSession signIn(String baseUrl, String email, String password) throws Exception {
            WebSession s = anonymous(baseUrl);
            String token = csrf(s.get("/login").body());
            HttpResponse<String> r = s.post("/login", Map.of("username", email, "password", password, "_csrf", token));
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return s;
        }

        static String csrf(String html) {
            Matcher m = CSRF.matcher(html);
            assertThat(m.find()).as("a CSRF token in the page").isTrue();
            return m.group(1);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
