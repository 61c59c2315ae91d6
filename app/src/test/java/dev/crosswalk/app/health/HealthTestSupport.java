package dev.crosswalk.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.EmulatorLogin;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.sync.SyncEngine;
import dev.crosswalk.app.sync.SyncTrigger;
import dev.crosswalk.emulator.model.Record;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Connecting through the real OAuth round trip, running syncs in the test's thread, and comparing records. */
abstract class HealthTestSupport extends AppIntegrationTest {
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected SyncEngine engine;
    @Autowired
    protected HealthProbe probe;

    protected ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A fresh emulator org with some Accounts and Leads. */
    protected static TestOrg org(String name, int accounts, int leads) {
        TestOrg sf = SalesforceFixture.newOrg(name);
        for (int i = 0; i < accounts; i++) {
            sf.addAccount(name + " Account " + i, "https://www.account" + i + ".example/");
        }
        for (int i = 0; i < leads; i++) {
            sf.addLead("Lead" + i, name + " Company " + i, "lead" + i + "@company" + i + ".example");
        }
        return sf;
    }

    /** Connects through the service's OAuth round trip and waits for the first sync. Returns the integration id. */
    protected UUID connect(TestOrg sf) {
        return connect(admin, sf);
    }

    protected UUID connect(ApiClient as, TestOrg sf) {
        UUID id = UUID.fromString(Syncs.connect(as, sf));
        awaitIdle(id, 1);
        return id;
    }

    /** Starts a reauthorization and signs in as {@code username}; returns the callback's reply. */
    protected ApiClient.Reply reauthorize(UUID integrationId, String username, Map<String, Object> body) {
        ApiClient.Reply started = admin.post("/api/v1/integrations/" + integrationId + "/reauthorize", body);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        URI callback = EmulatorLogin.signIn(URI.create(started.json().get("authorizeUrl").asString()), username,
                SalesforceFixture.PASSWORD);
        return admin.get(callback.getPath() + "?" + callback.getRawQuery());
    }

    /** Waits until the integration has at least {@code runs} runs and none is running (scheduler-started runs). */
    protected JsonNode awaitIdle(UUID integrationId, int runs) {
        return Await.until("integration " + integrationId + " finished run " + runs, Duration.ofSeconds(60),
                () -> admin.get("/api/v1/integrations/" + integrationId + "/runs").json(),
                list -> list.size() >= runs && !list.get(0).get("status").asString().equals("RUNNING")).get(0);
    }

    /** One run in this thread (the scheduler is idle for the integration). Empty if the run was skipped. */
    protected Optional<JsonNode> syncNow(UUID integrationId) {
        return engine.run(integrationId, SyncTrigger.MANUAL).map(runId -> admin.get("/api/v1/runs/" + runId).json());
    }

    protected JsonNode health(UUID integrationId) {
        ApiClient.Reply r = admin.get("/api/v1/integrations/" + integrationId + "/health");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    protected List<JsonNode> openErrors(UUID integrationId) {
        return health(integrationId).get("errors").valueStream().toList();
    }

    protected List<String> openCodes(UUID integrationId) {
        return openErrors(integrationId).stream().map(e -> e.get("code").asString()).toList();
    }

    protected List<JsonNode> errorHistory(UUID integrationId) {
        return admin.get("/api/v1/integrations/" + integrationId + "/errors?includeCleared=true").json().valueStream().toList();
    }

    protected String status(UUID integrationId) {
        return health(integrationId).get("status").asString();
    }

    protected List<JsonNode> alerts(UUID integrationId) {
        return admin.get("/api/v1/alerts?integrationId=" + integrationId).json().valueStream().toList();
    }

    /** Crosswalk's live records of an object: id → Name. */
    protected Map<String, String> stored(UUID integrationId, String object) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("select sf_id, fields->>'Name' from crm_record where integration_id = ? and object = ? and not is_deleted")
                .params(integrationId, object)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    protected static Map<String, String> live(TestOrg sf, String object) {
        return sf.live(object).stream().collect(Collectors.toMap(Record::id, r -> String.valueOf(sf.value(object, r, "Name"))));
    }

    protected void assertRecordsEqual(UUID integrationId, TestOrg sf) {
        assertThat(stored(integrationId, "Account")).isEqualTo(live(sf, "Account"));
        assertThat(stored(integrationId, "Lead")).isEqualTo(live(sf, "Lead"));
    }

}
