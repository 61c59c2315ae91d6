package dev.crosswalk.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.health.HealthCode;
import dev.crosswalk.app.health.HealthService;
import dev.crosswalk.app.health.IntegrationError;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.push.PushFixture.Tenant;
import dev.crosswalk.app.schedule.DueJobsNow;
import dev.crosswalk.emulator.admin.PermissionSetRef;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.rules.RowRule;
import dev.crosswalk.emulator.rules.RowRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The push paths the story does not walk, against the emulator: a change set above the Bulk
 * threshold goes through a Bulk API 2.0 job; rows Salesforce could not lock come back sooner, with
 * backoff, by a push queued for their retry time; the export limit warns at 80% and stops new
 * records at 100%; a field missing in Salesforce stops the push with FIELD_MISSING naming it; a
 * token revoked in the middle of a push, then repaired, ends with no duplicate; the quota guard
 * skips the push. After each, Ecosystem_Overlap__c read back with SOQL is checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushPathsIT extends AppIntegrationTest {
    private static final int ROWS = 60; // above the tests' crosswalk.push.bulk-threshold of 50

    @Autowired
    OrganizationService organizations;
    @Autowired
    ConnectionService connections;
    @Autowired
    CustomObjectsIntegrations customObjects;
    @Autowired
    PushEngine engine;
    @Autowired
    PushStore store;
    @Autowired
    HealthService health;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DueJobsNow dueJobs;

    private final String sfx = UUID.randomUUID().toString().substring(0, 6);
    private Tenant acme;
    private Tenant globex;
    private UUID integration;
    private UUID inbound;
    /** Globex's Account ids by index; their Name is what Acme's records carry in Partner_Fields__c. */
    private final Map<Integer, String> theirs = new TreeMap<>();
    private int next = ROWS;

    private String domain(int i) {
        return "paths" + i + "-" + sfx + ".com";
    }

    @BeforeAll
    void setUp() {
        TestOrg sfA = SalesforceFixture.newOrg("Paths Acme");
        TestOrg sfB = SalesforceFixture.newOrg("Paths Globex");
        PushFixture.installPackage(sfA);
        for (int i = 0; i < ROWS; i++) {
            sfA.addAccount("Acme view " + i, domain(i));
            theirs.put(i, sfB.addAccount("Partner " + i, domain(i)).id());
        }
        acme = PushFixture.tenant(organizations, baseUrl(), "PathsAcme", sfA);
        globex = PushFixture.tenant(organizations, baseUrl(), "PathsGlobex", sfB);
        PushFixture.population(acme.admin(), "All accounts", "Account");
        String population = PushFixture.population(globex.admin(), "All accounts", "Account");
        PushFixture.share(globex.admin(), population, "OVERLAPPING", Map.of("Account", List.of("Name")));
        String partnership = acme.admin().post("/api/v1/partnerships", Map.of("partner", globex.name())).json().get("id").asString();
        assertThat(globex.admin().post("/api/v1/partnerships/" + partnership + "/accept", Map.of()).status()).isEqualTo(200);
        integration = PushFixture.customObjects(customObjects, acme);
        inbound = connections.inbound(acme.organizationId(), integration).orElseThrow().id();
    }

    /** Runs the pushes that were queued and are due (partner-side changes, a partner's sync), then pushes once more. */
    private PushRun push() {
        settle();
        return engine.push(integration, "TEST").orElseThrow();
    }

    private void settle() {
        Await.until("due pushes of " + integration + " ran", Duration.ofSeconds(60), () -> {
            dueJobs.runDueNow();
            return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'push-integration' and task_instance = ?"
                    + " and (execution_time <= now() or picked)").param(integration.toString()).query(Integer.class).single();
        }, n -> n == 0);
    }

    /** Globex's partner names as Acme's records carry them (key → Name), read back from Salesforce with SOQL. */
    private Map<String, String> namesInSalesforce() {
        Map<String, String> out = new TreeMap<>();
        PushFixture.overlapRecords(connections, inbound).forEach((k, v) ->
                out.put(k, v.get(EcosystemOverlap.PARTNER_FIELDS).replace("Name: ", "")));
        return out;
    }

    private List<String> names() {
        return List.copyOf(namesInSalesforce().values().stream().sorted().toList());
    }

    private List<String> expectedNames(Map<Integer, String> renamed, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> renamed.getOrDefault(i, "Partner " + i)).sorted().toList();
    }

    private IntegrationError openError(HealthCode code) {
        return health.openErrors(integration).stream().filter(e -> e.code() == code).findFirst().orElse(null);
    }

    private void rename(int i, String name) {
        globex.sf().update("Account", theirs.get(i), "Name", name);
    }

    private int globexRuns = 1;
    private int acmeRuns = 1;

    private void syncGlobex() {
        PushFixture.sync(globex, ++globexRuns);
    }

    /** A new overlapping account on both sides; Acme's sync (its pipeline pushes) and Globex's. */
    private void addOverlaps(int n) {
        for (int k = 0; k < n; k++) {
            int i = next++;
            acme.sf().addAccount("Acme view " + i, domain(i));
            theirs.put(i, globex.sf().addAccount("Partner " + i, domain(i)).id());
        }
        syncGlobex();
        PushFixture.sync(acme, ++acmeRuns);
    }

    @Test
    @Order(1)
    void a_change_set_above_the_threshold_goes_through_one_bulk_job_and_a_second_push_makes_no_call() {
        push(); // unless a queued push (the setup's) wrote them already
        PushRun first = store.runs(integration, 10).stream().filter(r -> r.counts().upserted() == ROWS).findFirst().orElseThrow();
        assertThat(first.status()).as(first.message()).isEqualTo("SUCCEEDED");
        assertThat(first.mode()).isEqualTo("BULK");
        assertThat(first.counts().upserted()).isEqualTo(ROWS);
        // Overlaps and the Account fields: two jobs of create + upload + close (the status polls and results are reads).
        assertThat(first.counts().writeCalls()).isEqualTo(6);
        assertThat(names()).isEqualTo(expectedNames(Map.of(), ROWS));
        PushRun again = push();
        assertThat(again.counts().apiCalls()).isZero();
        assertThat(again.counts().writeCalls()).isZero();
    }

    @Test
    @Order(2)
    void rows_salesforce_could_not_lock_come_back_sooner_with_backoff_by_a_push_queued_for_their_retry_time() {
        RowRules.add(acme.sf().org(), new RowRule(null, EcosystemOverlap.OBJECT, EcosystemOverlap.PARTNER_FIELDS, "Locked",
                "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records", 2));
        rename(1, "Locked One");
        rename(2, "Locked Two");
        rename(3, "Free Three");
        syncGlobex();
        Instant before = Instant.now();
        settle(); // Globex's sync queued Acme's push: it meets the locks
        List<PushStore.Rejection> rejected = store.rejections(integration, 10, 0);
        assertThat(rejected).hasSize(2).allSatisfy(r -> {
            assertThat(r.errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
            assertThat(r.nextAttemptAt()).as("a minute later (the first step of the backoff)")
                    .isBetween(before.plusSeconds(50), Instant.now().plusSeconds(70));
            assertThat(RejectionFixes.fix(r.errorCode())).contains("retries within minutes");
        });
        assertThat(names()).as("the free row is written; the locked ones wait").contains("Free Three").doesNotContain("Locked One");
        Instant queuedFor = jdbc.sql("select execution_time from scheduled_tasks where task_name = 'push-integration'"
                + " and task_instance = ?").param(integration.toString()).query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
        assertThat(queuedFor).as("a push is queued for the retry time, not the next sync")
                .isEqualTo(rejected.stream().map(PushStore.Rejection::nextAttemptAt).min(Instant::compareTo).orElseThrow());
        PushRun early = engine.push(integration, "TEST").orElseThrow();
        assertThat(early.status()).as("before the retry time the rows are deferred").isEqualTo("PARTIAL");
        assertThat(early.counts().writeCalls()).isZero();

        // The retry time comes (moved, instead of waiting a minute): the queued push writes them.
        jdbc.sql("update push_rejection set next_attempt_at = now() - interval '1 second' where integration_id = ?")
                .param(integration).update();
        jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = 'push-integration' and task_instance = ?")
                .param(integration.toString()).update();
        Await.until("the locked rows written", Duration.ofSeconds(60), () -> {
            dueJobs.runDueNow();
            return store.rejections(integration, 10, 0).size();
        }, n -> n == 0);
        assertThat(names()).isEqualTo(expectedNames(Map.of(1, "Locked One", 2, "Locked Two", 3, "Free Three"), ROWS));
    }

    @Test
    @Order(3)
    void the_export_limit_warns_at_80_percent_and_stops_new_records_at_100_percent_saying_what_to_do() {
        settle();
        int used = acme.admin().get("/api/v1/integrations/" + integration + "/push/export-limit").json().get("used").asInt();
        assertThat(used).isEqualTo(ROWS);
        var capped = acme.admin().put("/api/v1/integrations/" + integration + "/push/export-limit", Map.of("limit", ROWS + 10));
        assertThat(capped.status()).as(capped.body()).isEqualTo(200);
        assertThat(capped.json().get("effective").asInt()).isEqualTo(ROWS + 10);
        addOverlaps(2); // 62 of 70: 88 %
        settle();
        assertThat(PushFixture.overlapRecords(connections, inbound)).hasSize(ROWS + 2);
        IntegrationError near = openError(HealthCode.EXPORT_LIMIT_NEAR);
        assertThat(near).as("the 80% warning").isNotNull();
        assertThat(near.message()).contains("62 of 70");

        assertThat(acme.admin().put("/api/v1/integrations/" + integration + "/push/export-limit", Map.of("limit", ROWS + 3))
                .status()).isEqualTo(200);
        addOverlaps(3); // room for 1 of them
        PushRun stopped = push();
        assertThat(stopped.status()).isEqualTo("FAILED");
        assertThat(stopped.errorCode()).isEqualTo("EXPORT_LIMIT");
        IntegrationError limit = openError(HealthCode.EXPORT_LIMIT);
        assertThat(limit.message()).contains("63 of 63");
        assertThat(limit.fix()).contains("General Settings").contains("export-limit");
        assertThat(PushFixture.overlapRecords(connections, inbound)).as("new records stop at the limit").hasSize(ROWS + 3);

        assertThat(acme.admin().put("/api/v1/integrations/" + integration + "/push/export-limit", Map.of("limit", 0)).status())
                .as("below 1 is refused").isEqualTo(400);
        assertThat(acme.admin().put("/api/v1/integrations/" + integration + "/push/export-limit", java.util.Collections.singletonMap(
                "limit", null)).status()).isEqualTo(200);
        PushRun free = push();
        assertThat(free.status()).as(free.message()).isEqualTo("SUCCEEDED");
        assertThat(PushFixture.overlapRecords(connections, inbound)).hasSize(ROWS + 5);
        Await.until("EXPORT_LIMIT cleared", Duration.ofSeconds(10), () -> openError(HealthCode.EXPORT_LIMIT) == null);
    }

    @Test
    @Order(4)
    void a_field_missing_in_salesforce_stops_the_push_with_field_missing_naming_the_field_and_the_fix() {
        PermissionSetRef ps = PermissionSetRef.named(acme.sf().org().id(), "Crosswalk_Setup_User");
        String field = EcosystemOverlap.OBJECT + "." + EcosystemOverlap.MATCH_EVIDENCE;
        SalesforceFixture.emulator().admin().setFieldPermission(ps, field, true, false);
        try {
            rename(4, "Renamed Four");
            syncGlobex();
            PushRun run = push();
            assertThat(run.status()).isEqualTo("FAILED");
            assertThat(run.errorCode()).isEqualTo("FIELD_MISSING");
            IntegrationError e = openError(HealthCode.FIELD_MISSING);
            assertThat(e.message()).contains(field);
            assertThat(e.fix()).contains("Install the current Crosswalk package").contains("Crosswalk_Setup_User");
            assertThat(names()).doesNotContain("Renamed Four");
        } finally {
            SalesforceFixture.emulator().admin().setFieldPermission(ps, field, true, true);
        }
        PushRun repaired = push();
        assertThat(repaired.status()).as(repaired.message()).isEqualTo("SUCCEEDED");
        assertThat(names()).contains("Renamed Four");
    }

    @Test
    @Order(5)
    void a_field_salesforce_refuses_in_a_bulk_job_stops_the_push_with_field_missing_found_by_describe_after_the_job() {
        // A large change set goes through Bulk jobs without a describe first (one call less on every large push): the job's
        // rows come back refused for the read-only field, and only then does describe name it.
        PermissionSetRef ps = PermissionSetRef.named(acme.sf().org().id(), "Crosswalk_Setup_User");
        String field = EcosystemOverlap.OBJECT + "." + EcosystemOverlap.MATCH_EVIDENCE;
        SalesforceFixture.emulator().admin().setFieldPermission(ps, field, true, false);
        try {
            for (int i = 10; i < 10 + ROWS - 5; i++) {
                rename(i, "Bulk renamed " + i);
            }
            syncGlobex();
            PushRun run = push();
            assertThat(run.mode()).isEqualTo("BULK");
            assertThat(run.status()).isEqualTo("FAILED");
            assertThat(run.errorCode()).isEqualTo("FIELD_MISSING");
            assertThat(openError(HealthCode.FIELD_MISSING).message()).contains(field);
            assertThat(names()).noneMatch(n -> n.startsWith("Bulk renamed"));
        } finally {
            SalesforceFixture.emulator().admin().setFieldPermission(ps, field, true, true);
        }
        PushRun repaired = push();
        assertThat(repaired.status()).as(repaired.message()).isEqualTo("SUCCEEDED");
        assertThat(names()).filteredOn(n -> n.startsWith("Bulk renamed")).hasSize(ROWS - 5);
        assertThat(openError(HealthCode.FIELD_MISSING)).isNull();
    }

    @Test
    @Order(6)
    void a_token_revoked_in_the_middle_of_a_push_then_repaired_ends_with_every_row_once() {
        // A stale record to delete and a changed one to upsert: the delete call works, then the token is gone.
        globex.sf().delete("Account", theirs.get(5));
        rename(6, "Renamed Six");
        // The session ends at the upsert and the refresh token is refused: revoked between two calls of one push.
        SalesforceFixture.emulator().admin().failNext(1, "/services/data/v62.0/composite/sobjects/" + EcosystemOverlap.OBJECT, 401,
                "INVALID_SESSION_ID", "Session expired or invalid");
        SalesforceFixture.emulator().admin().failNext(1, "/services/oauth2/token", 400, "invalid_grant", "expired access/refresh token");
        syncGlobex();
        settle();
        PushRun broken = store.runs(integration, 5).stream().filter(r -> "FAILED".equals(r.status())).findFirst().orElseThrow();
        assertThat(broken.errorCode()).isEqualTo("AUTH_REVOKED");
        assertThat(broken.counts().deleted()).as("the delete went through before the token was refused").isEqualTo(1);
        assertThat(push().status()).as("no push while the Inbound connection needs reauthorization").isEqualTo("SKIPPED");

        java.net.URI start = connections.begin(new ConnectionService.AuthorizationStart(acme.organizationId(), memberId(),
                SalesforceFixture.url(), integration, false, null, "http://127.0.0.1:9/oauth/salesforce/callback"));
        connections.replace(inbound, integration, PushFixture.authorize(connections, acme, start), acme.email());
        PushRun repaired = push();
        assertThat(repaired.status()).as(repaired.message()).isEqualTo("SUCCEEDED");
        // overlapRecords fails on a key held twice: none is.
        Map<String, String> names = namesInSalesforce();
        assertThat(names).hasSize(ROWS + 5 - 1);
        assertThat(names.values()).contains("Renamed Six").doesNotContain("Partner 5");
    }

    private UUID memberId() {
        return UUID.fromString(acme.admin().get("/api/v1/me").json().get("memberId").asString());
    }

    @Test
    @Order(8)
    void the_quota_guard_skips_the_push_while_the_org_is_near_its_daily_api_limit() {
        SalesforceFixture.emulator().admin().setApiLimit(acme.sf().org().id(), 1_000L, 995L);
        rename(7, "Renamed Seven");
        syncGlobex();
        settle(); // this push sees the usage (Sforce-Limit-Info) and records it
        PushRun skipped = push();
        assertThat(skipped.status()).isEqualTo("SKIPPED");
        assertThat(skipped.counts().apiCalls()).isZero();
        assertThat(skipped.message()).containsIgnoringCase("API");
        SalesforceFixture.emulator().admin().setApiLimit(acme.sf().org().id(), 100_000_000L, 0L);
    }

    @Test
    @Order(7)
    void a_write_left_in_flight_by_a_stopped_service_is_settled_by_the_next_push_which_deletes_the_record_no_longer_desired() {
        // As if the service stopped after a Bulk job wrote a record, before Salesforce's answer was recorded; its key is not desired.
        String ghost = "ghost-" + sfx;
        acme.sf().org().writeRun(() -> {
            SObjectType t = acme.sf().org().type(EcosystemOverlap.OBJECT).orElseThrow();
            Record r = RecordLifecycle.create(acme.sf().org(), t, acme.sf().integrationUserId());
            r.set(t.require(EcosystemOverlap.KEY), ghost);
            r.set(t.require(EcosystemOverlap.PARTNER_FIELDS), "Name: Ghost");
        });
        store.markPending(integration, DesiredRow.Kind.OVERLAP, List.of(ghost), Instant.now());
        assertThat(namesInSalesforce()).containsKey(ghost);

        PushRun run = push();
        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(run.counts().deleted()).isEqualTo(1);
        assertThat(namesInSalesforce()).doesNotContainKey(ghost);
        assertThat(jdbc.sql("select count(*) from push_row where integration_id = ? and row_key = ?").params(integration, ghost)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from push_inflight where integration_id = ?").param(integration).query(Integer.class).single())
                .isZero();
    }
}
