package dev.crosswalk.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.security.ObjectAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The fault matrix: each fault injected into the emulator, what Crosswalk reports (code, object,
 * fix, status, alerts), and the repair — every case ends with Crosswalk's records equal to the org's.
 */
class ConnectionFaultsIT extends HealthTestSupport {
    /** What the fixture grants: Read, with all fields visible. */
    private static final ObjectAccess READ_ALL_FIELDS = new ObjectAccess(true, false, false, false, false, false, true);

    private static final String JOBS = "/services/data/v62.0/jobs/query";

    @Autowired
    Clock clock;

    static EmulatorState state() {
        return SalesforceFixture.emulator().state();
    }

    @AfterEach
    void clearFaults() {
        SalesforceFixture.emulator().admin().clearFaults();
    }

    @Nested
    class Authentication {
        @Test
        void an_expired_session_mid_download_is_refreshed_transparently() {
            TestOrg sf = org("Faults Session", 900, 20);
            UUID id = connect(sf);
            sf.addAccount("After expiry", "after-expiry.example");
            state().tokens().expireSessionsOfUser(sf.integrationUserId());
            state().faults().failNext(1, JOBS + "/", 401, "INVALID_SESSION_ID", "Session expired or invalid");

            JsonNode run = syncNow(id).orElseThrow();

            assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(errorHistory(id)).isEmpty();
            assertThat(status(id)).isEqualTo("ACTIVE");
            assertRecordsEqual(id, sf);
        }

        @Test
        void a_revoked_refresh_token_is_one_AUTH_REVOKED_error_and_one_alert_without_a_retry_storm_until_reauthorized() {
            TestOrg sf = org("Faults Revoked", 30, 10);
            UUID id = connect(sf);
            state().tokens().revokeRefreshTokensOfUser(sf.integrationUserId());

            JsonNode first = syncNow(id).orElseThrow();
            JsonNode second = syncNow(id).orElseThrow();
            probe.probe(id, false);

            assertThat(first.get("status").asString()).isEqualTo("FAILED");
            // one refused call and one refresh attempt, then the run stops: no storm
            assertThat(first.get("apiCalls").asInt()).isLessThanOrEqualTo(2);
            assertThat(second.get("apiCalls").asInt()).isLessThanOrEqualTo(2);
            List<JsonNode> open = openErrors(id);
            assertThat(open).hasSize(1);
            assertThat(open.get(0).get("code").asString()).isEqualTo("AUTH_REVOKED");
            assertThat(open.get(0).get("occurrences").asInt()).isEqualTo(3);
            assertThat(open.get(0).get("fix").asString()).contains("Reauthorize").contains(sf.integrationUsername());
            assertThat(status(id)).isEqualTo("ERROR");
            assertThat(health(id).get("connection").get("health").asString()).isEqualTo("NEEDS_REAUTHORIZATION");
            assertThat(alerts(id)).extracting(a -> a.get("kind").asString()).containsExactly("INTO_ERROR");

            sf.addAccount("While broken", "while-broken.example");
            assertThat(reauthorize(id, sf.integrationUsername(), Map.of()).status()).isEqualTo(302);
            JsonNode verification = admin.get("/api/v1/integrations/" + id + "/verification?waitSeconds=20").json();

            assertThat(verification.get("done").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.get("stillWrong")).isEmpty();
            assertThat(verification.get("cleared").valueStream().map(e -> e.get("code").asString())).contains("AUTH_REVOKED");
            assertThat(status(id)).isEqualTo("ACTIVE");
            assertThat(alerts(id)).extracting(a -> a.get("kind").asString()).containsExactly("RECOVERED", "INTO_ERROR");
            assertRecordsEqual(id, sf);
        }

