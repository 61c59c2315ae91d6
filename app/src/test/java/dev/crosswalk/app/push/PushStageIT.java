package dev.crosswalk.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.connection.ConnectionHealth;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.push.PushFixture.Tenant;
import dev.crosswalk.app.schedule.DueJobsNow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Push is the last stage of the after-sync pipeline: a sync of the data source ends with its
 * overlaps in Salesforce; a push that fails unexpectedly fails the pass loudly (retried, then
 * MATCHING_FAILED, the runs not matched) and the next pass resumes at the push; an unhealthy Inbound
 * connection makes the stage a no-op that succeeds with its reason, so the runs are still matched.
 */
class PushStageIT extends AppIntegrationTest {
    @Autowired
    OrganizationService organizations;
    @Autowired
    ConnectionService connections;
    @Autowired
    CustomObjectsIntegrations customObjects;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DueJobsNow dueJobs;

    @Test
    void a_sync_ends_with_its_push_and_a_failing_push_fails_the_pass_loudly_until_it_works() {
        String sfx = UUID.randomUUID().toString().substring(0, 6);
        TestOrg sfA = SalesforceFixture.newOrg("Stage Acme");
        TestOrg sfB = SalesforceFixture.newOrg("Stage Globex");
        PushFixture.installPackage(sfA);
        sfA.addAccount("One Acme", "one-" + sfx + ".com");
        sfB.addAccount("One Globex", "one-" + sfx + ".com");
        sfB.addAccount("Two Globex", "two-" + sfx + ".com");
        Tenant acme = PushFixture.tenant(organizations, baseUrl(), "StageAcme", sfA);
        Tenant globex = PushFixture.tenant(organizations, baseUrl(), "StageGlobex", sfB);
        PushFixture.population(acme.admin(), "All accounts", "Account");
        String theirs = PushFixture.population(globex.admin(), "All accounts", "Account");
        PushFixture.share(globex.admin(), theirs, "OVERLAPPING", Map.of("Account", List.of("Name")));
        String partnership = acme.admin().post("/api/v1/partnerships", Map.of("partner", globex.name())).json().get("id").asString();
        assertThat(globex.admin().post("/api/v1/partnerships/" + partnership + "/accept", Map.of()).status()).isEqualTo(200);
        UUID integration = PushFixture.customObjects(customObjects, acme);
        UUID inbound = connections.inbound(acme.organizationId(), integration).orElseThrow().id();

        // 1. A sync of Acme's data source: the pipeline's last stage pushes (no push is queued by hand here).
        PushFixture.sync(acme, 2);
        assertThat(pushRuns(acme, integration)).anyMatch(r -> r.get("trigger").asString().equals("AFTER_SYNC")
                && r.get("status").asString().equals("SUCCEEDED"));
        assertThat(PushFixture.overlapRecords(connections, inbound)).hasSize(1);

        // 2. A new overlap, and the push fails in a way a retry may cure (PostgreSQL refuses the push's run row).
        sfA.addAccount("Two Acme", "two-" + sfx + ".com");
        UUID source = UUID.fromString(acme.integrationId());
        jdbc.sql("""
                create or replace function fail_push_for_test() returns trigger language plpgsql as $$
                begin
                    if new.integration_id = '%s' then
                        raise exception 'push store refused (test)';
                    end if;
                    return new;
                end $$""".formatted(integration)).update();
        jdbc.sql("create trigger fail_push_for_test before insert on push_run for each row execute function fail_push_for_test()")
                .update();
        try {
            assertThat(acme.admin().post("/api/v1/integrations/" + acme.integrationId() + "/sync", Map.of()).status()).isEqualTo(202);
            JsonNode failed = Await.until("MATCHING_FAILED at push", Duration.ofSeconds(90), () -> {
                dueJobs.runDueNow();
                return openError(acme.admin(), acme.integrationId(), "MATCHING_FAILED");
            }, e -> e != null);
            assertThat(failed.get("message").asString()).contains("\"push\" step").contains("push store refused (test)")
                    .contains("Ecosystem_Overlap__c");
            JsonNode runs = acme.admin().get("/api/v1/integrations/" + acme.integrationId() + "/runs").json();
            assertThat(runs.get(0).get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(runs.get(0).hasNonNull("matchedAt")).as("matchedAt only when the push stage succeeded too").isFalse();
            assertThat(watermarks(source)).as("every stage before push is done for the request")
                    .containsKeys("match-keys", "population-membership", "overlaps");
            assertThat(watermarks(source).get("push")).isNotEqualTo(watermarks(source).get("overlaps"));
        } finally {
            jdbc.sql("drop trigger fail_push_for_test on push_run").update();
            jdbc.sql("drop function fail_push_for_test()").update();
        }

        // 3. The next pass resumes and completes: both overlaps in Salesforce, runs matched, the error cleared.
        PushFixture.sync(acme, 4);
        assertThat(PushFixture.overlapRecords(connections, inbound)).hasSize(2);
        Await.until("MATCHING_FAILED cleared", Duration.ofSeconds(30),
                () -> openError(acme.admin(), acme.integrationId(), "MATCHING_FAILED") == null);

        // 4. Inbound connection unhealthy: the stage is a no-op with its reason, the runs are still matched.
        connections.recordFailure(inbound, ConnectionHealth.NEEDS_REAUTHORIZATION);
        PushFixture.sync(acme, 5);
        JsonNode skipped = pushRuns(acme, integration).get(0);
        assertThat(skipped.get("status").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.get("message").asString()).contains("Inbound connection is not healthy");
    }

    private static List<JsonNode> pushRuns(Tenant t, UUID integration) {
        return t.admin().get("/api/v1/integrations/" + integration + "/push").json().get("recentRuns").valueStream().toList();
    }

    private static JsonNode openError(ApiClient admin, String integrationId, String code) {
        return admin.get("/api/v1/integrations/" + integrationId + "/errors?includeCleared=false").json().valueStream()
                .filter(e -> e.get("code").asString().equals(code)).findFirst().orElse(null);
    }

    private Map<String, java.time.Instant> watermarks(UUID integrationId) {
        Map<String, java.time.Instant> out = new java.util.TreeMap<>();
        jdbc.sql("select stage, watermark from pipeline_stage_watermark where integration_id = ?").param(integrationId)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return out;
    }
}
