package dev.crosswalk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.EmulatorLogin;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.emulator.model.Record;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class SalesforceSyncIT extends AppIntegrationTest {
    @Autowired
    JdbcClient jdbc;

    private ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Connects through the real OAuth round trip: service → emulator login form → service callback. */
    private String connect(TestOrg sf) {
        ApiClient.Reply started = admin.post("/api/v1/integrations/salesforce/authorize",
                Map.of("loginHost", SalesforceFixture.url(), "name", sf.org().name()));
        assertThat(started.status()).isEqualTo(200);
        URI authorize = URI.create(started.json().get("authorizeUrl").asString());
        assertThat(authorize.toString()).startsWith(SalesforceFixture.url()).contains("code_challenge=").contains("state=");
        URI callback = EmulatorLogin.signIn(authorize, sf.integrationUsername(), SalesforceFixture.PASSWORD);
        ApiClient.Reply done = admin.get(callback.getPath() + "?" + callback.getRawQuery());
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        return admin.get("/api/v1/integrations").json().valueStream()
                .filter(i -> i.get("connection").get("salesforceOrgId").asString().equals(sf.org().id()))
                .findFirst().orElseThrow().get("integration").get("id").asString();
    }

    private JsonNode awaitRun(String integrationId, int expectedRuns) {
        return Syncs.awaitRun(admin, integrationId, expectedRuns);
    }

    private void syncNow(String integrationId, int expectedRuns) {
        assertThat(admin.post("/api/v1/integrations/" + integrationId + "/sync", Map.of()).status()).isEqualTo(202);
        awaitRun(integrationId, expectedRuns);
    }

    /** Crosswalk's live records of an object: id → Name. */
    private Map<String, String> stored(String integrationId, String object) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("select sf_id, fields->>'Name' as name from crm_record where integration_id = ? and object = ? and not is_deleted")
                .params(UUID.fromString(integrationId), object)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Map<String, String> live(TestOrg sf, String object) {
        return sf.live(object).stream().collect(Collectors.toMap(Record::id, r -> String.valueOf(sf.value(object, r, "Name"))));
    }

    @Test
    void connect_then_full_sync_then_incremental_updates_deletions_and_undeletions_equal_the_org() {
        TestOrg sf = SalesforceFixture.newOrg("Initech");
        for (int i = 0; i < 1200; i++) {
            sf.addAccount("Company " + i, "https://www.company" + i + ".example/");
        }
        for (int i = 0; i < 300; i++) {
            sf.addLead("Lead" + i, "Company " + i, "someone@company" + i + ".example");
        }
        String id = connect(sf);

        JsonNode first = awaitRun(id, 1);
        assertThat(first.get("trigger").asString()).isEqualTo("FIRST_SYNC");
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");
        assertThat(stored(id, "Account").size()).as(first.toString()).isEqualTo(1200);
        assertThat(stored(id, "Account")).isEqualTo(live(sf, "Account"));
        assertThat(stored(id, "Lead")).isEqualTo(live(sf, "Lead"));
        assertThat(admin.get("/api/v1/integrations/" + id).json().get("effectiveStatus").asString()).isEqualTo("ACTIVE");

        List<Record> accounts = sf.live("Account");
        sf.update("Account", accounts.get(0).id(), "Name", "Renamed Co");
        sf.delete("Account", accounts.get(1).id());
        Record added = sf.addAccount("Brand New", "brandnew.example");
        syncNow(id, 2);
        JsonNode second = admin.get("/api/v1/integrations/" + id + "/runs").json().get(0);
        assertThat(second.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(second.get("objects").get("Account").get("fullSync").asBoolean()).isFalse();
        assertThat(second.get("recordsDeleted").asLong()).isEqualTo(1);
        assertThat(stored(id, "Account")).isEqualTo(live(sf, "Account")).containsEntry(added.id(), "Brand New")
                .containsEntry(accounts.get(0).id(), "Renamed Co").doesNotContainKey(accounts.get(1).id());

        sf.undelete("Account", accounts.get(1).id());
        syncNow(id, 3);
        assertThat(stored(id, "Account")).isEqualTo(live(sf, "Account")).containsKey(accounts.get(1).id());
        long duplicates = jdbc.sql("select count(*) - count(distinct sf_id) from crm_record where integration_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single();
        assertThat(duplicates).isZero();
    }

    @Test
    void disconnecting_an_integration_removes_its_records_and_their_keys_and_a_batch_for_it_can_no_longer_commit() {
        TestOrg sf = SalesforceFixture.newOrg("Soylent");
        sf.addAccount("Soylent Green", "soylent-disconnect.com");
        sf.addAccount("Soylent Red", "soylent-red-disconnect.com");
        String id = connect(sf);
        awaitRun(id, 1);
        UUID integration = UUID.fromString(id);
        assertThat(count("crm_record", integration)).isEqualTo(2);
        assertThat(count("record_key", integration)).isEqualTo(2);

        assertThat(admin.delete("/api/v1/integrations/" + id).status()).isEqualTo(204);

        assertThat(count("crm_record", integration)).as("records go with their integration").isZero();
        assertThat(count("record_key", integration)).isZero();
        // What the removed foreign key checked per row, the checkpoint's checks per batch.
        assertThat(assertThrows(RuntimeException.class, () -> jdbc.sql("""
                insert into sync_checkpoint (integration_id, object, watermark, updated_at) values (?, 'Account', now(), now())""")
                .param(integration).update())).hasMessageContaining("foreign key");
    }

    private long count(String table, UUID integrationId) {
        return jdbc.sql("select count(*) from " + table + " where integration_id = ?").param(integrationId).query(Long.class).single();
    }

    @Test
    void a_paused_integration_shows_not_syncing_and_frequency_changes_are_validated() {
        TestOrg sf = SalesforceFixture.newOrg("Hooli");
        sf.addAccount("Hooli", "hooli.example");
        String id = connect(sf);
        awaitRun(id, 1);

        ApiClient.Reply paused = admin.patch("/api/v1/integrations/" + id + "/settings", Map.of("paused", true, "frequencyHours", 6));
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().get("effectiveStatus").asString()).isEqualTo("NOT_SYNCING");
        assertThat(paused.json().get("integration").get("frequencyHours").asInt()).isEqualTo(6);

        ApiClient.Reply bad = admin.patch("/api/v1/integrations/" + id + "/settings", Map.of("frequencyHours", 5));
        assertThat(bad.status()).isEqualTo(400);
        ApiClient.Reply badField = admin.patch("/api/v1/integrations/" + id + "/settings",
                Map.of("objects", Map.of("Account", List.of("NoSuchField__c"))));
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.json().get("code").asString()).isEqualTo("INVALID_FIELD_SELECTION");
        assertThat(badField.json().get("detail").asString()).contains("Account.NoSuchField__c");
    }

    @Test
    void the_connection_shows_who_authorized_it_and_never_a_token() {
        TestOrg sf = SalesforceFixture.newOrg("Vandelay");
        String id = connect(sf);
        JsonNode details = admin.get("/api/v1/integrations/" + id).json();
        JsonNode c = details.get("connection");
        assertThat(c.get("salesforceUsername").asString()).isEqualTo(sf.integrationUsername());
        assertThat(c.get("authorizedByEmail").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(details.toString()).doesNotContain("access").doesNotContain("refresh_token").doesNotContain("!");
        Set<String> columns = Set.copyOf(jdbc.sql("select encode(access_token_enc, 'escape') from salesforce_connection")
                .query(String.class).list());
        assertThat(columns).noneMatch(v -> v.contains(sf.org().id15() + "!"));
    }

    @Test
    void a_replayed_or_unknown_state_is_refused() {
        TestOrg sf = SalesforceFixture.newOrg("Globochem");
        URI authorize = URI.create(admin.post("/api/v1/integrations/salesforce/authorize",
                Map.of("loginHost", SalesforceFixture.url())).json().get("authorizeUrl").asString());
        URI callback = EmulatorLogin.signIn(authorize, sf.integrationUsername(), SalesforceFixture.PASSWORD);
        assertThat(admin.get(callback.getPath() + "?" + callback.getRawQuery()).status()).isEqualTo(302);
        ApiClient.Reply replay = admin.get(callback.getPath() + "?" + callback.getRawQuery());
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).contains("OAUTH_STATE_INVALID");
        assertThat(admin.get("/oauth/salesforce/callback?state=forged&code=x").body()).contains("OAUTH_STATE_INVALID");
    }
}
