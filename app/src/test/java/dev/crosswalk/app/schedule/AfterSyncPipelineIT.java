package dev.crosswalk.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.Syncs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The work a sync's records feed (keys, populations, overlaps) runs as its own job of named stages:
 * while it is slow, the integration still syncs, and when it gets going it catches up with every run
 * it missed; when a stage fails, the runs stay unmatched and the integration shows the error.
 */
class AfterSyncPipelineIT extends AppIntegrationTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DueJobsNow dueJobs;

    @Test
    void a_failing_overlaps_stage_leaves_the_runs_unmatched_shows_the_error_and_a_later_pass_resumes_there() {
        TestOrg sf = SalesforceFixture.newOrg("Failing Overlaps Corp");
        sf.addAccount("First Inc", "first-failing-stage-test.com");
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        String integrationId = Syncs.connect(admin, sf);
        Syncs.awaitRun(admin, integrationId, 1);
        UUID id = UUID.fromString(integrationId);

        // The overlaps stage stores its watermark (pairs_at) last; make PostgreSQL refuse it for this integration.
        jdbc.sql("""
                create or replace function fail_overlaps_for_test() returns trigger language plpgsql as $$
                begin
                    if new.integration_id = '%s' and new.pairs_at is not null
                            and (tg_op = 'INSERT' or new.pairs_at is distinct from old.pairs_at) then
                        raise exception 'overlap store refused (test)';
                    end if;
                    return new;
                end $$""".formatted(id)).update();
        jdbc.sql("create trigger fail_overlaps_for_test before insert or update on overlap_watermark"
                + " for each row execute function fail_overlaps_for_test()").update();
        try {
            sf.addAccount("Second Inc", "second-failing-stage-test.com");
            assertThat(admin.post("/api/v1/integrations/" + integrationId + "/sync", Map.of()).status()).isEqualTo(202);
            JsonNode failed = Await.until("MATCHING_FAILED on " + integrationId, Duration.ofSeconds(60), () -> {
                dueJobs.runDueNow(); // the retry is due a second later: no waiting for the polling interval
                return openError(admin, integrationId, "MATCHING_FAILED");
            }, e -> e != null);
            assertThat(failed.get("message").asString()).contains("\"overlaps\" step 2 times").contains("overlap store refused (test)");
            assertThat(failed.get("fix").asString()).isNotBlank();
            assertThat(admin.get("/api/v1/integrations/" + integrationId + "/health").json().get("status").asString())
                    .isEqualTo("ERROR");

            JsonNode runs = admin.get("/api/v1/integrations/" + integrationId + "/runs").json();
            assertThat(runs.get(0).get("status").asString()).as("the sync itself worked").isEqualTo("SUCCEEDED");
            assertThat(runs.get(0).hasNonNull("matchedAt")).as("matchedAt only when every stage succeeded").isFalse();
            assertThat(keyStats(admin, integrationId).get("pending").asLong()).as("the stages before overlaps did their work")
                    .isZero();
            assertThat(stageWatermarks(id)).as("match keys and populations are done for the request, overlaps is not")
                    .containsEntry("match-keys", requestedAt(id)).containsEntry("population-membership", requestedAt(id))
                    .doesNotContainEntry("overlaps", requestedAt(id));
        } finally {
            jdbc.sql("drop trigger fail_overlaps_for_test on overlap_watermark").update();
            jdbc.sql("drop function fail_overlaps_for_test()").update();
        }

        assertThat(admin.post("/api/v1/integrations/" + integrationId + "/sync", Map.of()).status()).isEqualTo(202);
        Syncs.awaitRun(admin, integrationId, 3);
        JsonNode runs = admin.get("/api/v1/integrations/" + integrationId + "/runs").json();
        assertThat(runs.valueStream()).as("the failed pass's run is matched by the next complete pass")
                .allMatch(r -> r.hasNonNull("matchedAt"));
        Await.until("MATCHING_FAILED cleared", Duration.ofSeconds(30),
                () -> openError(admin, integrationId, "MATCHING_FAILED") == null);
        assertThat(admin.get("/api/v1/integrations/" + integrationId + "/health").json().get("status").asString())
                .isEqualTo("ACTIVE");
    }

    private static JsonNode openError(ApiClient admin, String integrationId, String code) {
        return admin.get("/api/v1/integrations/" + integrationId + "/errors?includeCleared=false").json().valueStream()
                .filter(e -> e.get("code").asString().equals(code)).findFirst().orElse(null);
    }

    private Map<String, Instant> stageWatermarks(UUID integrationId) {
        Map<String, Instant> out = new java.util.TreeMap<>();
        jdbc.sql("select stage, watermark from pipeline_stage_watermark where integration_id = ?").param(integrationId)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return out;
    }

    private Instant requestedAt(UUID integrationId) {
        return jdbc.sql("select requested_at from pipeline_request where integration_id = ?").param(integrationId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    @Test
    void slow_matching_never_holds_up_the_next_sync_and_one_catch_up_covers_every_run_it_missed() throws Exception {
        TestOrg sf = SalesforceFixture.newOrg("Busy Matching Corp");
        sf.addAccount("Early Inc", "early-aftersync-test.com");
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        String integrationId = Syncs.connect(admin, sf);
        Syncs.awaitRun(admin, integrationId, 1);
        assertThat(keyStats(admin, integrationId).get("pending").asLong()).isZero();

        // Hold the row lock the key computation takes first, as a key pass over a huge org would.
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement(
                    "select 1 from record_key_checkpoint where integration_id = ? for update")) {
                lock.setObject(1, UUID.fromString(integrationId));
                assertThat(lock.executeQuery().next()).isTrue();
            }
            sf.addAccount("Late Inc", "late-aftersync-test.com");
            for (int run = 2; run <= 3; run++) {
                assertThat(admin.post("/api/v1/integrations/" + integrationId + "/sync", Map.of()).status())
                        .as("sync now while the previous run's matching is still going").isEqualTo(202);
                JsonNode finished = awaitFinished(admin, integrationId, run);
                assertThat(finished.get("status").asString()).isEqualTo("SUCCEEDED");
                assertThat(finished.hasNonNull("matchedAt")).as("run %d is not matched while the work is held", run).isFalse();
            }
            assertThat(keyStats(admin, integrationId).get("pending").asLong()).as("Late Inc waits for its keys").isEqualTo(1);
            held.rollback();
        }

        Syncs.awaitRun(admin, integrationId, 3);
        JsonNode runs = admin.get("/api/v1/integrations/" + integrationId + "/runs").json();
        assertThat(runs.valueStream()).hasSize(3).allMatch(r -> r.hasNonNull("matchedAt"));
        JsonNode stats = keyStats(admin, integrationId);
        assertThat(stats.get("pending").asLong()).isZero();
        assertThat(stats.get("withDomain").asLong()).as("both accounts keyed by their domain").isEqualTo(2);
        assertThat(stageWatermarks(UUID.fromString(integrationId))).as("no Custom Objects integration: push is a no-op that succeeds")
                .containsEntry("push", requestedAt(UUID.fromString(integrationId)));
    }

    private static JsonNode keyStats(ApiClient admin, String integrationId) {
        return admin.get("/api/v1/records/key-stats?integrationId=" + integrationId).json();
    }

    /** The run's sync finished (whether or not its matching did). */
    private static JsonNode awaitFinished(ApiClient admin, String integrationId, int runs) {
        JsonNode list = Await.until("run " + runs + " of " + integrationId + " finished", Duration.ofSeconds(60),
                () -> admin.get("/api/v1/integrations/" + integrationId + "/runs").json(),
                l -> l.size() >= runs && !l.get(0).get("status").asString().equals("RUNNING"));
        return list.get(0);
    }
}