        @Test
        void a_deactivated_user_is_USER_INACTIVE_until_reactivated() {
            TestOrg sf = org("Faults Inactive", 25, 5);
            UUID id = connect(sf);
            state().setUserActive(sf.org(), sf.integrationUserId(), false);

            JsonNode run = syncNow(id).orElseThrow();

            assertThat(run.get("status").asString()).isEqualTo("FAILED");
            assertThat(openCodes(id)).containsExactly("USER_INACTIVE");
            assertThat(openErrors(id).get(0).get("fix").asString()).contains("reactivate").contains(sf.integrationUsername());
            assertThat(status(id)).isEqualTo("ERROR");

            state().setUserActive(sf.org(), sf.integrationUserId(), true);
            sf.addAccount("Back again", "back-again.example");
            JsonNode repaired = syncNow(id).orElseThrow();

            assertThat(repaired.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(openCodes(id)).isEmpty();
            assertThat(errorHistory(id).get(0).get("clearedByRun").asString()).isEqualTo(repaired.get("id").asString());
            assertRecordsEqual(id, sf);
        }

        @Test
        void a_token_revoked_between_syncs_is_found_by_the_next_probe_without_a_sync() {
            TestOrg sf = org("Faults Detect", 10, 2);
            UUID id = connect(sf);
            int runsBefore = admin.get("/api/v1/integrations/" + id + "/runs").json().size();
            state().tokens().revokeRefreshTokensOfUser(sf.integrationUserId());

            // the probe job's sweep as it will run 16 minutes from now
            List<HealthProbe.ProbeResult> probed = probe.probeDue(clock.instant().plus(Duration.ofMinutes(16)));

            assertThat(probed).anyMatch(p -> p.integrationId().equals(id) && !p.ok());
            assertThat(openCodes(id)).containsExactly("AUTH_REVOKED");
            assertThat(status(id)).isEqualTo("ERROR");
            assertThat(admin.get("/api/v1/integrations/" + id + "/runs").json().size()).isEqualTo(runsBefore);
            assertThat(health(id).get("connection").get("lastProbeOk").asBoolean()).isFalse();
        }

        @Test
        void under_refresh_token_rotation_a_concurrent_probe_and_sync_share_exactly_one_refresh() {
            TestOrg sf = org("Faults Rotation", 40, 10);
            UUID id = connect(sf);
            SalesforceFixture.emulator().admin().setRefreshTokenRotation(SalesforceFixture.CLIENT_ID, true);
            try {
                long grantsBefore = grants(sf);
                state().tokens().expireSessionsOfUser(sf.integrationUserId());
                sf.addAccount("Rotated", "rotated.example");

                CompletableFuture<HealthProbe.ProbeResult> probed = CompletableFuture.supplyAsync(() -> probe.probe(id, false).orElseThrow());
                CompletableFuture<JsonNode> synced = CompletableFuture.supplyAsync(() -> syncNow(id).orElseThrow());

                assertThat(probed.join().ok()).as(probed.join().problems().toString()).isTrue();
                assertThat(synced.join().get("status").asString()).as(synced.join().toString()).isEqualTo("SUCCEEDED");
                assertThat(grants(sf)).as("refresh grants issued: one rotation").isEqualTo(grantsBefore + 1);
                assertThat(openCodes(id)).isEmpty();
                assertRecordsEqual(id, sf);
            } finally {
                SalesforceFixture.emulator().admin().setRefreshTokenRotation(SalesforceFixture.CLIENT_ID, false);
            }
        }

        private long grants(TestOrg sf) {
            return state().tokens().refreshGrants().stream().filter(g -> g.userId().equals(sf.integrationUserId())).count();
        }
    }

