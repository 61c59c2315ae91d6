package dev.crosswalk.app.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.EmulatorLogin;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.Syncs;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 9: one Salesforce org feeds one data source per organization. A second connection
 * of the same org is refused (409 naming the existing integration and its reauthorization), and
 * population counts stay equal to the preview after connect, the refused duplicate, a duplicate
 * left by an older version, and its deletion.
 */
class OneOrgOneSourceIT extends AppIntegrationTest {
    private static final int ACCOUNTS = 12;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void connecting_an_org_twice_is_refused_and_counts_stay_equal_to_the_preview() {
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        String prefix = "OneSource " + UUID.randomUUID().toString().substring(0, 8) + " ";
        SalesforceFixture.TestOrg sf = SalesforceFixture.newOrg("One Source Org");
        for (int i = 0; i < ACCOUNTS; i++) {
            sf.addAccount(prefix + i, "https://one-source-" + i + ".example/");
        }
        String id = Syncs.connect(admin, sf);
        Syncs.awaitRun(admin, id, 1);

        Map<String, Object> filter = Map.of("type", "condition", "field", "Name", "operator", "STARTS_WITH", "value", prefix);
        ApiClient.Reply created = admin.post("/api/v1/populations", Map.of("name", prefix + "customers", "baseObject", "Account",
                "filter", filter));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String populationId = created.json().get("population").get("id").asString();
        assertCountsEqualPreview(admin, populationId, filter);

        // The same org again, as a new integration: refused, tokens given back, nothing added.
        ApiClient.Reply started = admin.post("/api/v1/integrations/salesforce/authorize",
                Map.of("loginHost", SalesforceFixture.url(), "name", "Duplicate"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        URI callback = EmulatorLogin.signIn(URI.create(started.json().get("authorizeUrl").asString()), sf.integrationUsername(),
                SalesforceFixture.PASSWORD);
        ApiClient.Reply refused = admin.get(callback.getPath() + "?" + callback.getRawQuery());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("SALESFORCE_ORG_ALREADY_CONNECTED").contains("One Source Org")
                .contains("Advanced Settings → ⋯ Actions → Update").contains("href=\"/integrations/" + id + "\"");
        assertThat(admin.get("/api/v1/integrations").json().valueStream()
                .filter(i -> i.get("connection").get("salesforceOrgId").asString().equals(sf.org().id()))).hasSize(1);
        assertCountsEqualPreview(admin, populationId, filter);

        // A duplicate an older version let through (same records under a second integration) counts once…
        UUID duplicate = UUID.randomUUID();
        jdbc.sql("""
                insert into integration (id, organization_id, kind, name, frequency_hours, paused, settings, status, created_at, updated_at)
                select ?, organization_id, kind, 'Legacy duplicate', frequency_hours, true, settings, status, created_at, updated_at
                from integration where id = ?""").params(duplicate, UUID.fromString(id)).update();
        jdbc.sql("""
                insert into crm_record (organization_id, integration_id, object, sf_id, fields, is_deleted, system_modstamp, synced_at)
                select organization_id, ?, object, sf_id, fields, is_deleted, system_modstamp, synced_at from crm_record
                where integration_id = ?""").params(duplicate, UUID.fromString(id)).update();
        jdbc.sql("""
                insert into population_member (population_id, organization_id, integration_id, object, sf_id)
                select population_id, organization_id, ?, object, sf_id from population_member where integration_id = ?""")
                .params(duplicate, UUID.fromString(id)).update();
        assertCountsEqualPreview(admin, populationId, filter);

        // …and deleting it leaves nothing of it behind.
        assertThat(admin.delete("/api/v1/integrations/" + duplicate).status()).isEqualTo(204);
        assertCountsEqualPreview(admin, populationId, filter);
        assertThat(jdbc.sql("select count(*) from population_member where integration_id = ?").param(duplicate).query(Long.class)
                .single()).isZero();

        admin.delete("/api/v1/populations/" + populationId);
        admin.delete("/api/v1/integrations/" + id);
    }

    private static void assertCountsEqualPreview(ApiClient admin, String populationId, Map<String, Object> filter) {
        long members = admin.get("/api/v1/populations/" + populationId).json().get("memberCount").asLong();
        long preview = admin.post("/api/v1/populations/preview", Map.of("baseObject", "Account", "filter", filter)).json()
                .get("count").asLong();
        assertThat(members).as("population members").isEqualTo(ACCOUNTS);
        assertThat(preview).as("preview").isEqualTo(ACCOUNTS);
    }
}
