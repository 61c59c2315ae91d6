package dev.crosswalk.app.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.emulator.model.Record;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordsApiIT extends AppIntegrationTest {
    private ApiClient admin;
    private TestOrg sf;
    private String integrationId;
    private Record deleted;
    private JsonNode firstRun;

    @BeforeAll
    void syncAnOrg() {
        admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        sf = SalesforceFixture.newOrg("Records Org");
        for (int i = 0; i < 120; i++) {
            sf.addAccount("Umbrella " + i, "https://www.umbrella" + i + ".example/");
        }
        sf.addAccount("Wayne 100% Enterprises", "wayne_enterprises.example");
        deleted = sf.addAccount("Deleted Umbrella", "deleted.example");
        sf.addLead("Ripley", "Weyland", "ellen.ripley@weyland-yutani.example");
        integrationId = Syncs.connect(admin, sf);
        Syncs.awaitRun(admin, integrationId, 1);
        sf.delete("Account", deleted.id());
        assertThat(admin.post("/api/v1/integrations/" + integrationId + "/sync", java.util.Map.of()).status()).isEqualTo(202);
        Syncs.awaitRun(admin, integrationId, 2);
        firstRun = admin.get("/api/v1/integrations/" + integrationId + "/runs").json().get(1);
    }

    /** Prometheus scrapes without credentials. */
    private String scrape() {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            // Prometheus is the operator's, scraped with the scrape token (no member may read cross-tenant totals).
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/actuator/prometheus"))
                            .header("Authorization", "Bearer " + METRICS_SCRAPE_TOKEN).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode search(String query) {
        ApiClient.Reply r = admin.get("/api/v1/records?integrationId=" + integrationId + "&object=Account" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static Set<String> names(JsonNode page) {
        return page.get("records").valueStream().map(r -> r.get("fields").get("Name").asString()).collect(Collectors.toSet());
    }

    @Nested
    class Browsing {
        @Test
        void lists_every_live_record_of_the_object_page_by_page_without_deleted_ones() {
            JsonNode first = search("&limit=100&offset=0");
            JsonNode second = search("&limit=100&offset=100");
            assertThat(first.get("total").asLong()).isEqualTo(121);
            assertThat(first.get("records").size()).isEqualTo(100);
            assertThat(second.get("records").size()).isEqualTo(21);
            Set<String> ids = new java.util.HashSet<>();
            first.get("records").forEach(r -> ids.add(r.get("id").asString()));
            second.get("records").forEach(r -> ids.add(r.get("id").asString()));
            Set<String> live = sf.live("Account").stream().map(Record::id).collect(Collectors.toSet());
            assertThat(ids).isEqualTo(live).doesNotContain(deleted.id());
        }

        @Test
        void a_record_is_read_by_its_salesforce_id_with_the_values_salesforce_holds() {
            Record r = sf.live("Account").get(3);
            JsonNode got = admin.get("/api/v1/records/Account/" + r.id()).json();
            assertThat(got.get("id").asString()).isEqualTo(r.id());
            assertThat(got.get("integrationId").asString()).isEqualTo(integrationId);
            assertThat(got.get("fields").get("Name").asString()).isEqualTo(sf.value("Account", r, "Name"));
            assertThat(got.get("fields").get("Website").asString()).isEqualTo(sf.value("Account", r, "Website"));
        }

        @Test
        void deleted_unknown_and_malformed_ids_are_not_found_and_unknown_objects_are_refused() {
            assertThat(admin.get("/api/v1/records/Account/" + deleted.id()).status()).isEqualTo(404);
            assertThat(admin.get("/api/v1/records/Account/001000000000000AAA").status()).isEqualTo(404);
            assertThat(admin.get("/api/v1/records/Account/x'or'1'='1").status()).isEqualTo(404);
            ApiClient.Reply bad = admin.get("/api/v1/records?object=Case");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(admin.get("/api/v1/records?limit=1000").status()).isEqualTo(400);
        }
    }

    @Nested
    class Searching {
        @Test
        void by_name_case_insensitively() {
            assertThat(names(search("&q=umbrella%2011"))).containsExactlyInAnyOrder("Umbrella 11", "Umbrella 110",
                    "Umbrella 111", "Umbrella 112", "Umbrella 113", "Umbrella 114", "Umbrella 115", "Umbrella 116",
                    "Umbrella 117", "Umbrella 118", "Umbrella 119");
        }

        @Test
        void by_website_and_like_wildcards_in_the_query_are_literal() {
            assertThat(names(search("&q=umbrella42.example"))).containsExactly("Umbrella 42");
            assertThat(names(search("&q=100%25"))).containsExactly("Wayne 100% Enterprises");
            assertThat(names(search("&q=wayne_"))).containsExactly("Wayne 100% Enterprises");
            assertThat(search("&q=_").get("total").asLong()).isEqualTo(1);
        }

        @Test
        void by_email_on_leads() {
            JsonNode leads = admin.get("/api/v1/records?integrationId=" + integrationId + "&object=Lead&q=WEYLAND-yutani").json();
            assertThat(leads.get("total").asLong()).isEqualTo(1);
            assertThat(leads.get("records").get(0).get("fields").get("Email").asString())
                    .isEqualTo("ellen.ripley@weyland-yutani.example");
        }

        @Test
        void a_deleted_record_is_not_found() {
            assertThat(search("&q=Deleted%20Umbrella").get("total").asLong()).isZero();
        }
    }

    @Nested
    class Progress {
        @Test
        void a_full_sync_records_its_estimated_total_and_an_incremental_one_none() {
            assertThat(firstRun.get("objects").get("Account").get("fullSync").asBoolean()).isTrue();
            // 122 Accounts + 1 Lead, counted before the full sync of each object.
            assertThat(firstRun.get("estimatedTotal").asLong()).isEqualTo(123);
            assertThat(firstRun.get("recordsRead").asLong()).isEqualTo(123);
            JsonNode incremental = admin.get("/api/v1/integrations/" + integrationId + "/runs").json().get(0);
            assertThat(incremental.has("estimatedTotal")).isFalse();
        }
    }

    @Nested
    class Metrics {
        @Test
        void sync_durations_records_and_api_calls_are_scraped_by_prometheus() {
            String scrape = scrape();
            List<String> lines = scrape.lines().filter(l -> !l.startsWith("#")).toList();
            assertThat(lines).anyMatch(l -> l.startsWith("crosswalk_sync_duration_seconds_count{")
                    && l.contains("outcome=\"succeeded\"") && l.contains("trigger=\"first_sync\""));
            assertThat(lines).anyMatch(l -> l.startsWith("crosswalk_sync_records_read_total{") && l.contains("object=\"Account\""));
            assertThat(lines).anyMatch(l -> l.startsWith("crosswalk_sync_records_deleted_total{") && l.contains("object=\"Account\"")
                    && l.contains("trigger=\"manual\"") && !l.endsWith(" 0.0"));
            assertThat(lines).anyMatch(l -> l.startsWith("crosswalk_sync_records_upserted_total{"));
            assertThat(lines).anyMatch(l -> l.startsWith("crosswalk_sync_api_calls_total{") && !l.endsWith(" 0.0"));
        }
    }
}