    @Nested
    class Permissions {
        @Test
        void losing_read_on_Lead_is_PERMISSION_MISSING_on_Lead_while_Account_keeps_syncing() {
            TestOrg sf = org("Faults Lead", 30, 15);
            UUID id = connect(sf);
            PermissionAdmin.setObjectPermissions(sf.org(), sf.permissionSetId(), "Lead", ObjectAccess.NONE);
            sf.addAccount("Still syncing", "still-syncing.example");

            JsonNode run = syncNow(id).orElseThrow();

            assertThat(run.get("status").asString()).isEqualTo("PARTIAL");
            List<JsonNode> open = openErrors(id);
            assertThat(open).hasSize(1);
            assertThat(open.get(0).get("code").asString()).isEqualTo("PERMISSION_MISSING");
            assertThat(open.get(0).get("object").asString()).isEqualTo("Lead");
            assertThat(open.get(0).get("fix").asString()).contains("Read").contains("Lead").contains(sf.integrationUsername());
            assertThat(stored(id, "Account")).isEqualTo(live(sf, "Account")).containsValue("Still syncing");

            // the probe's preflight finds it too, between syncs, with the preflight's own fix
            HealthProbe.ProbeResult probed = probe.probe(id, true).orElseThrow();
            assertThat(probed.preflight()).anyMatch(l -> l.requirement().equals("Read on Lead") && l.status().equals("FAIL"));
            assertThat(probed.problems()).extracting(Problem::code).containsExactly(HealthCode.PERMISSION_MISSING);

            // still selected and still unreadable: a second run sees it again (no new row, one more occurrence)
            syncNow(id).orElseThrow();
            assertThat(openErrors(id)).singleElement().satisfies(e -> assertThat(e.get("occurrences").asInt()).isEqualTo(3));

            // deselecting Lead makes its error moot: closed "by settings", not by a run that read Lead
            var onlyAccount = admin.patch("/api/v1/integrations/" + id + "/settings",
                    Map.of("objects", Map.of("Account", List.of("Industry"))));
            assertThat(onlyAccount.status()).as(onlyAccount.body()).isEqualTo(200);
            syncNow(id).orElseThrow();
            assertThat(openCodes(id)).isEmpty();
            assertThat(errorHistory(id)).filteredOn(e -> e.get("code").asString().equals("PERMISSION_MISSING"))
                    .allSatisfy(e -> assertThat(e.get("clearedBy").asString()).isEqualTo("settings"));
            assertThat(status(id)).isEqualTo("ACTIVE");

            PermissionAdmin.setObjectPermissions(sf.org(), sf.permissionSetId(), "Lead", READ_ALL_FIELDS);
            assertThat(admin.patch("/api/v1/integrations/" + id + "/settings",
                    Map.of("objects", Map.of("Account", List.of("Industry"), "Lead", List.of("Email")))).status()).isEqualTo(200);
            JsonNode repaired = syncNow(id).orElseThrow();

            assertThat(repaired.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(openCodes(id)).isEmpty();
            assertThat(status(id)).isEqualTo("ACTIVE");
            assertRecordsEqual(id, sf);
        }

        @Test
        void a_removed_permission_set_takes_API_access_away_and_says_which_permission() {
            TestOrg sf = org("Faults PermSet", 20, 5);
            UUID id = connect(sf);
            PermissionAdmin.unassign(sf.org(), sf.integrationUserId(), sf.permissionSetId());

            syncNow(id).orElseThrow();

            assertThat(openCodes(id)).containsExactly("API_DISABLED");
            assertThat(openErrors(id).get(0).get("fix").asString()).contains("API Enabled").contains(sf.integrationUsername());

            PermissionAdmin.assign(sf.org(), sf.integrationUserId(), sf.permissionSetId());
            sf.addAccount("Reassigned", "reassigned.example");
            assertThat(syncNow(id).orElseThrow().get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(openCodes(id)).isEmpty();
            assertRecordsEqual(id, sf);
        }

        @Test
        void disabled_API_access_is_API_DISABLED_until_enabled() {
            TestOrg sf = org("Faults ApiOff", 20, 5);
            UUID id = connect(sf);
            state().permissions().disableApi(sf.integrationUserId(), true);

            syncNow(id).orElseThrow();
            assertThat(openCodes(id)).containsExactly("API_DISABLED");
            assertThat(status(id)).isEqualTo("ERROR");

            state().permissions().disableApi(sf.integrationUserId(), false);
            HealthProbe.ProbeResult probed = probe.probe(id, false).orElseThrow();
            assertThat(probed.cleared()).extracting(IntegrationError::code).containsExactly(HealthCode.API_DISABLED);
            sf.addAccount("Enabled again", "enabled-again.example");
            syncNow(id).orElseThrow();
            assertThat(status(id)).isEqualTo("ACTIVE");
            assertRecordsEqual(id, sf);
        }
    }

    @Nested
    class Quota {
        @Test
        void at_80_percent_syncing_pauses_with_API_LIMIT_naming_the_usage_and_resumes_by_itself() {
            TestOrg sf = org("Faults Quota80", 30, 5);
            UUID id = connect(sf);
            int runs = admin.get("/api/v1/integrations/" + id + "/runs").json().size();
            sf.org().apiUsage().max(1000);
            sf.org().apiUsage().used(850);

            HealthProbe.ProbeResult probed = probe.probe(id, false).orElseThrow();

            assertThat(probed.apiUsage().max()).isEqualTo(1000);
            List<JsonNode> open = openErrors(id);
            assertThat(open).extracting(e -> e.get("code").asString()).containsExactly("API_LIMIT");
            assertThat(open.get(0).get("message").asString()).contains("851 of 1,000").contains("80%");
            assertThat(health(id).get("apiUsage").get("paused").asBoolean()).isTrue();
            assertThat(syncNow(id)).as("a paused sync does not start").isEmpty();

            sf.addAccount("After the pause", "after-pause.example");
            sf.org().apiUsage().used(100);
            HealthProbe.ProbeResult recovered = probe.probe(id, false).orElseThrow();

            assertThat(recovered.cleared()).extracting(IntegrationError::code).containsExactly(HealthCode.API_LIMIT);
            JsonNode resumed = awaitIdle(id, runs + 1);
            assertThat(resumed.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(status(id)).isEqualTo("ACTIVE");
            assertRecordsEqual(id, sf);
        }

        @Test
        void at_100_percent_a_run_ends_cleanly_and_a_run_crossing_80_percent_mid_download_saves_its_progress() {
            TestOrg sf = org("Faults Quota100", 1000, 0);
            UUID id = connect(sf);
            // Account only, with new fields: the next successful read is a full one, three result pages of 400
            var accountOnly = admin.patch("/api/v1/integrations/" + id + "/settings",
                    Map.of("objects", Map.of("Account", List.of("Industry", "Type"))));
            assertThat(accountOnly.status()).as(accountOnly.body()).isEqualTo(200);
            probe.probe(id, true).orElseThrow(); // the preflight is done: the next probes cost one billable call
            sf.org().apiUsage().max(100_000);
            sf.org().apiUsage().used(100_000);

            JsonNode refused = syncNow(id).orElseThrow();

            assertThat(refused.get("status").asString()).isEqualTo("FAILED");
            assertThat(refused.get("errors").valueStream().map(e -> e.get("code").asString())).containsExactly("API_LIMIT");
            assertThat(openErrors(id).get(0).get("message").asString()).contains("Salesforce refused").contains("100,000 of 100,000");
            assertThat(syncNow(id)).as("paused while usage is over the share").isEmpty();

            // usage drops just under 80%: the probe lifts the pause and a run starts; it crosses 80% mid-download
            int runs = admin.get("/api/v1/integrations/" + id + "/runs").json().size();
            sf.org().apiUsage().used(79_997);
            assertThat(probe.probe(id, false).orElseThrow().cleared()).extracting(IntegrationError::code)
                    .containsExactly(HealthCode.API_LIMIT);
            JsonNode cut = awaitIdle(id, runs + 1);

            assertThat(cut.get("status").asString()).as(cut.toString()).isEqualTo("FAILED");
            assertThat(cut.get("errors").valueStream().map(e -> e.get("code").asString())).containsExactly("API_LIMIT");
            assertThat(cut.get("recordsRead").asLong()).as("the first batch was written before the guard stopped: " + cut
                    + " usage now " + sf.org().apiUsage().used() + " runs " + admin.get("/api/v1/integrations/" + id + "/runs").body())
                    .isEqualTo(500);
            Map<String, Object> checkpoint = jdbc.sql("select full_sync_done, fields_signature from sync_checkpoint"
                    + " where integration_id = ? and object = 'Account'").param(id).query().singleRow();
            assertThat(checkpoint.get("full_sync_done")).isEqualTo(false);
            assertThat((String) checkpoint.get("fields_signature")).contains("Type");
            assertThat(openErrors(id).get(0).get("message").asString()).contains("80%");

            sf.org().apiUsage().used(10);
            probe.probe(id, false).orElseThrow();
            JsonNode resumed = awaitIdle(id, runs + 2);

            assertThat(resumed.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(resumed.get("objects").get("Account").get("fullSync").asBoolean()).isTrue();
            assertThat(openCodes(id)).isEmpty();
            assertRecordsEqual(id, sf);
        }
    }

    @Nested
    class TransientFailures {
        @Test
        void a_503_burst_that_passes_leaves_no_visible_error() {
            TestOrg sf = org("Faults 503", 30, 5);
            UUID id = connect(sf);
            sf.addAccount("Through the burst", "burst.example");
            state().faults().failNext(2, "/services/data/v62.0/sobjects/", 503, "SERVER_UNAVAILABLE", "Service unavailable");

            JsonNode run = syncNow(id).orElseThrow();

            assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(errorHistory(id)).isEmpty();
            assertThat(status(id)).isEqualTo("ACTIVE");
            assertThat(alerts(id)).isEmpty();
            assertRecordsEqual(id, sf);
        }

        @Test
        void UNABLE_TO_LOCK_ROW_stays_invisible_until_it_persists_for_three_runs_and_clears_with_the_next_good_run() {
            TestOrg sf = org("Faults Lock", 30, 5);
            UUID id = connect(sf);

            for (int i = 1; i <= 3; i++) {
                // job creation is not retried by the client (not idempotent): each run meets the lock once
                state().faults().failNext(1, JOBS, 400, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record");
                JsonNode run = syncNow(id).orElseThrow();
                assertThat(run.get("status").asString()).isEqualTo("PARTIAL");
                assertThat(pendingRetries(id)).as("a retry with backoff is pending").isEqualTo(1);
                if (i < 3) {
                    assertThat(openErrors(id)).as("run " + i).isEmpty();
                    assertThat(health(id).get("pendingTransient").asInt()).isEqualTo(1);
                    assertThat(status(id)).isEqualTo("ACTIVE");
                }
            }
            assertThat(openCodes(id)).containsExactly("SALESFORCE_UNAVAILABLE");
            assertThat(status(id)).isEqualTo("ERROR");

            sf.addAccount("Unlocked", "unlocked.example");
            assertThat(syncNow(id).orElseThrow().get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(openCodes(id)).isEmpty();
            assertThat(status(id)).isEqualTo("ACTIVE");
            assertThat(pendingRetries(id)).as("nothing left to retry").isZero();
            assertRecordsEqual(id, sf);
        }

        private int pendingRetries(UUID id) {
            return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'sync-retry' and task_instance = ?")
                    .param(id.toString()).query(Integer.class).single();
        }
    }
}
