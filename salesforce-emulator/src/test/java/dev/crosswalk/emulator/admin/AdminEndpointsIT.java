package dev.crosswalk.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.seed.OverlapPlan;
import dev.crosswalk.emulator.seed.SeedReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminEndpointsIT {
    @AutoClose
    private static final SalesforceEmulator sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0).seed("demo").build());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterEach
    void clearFaults() throws Exception {
        post("faults/clear", "");
    }

    record Reply(int status, String body) {
        JsonNode json() {
            return Json.parse(body.getBytes());
        }
    }

    private static Reply post(String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + "/_emulator/" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private static Reply get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sf.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private static Session sessionOf(String username) {
        var u = sf.state().user(username).orElseThrow();
        return sf.state().tokens().issueSession(u.org(), u.userId(), "crosswalk-local", Set.of("api"), null);
    }

    @Nested
    class FixedContract {
        @Test
        void expire_sessions_answers_204_and_ends_the_users_sessions() throws Exception {
            Session s = sessionOf("integration@acme.example");
            Reply r = post("faults/expire-sessions", "{\"username\": \"integration@acme.example\"}");
            assertThat(r.status()).isEqualTo(204);
            assertThat(sf.state().tokens().authenticate(s.token())).isEmpty();
        }

        @Test
        void revoke_refresh_tokens_answers_204_and_revokes_them() throws Exception {
            var u = sf.state().user("integration@acme.example").orElseThrow();
            var grant = sf.state().tokens().issueRefreshToken(u.org(), u.userId(), "crosswalk-local", Set.of("api"));
            Reply r = post("faults/revoke-refresh-tokens", "{\"username\": \"integration@acme.example\"}");
            assertThat(r.status()).isEqualTo(204);
            assertThat(sf.state().tokens().refreshGrant(grant.token())).isEmpty();
        }

        @Test
        void expire_sessions_of_a_whole_org_answers_204() throws Exception {
            Session s = sessionOf("admin@globex.example");
            assertThat(post("faults/expire-sessions", "{\"org\": \"Globex\"}").status()).isEqualTo(204);
            assertThat(sf.state().tokens().authenticate(s.token())).isEmpty();
        }
    }

    @Nested
    class Errors {
        @Test
        void an_unknown_user_is_a_404_with_an_admin_error_body() throws Exception {
            Reply r = post("faults/expire-sessions", "{\"username\": \"ghost@acme.example\"}");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("error").stringValue()).isEqualTo("user_not_found");
            assertThat(r.json().get("message").stringValue()).contains("ghost@acme.example");
        }

        @Test
        void malformed_json_and_missing_fields_are_400() throws Exception {
            assertThat(post("users/deactivate", "{not json").json().get("error").stringValue()).isEqualTo("invalid_json");
            Reply missing = post("users/deactivate", "{}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("error").stringValue()).isEqualTo("missing_field");
        }

        @Test
        void an_unknown_admin_path_is_an_admin_404() throws Exception {
            Reply r = post("no/such/thing", "{}");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("error").stringValue()).isEqualTo("not_found");
        }
    }

    @Nested
    class Administration {
        @Test
        void orgs_and_users_are_created_and_listed() throws Exception {
            Reply org = post("orgs", "{\"name\": \"Umbrella\"}");
            assertThat(org.status()).isEqualTo(201);
            assertThat(org.json().get("id").stringValue()).startsWith("00D").hasSize(18);
            Reply user = post("users", """
                    {"org": "Umbrella", "username": "alice@umbrella.example", "password": "Secret1!",
                     "profile": "Standard User"}""");
            assertThat(user.status()).isEqualTo(201);
            assertThat(user.json().get("id").stringValue()).startsWith("005");
            assertThat(sf.state().checkPassword("alice@umbrella.example", "Secret1!")).isTrue();
            assertThat(get("/_emulator/orgs").body()).contains("\"Umbrella\"", "alice@umbrella.example", "admin@acme.example");
            assertThat(post("orgs", "{\"name\": \"Umbrella\"}").status()).isEqualTo(400);
        }

        @Test
        void a_user_is_deactivated_and_reactivated() throws Exception {
            post("users", "{\"org\": \"Acme Corp\", \"username\": \"temp@acme.example\", \"password\": \"x\"}");
            var u = sf.state().user("temp@acme.example").orElseThrow();
            assertThat(post("users/deactivate", "{\"username\": \"temp@acme.example\"}").status()).isEqualTo(204);
            assertThat(sf.state().isActive(u.org(), u.userId())).isFalse();
            assertThat(post("users/reactivate", "{\"username\": \"temp@acme.example\"}").status()).isEqualTo(204);
            assertThat(sf.state().isActive(u.org(), u.userId())).isTrue();
        }

        @Test
        void permission_sets_are_created_assigned_granted_and_revoked() throws Exception {
            post("users", "{\"org\": \"Acme Corp\", \"username\": \"perm@acme.example\", \"password\": \"x\","
                    + " \"profile\": \"Minimum Access - Salesforce\"}");
            assertThat(post("permission-sets", "{\"org\": \"Acme Corp\", \"name\": \"Lead_Editor\","
                    + " \"systemPermissions\": {\"PermissionsApiEnabled\": true}}").status()).isEqualTo(201);
            assertThat(post("permission-sets/assign", "{\"username\": \"perm@acme.example\", \"permissionSet\": \"Lead_Editor\"}")
                    .status()).isEqualTo(204);
            Reply grant = post("object-permissions/grant", "{\"org\": \"Acme Corp\", \"permissionSet\": \"Lead_Editor\","
                    + " \"object\": \"Lead\", \"permissions\": [\"edit\"]}");
            assertThat(grant.status()).isEqualTo(200);
            assertThat(grant.body()).contains("\"read\"", "\"edit\"");

            var u = sf.state().user("perm@acme.example").orElseThrow();
            var lead = u.org().type("Lead").orElseThrow();
            assertThat(sf.state().permissions().access(u.org(), u.userId()).object(lead).edit()).isTrue();

            assertThat(post("object-permissions/revoke", "{\"org\": \"Acme Corp\", \"permissionSet\": \"Lead_Editor\","
                    + " \"object\": \"Lead\"}").json().get("permissions")).isEmpty();
            assertThat(sf.state().permissions().access(u.org(), u.userId()).canRead(lead)).isFalse();

            assertThat(post("permission-sets/unassign", "{\"username\": \"perm@acme.example\", \"permissionSet\": \"Lead_Editor\"}")
                    .status()).isEqualTo(204);
            assertThat(sf.state().permissions().apiEnabled(u.org(), u.userId())).isFalse();
        }

        @Test
        void api_access_is_switched_per_user() throws Exception {
            var u = sf.state().user("noleads@acme.example").orElseThrow();
            assertThat(post("users/api-access", "{\"username\": \"noleads@acme.example\", \"enabled\": false}").status())
                    .isEqualTo(204);
            assertThat(sf.state().permissions().apiEnabled(u.org(), u.userId())).isFalse();
            post("users/api-access", "{\"username\": \"noleads@acme.example\", \"enabled\": true}");
            assertThat(sf.state().permissions().apiEnabled(u.org(), u.userId())).isTrue();
        }

        @Test
        void the_daily_limit_and_used_count_are_set_and_read() throws Exception {
            Reply set = post("limits", "{\"org\": \"Globex\", \"dailyApiRequests\": 1000, \"used\": 990}");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().get("remaining").asLong()).isEqualTo(10);
            assertThat(get("/_emulator/limits?org=Globex").json().get("used").asLong()).isEqualTo(990);
            post("limits", "{\"org\": \"Globex\", \"dailyApiRequests\": 100000, \"used\": 0}");
        }

        @Test
        void refresh_token_rotation_is_enabled_per_connected_app() throws Exception {
            assertThat(post("connected-apps/refresh-token-rotation", "{\"clientId\": \"crosswalk-local\", \"enabled\": true}")
                    .status()).isEqualTo(204);
            assertThat(sf.state().app("crosswalk-local").orElseThrow().rotateRefreshTokens()).isTrue();
            post("connected-apps/refresh-token-rotation", "{\"clientId\": \"crosswalk-local\", \"enabled\": false}");
        }
    }

    @Nested
    class Faults {
        @Test
        void the_next_requests_under_a_prefix_fail_with_the_given_salesforce_error() throws Exception {
            assertThat(post("faults/fail-next", """
                    {"count": 2, "pathPrefix": "/services/data", "status": 503, "errorCode": "SERVER_UNAVAILABLE"}""")
                    .status()).isEqualTo(204);
            Reply first = get("/services/data/v60.0/limits");
            assertThat(first.status()).isEqualTo(503);
            assertThat(first.json().get(0).get("errorCode").stringValue()).isEqualTo("SERVER_UNAVAILABLE");
            // Admin calls and other paths are not affected.
            assertThat(get("/_emulator/orgs").status()).isEqualTo(200);
            assertThat(get("/services/oauth2/userinfo").status()).isNotEqualTo(503);
            assertThat(get("/services/data/v60.0/limits").status()).isEqualTo(503);
            assertThat(get("/services/data/v60.0/limits").status()).isNotEqualTo(503);
        }

        @Test
        void a_lower_case_error_code_fails_in_the_oauth_shape() throws Exception {
            post("faults/fail-next", """
                    {"pathPrefix": "/services/oauth2/token", "status": 400, "errorCode": "invalid_grant"}""");
            Reply r = get("/services/oauth2/token");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").stringValue()).isEqualTo("invalid_grant");
            assertThat(r.json().get("error_description").stringValue()).isEqualTo("expired access/refresh token");
        }

        @Test
        void latency_delays_matching_requests() throws Exception {
            post("faults/latency", "{\"millis\": 300, \"pathPrefix\": \"/services/data\"}");
            long start = System.nanoTime();
            get("/services/data/v60.0/limits");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        }
    }

    @Nested
    class Seeding {
        @Test
        void seeding_over_http_loads_records_and_reports_the_true_overlap() throws Exception {
            Reply r = post("seed", """
                    {"seed": 5, "overlap": 0.25, "includeDomains": true, "orgs": [
                      {"org": "Bench A", "create": true, "accounts": 2000, "leads": 1000},
                      {"org": "Bench B", "create": true, "accounts": 1500, "leads": 500}]}""");
            assertThat(r.status()).isEqualTo(200);
            SeedReport expected = OverlapPlan.builder(5).overlap(0.25).org("Bench A", 2000, 1000).org("Bench B", 1500, 500)
                    .build().report();
            JsonNode overlap = r.json().get("overlaps").get(0);
            assertThat(overlap.get("count").asInt()).isEqualTo(expected.overlapCount("Bench A", "Bench B"));
            assertThat(overlap.get("domains")).hasSize(expected.overlapCount("Bench A", "Bench B"));
            assertThat(r.json().get("orgs").get(0).get("accounts").asInt()).isEqualTo(2000);
            var benchA = sf.state().orgByName("Bench A").orElseThrow();
            assertThat(benchA.read(() -> benchA.store("Account").size())).isEqualTo(2000);
        }

        @Test
        void the_demo_report_matches_the_demo_plan() throws Exception {
            Reply r = get("/_emulator/seed/demo-report?includeDomains=false");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("overlaps").get(0).get("count").asInt())
                    .isEqualTo(OverlapPlan.demo().report().overlapCount("Acme Corp", "Globex"));
            assertThat(r.json().get("overlaps").get(0).has("domains")).isFalse();
        }
    }
}
