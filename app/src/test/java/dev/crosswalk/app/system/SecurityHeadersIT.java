package dev.crosswalk.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Issue 11 item 8: headers, cookies, and who may read the metrics. */
class SecurityHeadersIT extends AppIntegrationTest {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'self'; frame-ancestors 'none'";

    private static List<String> setCookies(ApiClient.Reply r) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    private static String cookie(List<String> cookies, String name) {
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies));
    }

    @Nested
    class Headers {
        @Test
        void pages_and_the_api_send_the_content_security_referrer_and_permissions_policies() {
            for (String path : List.of("/login", "/api/v1/me")) {
                ApiClient.Reply r = ApiClient.anonymous(baseUrl()).get(path);
                assertThat(r.header("Content-Security-Policy")).as(path).contains(CSP);
                assertThat(r.header("Referrer-Policy")).as(path).contains("same-origin");
                assertThat(r.header("Permissions-Policy")).as(path).hasValueSatisfying(v -> assertThat(v).contains("camera=()"));
                assertThat(r.header("X-Content-Type-Options")).as(path).contains("nosniff");
            }
        }
    }

    @Nested
    class Cookies {
        @Test
        void the_session_cookie_is_same_site_lax_and_not_secure_over_plain_http() {
            ApiClient.SignIn in = ApiClient.anonymous(baseUrl()).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            String session = cookie(setCookies(in.reply()), "JSESSIONID");
            assertThat(session).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("; Secure");
        }

        @Test
        void behind_a_tls_proxy_the_session_and_csrf_cookies_are_secure() throws Exception {
            // By hand: a plain-http cookie jar would not send a Secure cookie back.
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                    .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
            String csrf = cookie(page.headers().allValues("set-cookie"), "XSRF-TOKEN");
            assertThat(csrf).containsIgnoringCase("; Secure").containsIgnoringCase("SameSite=Lax");
            String csrfValue = csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';'));
            String form = "username=" + URLEncoder.encode(ADMIN_EMAIL, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrfValue;
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                    .header("X-Forwarded-Proto", "https").header("Cookie", "XSRF-TOKEN=" + csrfValue)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
            assertThat(cookie(login.headers().allValues("set-cookie"), "JSESSIONID")).containsIgnoringCase("; Secure")
                    .containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
        }
    }

    @Nested
    class Metrics {
        @Test
        void health_is_public() {
            assertThat(ApiClient.anonymous(baseUrl()).get("/actuator/health").status()).isEqualTo(200);
        }

        @Test
        void prometheus_is_not_public_and_no_member_may_read_it() {
            ApiClient.Reply anonymous = ApiClient.anonymous(baseUrl()).get("/actuator/prometheus");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.body()).doesNotContain("# HELP");
            ApiClient.Reply admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD).get("/actuator/prometheus");
            assertThat(admin.status()).isEqualTo(403);
            assertThat(ApiClient.withToken(baseUrl(), "wrong-scrape-token").get("/actuator/prometheus").status()).isEqualTo(401);
            assertThat(ApiClient.anonymous(baseUrl()).get("/actuator/metrics").status()).isEqualTo(401);
        }

        @Test
        void the_operator_s_scrape_token_reads_prometheus() throws Exception {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + METRICS_SCRAPE_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("# HELP");
        }
    }
}
