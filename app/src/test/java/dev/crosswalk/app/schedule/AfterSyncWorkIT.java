package dev.crosswalk.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
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
import tools.jackson.databind.JsonNode;

/**
 * The work a sync's records feed (keys, populations, overlaps) runs as its own job: while it is
 * slow, the integration still syncs, and when it gets going it catches up with every run it missed.
 */
class AfterSyncWorkIT extends AppIntegrationTest {
    @Autowired
    DataSource dataSource;

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
    }

    private static JsonNode keyStats(ApiClient admin, String integrationId) {
        return admin.get("/api/v1/records/key-stats?integrationId=" + integrationId).json();
    }

    /** The run's sync finished (whether or not its matching did). */
    private static JsonNode awaitFinished(ApiClient admin, String integrationId, int runs) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode list = admin.get("/api/v1/integrations/" + integrationId + "/runs").json();
            if (list.size() >= runs && !list.get(0).get("status").asString().equals("RUNNING")) {
                return list.get(0);
            }
            Syncs.pause(Duration.ofMillis(100));
        }
        throw new AssertionError("run " + runs + " of " + integrationId + " did not finish");
    }
}
