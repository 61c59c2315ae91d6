package dev.crosswalk.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.integration.IntegrationConnected;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Failures on Crosswalk's side of a check are never only a log line: a probe that throws, a
 * verification after reauthorization that throws, and a describe refused because the token is gone
 * each reach the user — as a recorded problem with its fix, or as an error answer naming the cause.
 * The failure is provoked for real: the stored access token is overwritten with bytes that do not
 * decrypt (what a lost or rotated encryption key looks like), or the token is revoked in Salesforce.
 */
class UnswallowedFailuresIT extends HealthTestSupport {
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    private final List<UUID> corrupted = new java.util.ArrayList<>();

    /** A connection that cannot decrypt fails every later sync and probe of the shared test context: remove it. */
    @org.junit.jupiter.api.AfterEach
    void removeCorruptedIntegrations() {
        corrupted.forEach(id -> jdbc.sql("delete from integration where id = ?").param(id).update());
        corrupted.clear();
    }

    private void corruptStoredTokens(UUID integrationId) {
        corrupted.add(integrationId);
        jdbc.sql("update salesforce_connection set access_token_enc = ?, refresh_token_enc = ? where integration_id = ?")
                .params(new byte[] {1, 2, 3}, new byte[] {4, 5, 6}, integrationId).update();
    }

    @Test
    void a_probe_that_keeps_throwing_shows_probe_failed_on_the_integration() {
        TestOrg sf = org("Unswallowed Probe", 3, 0);
        UUID id = connect(sf);
        corruptStoredTokens(id);

        // The probe job's sweeps as they will run: one failed probe may be a blip, a persisting failure is shown.
        for (int sweep = 1; sweep <= 3; sweep++) {
            List<HealthProbe.ProbeResult> probed = probe.probeDue(clock.instant().plus(Duration.ofMinutes(16L * sweep)));
            assertThat(probed).noneMatch(p -> p.integrationId().equals(id));
        }

        JsonNode warning = health(id).get("warnings").valueStream().filter(e -> e.get("code").asString().equals("PROBE_FAILED"))
                .findFirst().orElseThrow(() -> new AssertionError("no PROBE_FAILED in " + health(id)));
        assertThat(warning.get("message").asString()).contains("could not check this connection");
        assertThat(warning.get("fix").asString()).isNotBlank();
    }

    @Test
    void a_verification_after_reauthorization_that_throws_records_a_problem_and_keeps_the_authorization() {
        TestOrg sf = org("Unswallowed Verify", 3, 0);
        UUID id = connect(sf);
        UUID organizationId = UUID.fromString(admin.get("/api/v1/me").json().get("organizationId").asString());
        corruptStoredTokens(id);

        // What the OAuth callback publishes after storing a reauthorization; the check it triggers now throws.
        transactions.executeWithoutResult(s -> events.publishEvent(new IntegrationConnected(organizationId, id, false)));

        JsonNode warning = health(id).get("warnings").valueStream()
                .filter(e -> e.get("code").asString().equals("VERIFICATION_FAILED")).findFirst()
                .orElseThrow(() -> new AssertionError("no VERIFICATION_FAILED in " + health(id)));
        assertThat(warning.get("message").asString()).contains("reauthorized, but checking it right away failed");
        assertThat(warning.get("fix").asString()).contains("Advanced Settings → ⋯ Actions → Test");
        assertThat(jdbc.sql("select count(*) from salesforce_connection where integration_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(1L);
    }

    @Test
    void a_field_catalog_refused_for_a_revoked_token_is_a_502_naming_the_cause_not_an_empty_list() {
        TestOrg sf = org("Unswallowed Describe", 3, 0);
        UUID id = connect(sf);
        // Revokes the refresh token and the sessions issued from it, as a Salesforce admin does.
        SalesforceFixture.emulator().state().tokens().revokeRefreshTokensOfUser(sf.integrationUserId());

        ApiClient.Reply fields = admin.get("/api/v1/integrations/" + id + "/fields");

        assertThat(fields.status()).as(fields.body()).isEqualTo(502);
        assertThat(fields.json().get("code").asString()).isEqualTo("SALESFORCE_ERROR");
        assertThat(fields.json().get("detail").asString()).contains("Salesforce refused describing Account")
                .contains("integration's health");
    }
}
