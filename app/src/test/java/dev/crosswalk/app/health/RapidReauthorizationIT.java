package dev.crosswalk.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.Await;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 10: six reauthorizations within seconds, while verification runs are going (the
 * emulator answers slowly, so runs overlap the next sign-ins). Salesforce allows 5 approvals per
 * user and app and revokes the oldest on the 6th; each reauthorization gives back the approval it
 * replaced. Runs that started on superseded credentials raise no errors against the connection,
 * and a verification runs with the newest ones.
 */
class RapidReauthorizationIT extends HealthTestSupport {

    @Test
    void six_reauthorizations_in_a_row_leave_the_integration_active_and_verified_with_the_newest_credentials() {
        TestOrg sf = org("Rapid Reauth", 300, 100);
        UUID id = connect(sf);
        Instant lastAuthorization;
        SalesforceFixture.emulator().state().faults().latency(150, "/services/data");
        try {
            for (int i = 0; i < 6; i++) {
                assertThat(reauthorize(id, sf.integrationUsername(), Map.of()).status()).isEqualTo(302);
            }
            lastAuthorization = Instant.now();
            JsonNode verification = admin.get("/api/v1/integrations/" + id + "/verification?waitSeconds=30").json();
            assertThat(verification.get("done").asBoolean()).as(verification.toString()).isTrue();
            awaitNoRunGoing(id);
        } finally {
            SalesforceFixture.emulator().state().faults().clear();
        }

        assertThat(errorHistory(id)).as("no error was raised against the connection, not even briefly").isEmpty();
        assertThat(status(id)).isEqualTo("ACTIVE");
        List<JsonNode> runs = admin.get("/api/v1/integrations/" + id + "/runs").json().valueStream().toList();
        JsonNode newest = runs.get(0);
        assertThat(newest.get("status").asString()).as(newest.toString()).isEqualTo("SUCCEEDED");
        assertThat(Instant.parse(newest.get("startedAt").asString())).as("the last verification used the newest sign-in")
                .isAfterOrEqualTo(lastAuthorization.minus(Duration.ofSeconds(5)));
        assertThat(SalesforceFixture.emulator().state().tokens().approvalCount(sf.integrationUserId(), SalesforceFixture.CLIENT_ID))
                .as("each reauthorization gave back the approval it replaced").isEqualTo(1);
        assertRecordsEqual(id, sf);
    }

    private void awaitNoRunGoing(UUID id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        int quietPolls = 0;
        while (Instant.now().isBefore(deadline) && quietPolls < 5) {
            JsonNode runs = admin.get("/api/v1/integrations/" + id + "/runs").json();
            boolean going = runs.valueStream().anyMatch(r -> r.get("status").asString().equals("RUNNING"));
            quietPolls = going ? 0 : quietPolls + 1;
            Await.during(Duration.ofMillis(400));
        }
    }
}
