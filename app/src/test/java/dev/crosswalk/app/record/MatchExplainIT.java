package dev.crosswalk.app.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MatchExplainIT extends AppIntegrationTest {
    private ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private static Map<String, Object> rec(String website, String email, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("website", website);
        m.put("email", email);
        m.put("name", name);
        return m;
    }

    @Nested
    class Explain {
        @Test
        void two_records_on_one_registrable_domain_match_and_say_why() {
            ApiClient.Reply r = admin.post("/api/v1/match/explain", Map.of(
                    "a", rec("https://www.Acme.co.uk/en/home", null, "Acme Ltd."),
                    "b", rec(null, "jane@uk.acme.co.uk", "ACME Limited")));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode j = r.json();
            assertThat(j.get("a").get("domain").get("key").asString()).isEqualTo("acme.co.uk");
            assertThat(j.get("a").get("domain").get("reason").asString()).isEqualTo("WEBSITE");
            assertThat(j.get("b").get("domain").get("reason").asString()).isEqualTo("EMAIL");
            assertThat(j.get("b").get("name").get("key").asString()).isEqualTo("acme");
            assertThat(j.get("decision").get("match").asBoolean()).isTrue();
            assertThat(j.get("decision").get("evidence").asString()).isEqualTo("DOMAIN");
            assertThat(j.get("decision").get("reasons").get(0).asString()).contains("acme.co.uk");
        }

        @Test
        void a_name_counts_only_when_name_matching_is_asked_for() {
            Map<String, Object> a = rec("n/a", null, "Blue Harbor Foods Ltd");
            Map<String, Object> b = rec(null, "bob@gmail.com", "Blue-Harbor Foods");
            JsonNode off = admin.post("/api/v1/match/explain", Map.of("a", a, "b", b)).json();
            assertThat(off.get("decision").get("match").asBoolean()).isFalse();
            assertThat(off.get("decision").get("evidence").asString()).isEqualTo("NONE");
            assertThat(off.get("a").get("domain").get("reason").asString()).isEqualTo("PLACEHOLDER");
            assertThat(off.get("b").get("domain").get("reason").asString()).isEqualTo("PERSONAL_DOMAIN");
            assertThat(off.get("b").get("domain").get("explanation").asString()).contains("personal email");
            assertThat(off.get("decision").get("reasons").toString()).contains("name matching is off");

            JsonNode on = admin.post("/api/v1/match/explain", Map.of("a", a, "b", b, "nameMatching", true)).json();
            assertThat(on.get("decision").get("match").asBoolean()).isTrue();
            assertThat(on.get("decision").get("evidence").asString()).isEqualTo("NAME");
        }

        @Test
        void one_record_alone_returns_its_keys_without_a_decision() {
            JsonNode j = admin.post("/api/v1/match/explain", Map.of("a", rec("müller-bau.de", null, "Müller Bau GmbH"))).json();
            assertThat(j.get("a").get("domain").get("key").asString()).isEqualTo("xn--mller-bau-q9a.de");
            assertThat(j.get("a").get("name").get("key").asString()).isEqualTo("mullerbau");
            assertThat(j.hasNonNull("b")).isFalse();
            assertThat(j.hasNonNull("decision")).isFalse();
        }

        @Test
        void without_a_first_record_the_answer_is_a_problem_detail() {
            ApiClient.Reply r = admin.post("/api/v1/match/explain", Map.of("b", rec("acme.com", null, null)));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        }

        @Test
        void strangers_are_not_answered() {
            ApiClient stranger = new ApiClient(baseUrl(), "nobody@nowhere.example", "wrong-password");
            assertThat(stranger.post("/api/v1/match/explain", Map.of("a", rec("acme.com", null, null))).status()).isEqualTo(401);
        }
    }

    @Nested
    class Batches {
        @Test
        void a_thousand_records_get_their_keys_in_order() {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                records.add(i % 2 == 0 ? rec("https://www.company" + i + ".com/", null, "Company " + i + " Inc")
                        : rec(null, "x@gmail.com", null));
            }
            ApiClient.Reply r = admin.post("/api/v1/match/keys", records);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode j = r.json();
            assertThat(j.size()).isEqualTo(1000);
            assertThat(j.get(0).get("domain").get("key").asString()).isEqualTo("company0.com");
            assertThat(j.get(0).get("name").get("key").asString()).isEqualTo("company0");
            assertThat(j.get(998).get("domain").get("key").asString()).isEqualTo("company998.com");
            assertThat(j.get(999).get("domain").hasNonNull("key")).isFalse();
            assertThat(j.get(999).get("domain").get("reason").asString()).isEqualTo("PERSONAL_DOMAIN");
            assertThat(j.get(999).get("name").get("reason").asString()).isEqualTo("BLANK");
        }

        @Test
        void more_than_a_thousand_records_are_refused_with_a_problem_detail() {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                records.add(rec("acme.com", null, null));
            }
            ApiClient.Reply r = admin.post("/api/v1/match/keys", records);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.json().get("detail").asString()).contains("1000").contains("1001");
        }
    }

    @Test
    void the_endpoints_are_in_the_openapi_document() {
        ApiClient.Reply docs = admin.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/match/explain")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/match/keys")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/records/key-stats")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/organization/domains")).isTrue();
    }
}
