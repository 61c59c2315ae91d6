package dev.crosswalk.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.push.PushFixture.Tenant;
import dev.crosswalk.emulator.rules.RowRule;
import dev.crosswalk.emulator.rules.RowRules;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scripted story of issue 16 against the emulator with the package installed: after every step,
 * Ecosystem_Overlap__c read back with SOQL equals the desired state exactly (every content field of
 * every record, no record more, no record less), and the two Account fields too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushStoryIT extends AppIntegrationTest {
    @Autowired
    OrganizationService organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConnectionService connections;
    @Autowired
    PushEngine engine;
    @Autowired
    CustomObjectsIntegrations customObjects;
    @Autowired
    PushService pushes;
    @Autowired
    PushSettingsService settings;
    @Autowired
    PushStore store;
    @Autowired
    dev.crosswalk.app.schedule.DueJobsNow dueJobs;

    private final String sfx = UUID.randomUUID().toString().substring(0, 6);
    private Tenant acme;
    private Tenant globex;
    private UUID integration;
    private UUID inbound;
    private String partnership;
    private String globexAccounts;
    private String acmeAccounts;
    private String acmeLeads;
    private final Map<String, String> mine = new TreeMap<>();
    private final Map<String, String> theirs = new TreeMap<>();
    private String partnerAccount;

    private String domain(String name) {
        return name + "-" + sfx + ".com";
    }

    @org.junit.jupiter.api.BeforeAll
    void setUp() {
        TestOrg sfA = SalesforceFixture.newOrg("Push Acme");
        TestOrg sfB = SalesforceFixture.newOrg("Push Globex");
        PushFixture.installPackage(sfA);
        for (String n : List.of("alpha", "beta", "gamma")) {
            mine.put(n, sfA.addAccount(n + " Acme view", "https://www." + domain(n) + "/").id());
        }
        mine.put("delta-lead", sfA.addLead("Doe", "Delta", "jane@" + domain("delta")).id());
        partnerAccount = sfA.addAccount("Globex (partner)", "globex-" + sfx + ".com").id();
        sfA.update("Account", partnerAccount, "Type", "Partner");
        for (String n : List.of("alpha", "beta", "gamma", "delta")) {
            theirs.put(n, sfB.addAccount(n.toUpperCase() + " Globex view", domain(n)).id());
        }
        acme = PushFixture.tenant(organizations, baseUrl(), "Acme", sfA);
        globex = PushFixture.tenant(organizations, baseUrl(), "Globex", sfB);
        assertThat(globex.admin().post("/api/v1/organization/domains", Map.of("domain", "globex-" + sfx + ".com")).status())
                .isEqualTo(201);
        acmeAccounts = PushFixture.population(acme.admin(), "All accounts", "Account");
        acmeLeads = PushFixture.population(acme.admin(), "All leads", "Lead");
        globexAccounts = PushFixture.population(globex.admin(), "All accounts", "Account");
        String globexLeads = PushFixture.population(globex.admin(), "All leads", "Lead");
        PushFixture.share(globex.admin(), globexAccounts, "OVERLAPPING", Map.of("Account", List.of("Name", "Industry")));
        PushFixture.share(globex.admin(), globexLeads, "COUNTS_ONLY", Map.of());
        partnership = acme.admin().post("/api/v1/partnerships", Map.of("partner", globex.name())).json().get("id").asString();
        assertThat(globex.admin().post("/api/v1/partnerships/" + partnership + "/accept", Map.of()).status()).isEqualTo(200);
        integration = PushFixture.customObjects(customObjects, acme);
        inbound = connections.inbound(acme.organizationId(), integration).orElseThrow().id();
    }

    private UUID memberId(Tenant t) {
        return jdbc.sql("select id from member where organization_id = ? limit 1").param(t.organizationId()).query(UUID.class).single();
    }

    /** The desired state as the story defines it (independently of the engine): my record → Globex's matching Account. */
    private Map<String, Map<String, String>> expected(Map<String, String> industries, List<String> present) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (String n : present) {
            boolean lead = n.equals("delta-lead");
            String my = mine.get(n);
            String partnerName = lead ? "DELTA Globex view" : n.toUpperCase() + " Globex view";
            Map<String, String> m = new HashMap<>();
            String key = my + ":" + globex.organizationId() + ":" + globexAccounts;
            m.put(EcosystemOverlap.KEY, key);
            m.put(EcosystemOverlap.ACCOUNT, lead ? null : my);
            m.put(EcosystemOverlap.LEAD, lead ? my : null);
            m.put(EcosystemOverlap.PARTNER_NAME, globex.name());
            m.put(EcosystemOverlap.PARTNER_ORGANIZATION_ID, globex.organizationId().toString());
            m.put(EcosystemOverlap.PARTNER_ACCOUNT, partnerAccount);
            m.put(EcosystemOverlap.POPULATION, lead ? "All leads" : "All accounts");
            m.put(EcosystemOverlap.PARTNER_POPULATION, "All accounts");
            m.put(EcosystemOverlap.MATCH_EVIDENCE, "Domain");
            m.put(EcosystemOverlap.PARTNER_OWNER_NAME, null);
            m.put(EcosystemOverlap.PARTNER_OWNER_EMAIL, null);
            m.put(EcosystemOverlap.PARTNER_FIELDS, "Industry: " + industries.getOrDefault(lead ? "delta" : n, "Technology")
                    + "\nName: " + partnerName);
            out.put(key, m);
        }
        return out;
    }

    private void assertSalesforceHolds(Map<String, Map<String, String>> expected, List<String> accountsWithPartner,
            List<String> accountsCleared) {
        Map<String, Map<String, String>> actual = PushFixture.overlapRecords(connections, inbound);
        Map<String, Map<String, String>> content = new TreeMap<>();
        actual.forEach((k, v) -> {
            Map<String, String> c = new HashMap<>(v);
            assertThat(c.remove(EcosystemOverlap.FIRST_OVERLAPPED)).as("first overlapped of " + k).isNotNull();
            assertThat(c.remove(EcosystemOverlap.LAST_CONFIRMED)).as("last confirmed of " + k).isNotNull();
            content.put(k, c);
        });
        assertThat(content).isEqualTo(expected);
        Map<String, List<String>> accounts = PushFixture.accountFields(connections, inbound);
        for (String n : accountsWithPartner) {
            assertThat(accounts.get(mine.get(n))).as(n).containsExactly("1", globex.name());
        }
        for (String n : accountsCleared) {
            assertThat(accounts.get(mine.get(n))).as(n).containsExactly("0", null);
        }
    }

    /**
     * Pushes directly, after the pushes that partner-side changes and the pipeline queued have run
     * (a partner's sync queues this integration's push), so each step's push sees a settled state.
     */
    private PushRun push() {
        settle();
        return engine.push(integration, "TEST").orElseThrow();
    }

    private void settle() {
        dev.crosswalk.app.Await.until("queued pushes of " + integration + " ran", java.time.Duration.ofSeconds(60), () -> {
            dueJobs.runDueNow();
            return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'push-integration' and task_instance = ?"
                    + " and (execution_time <= now() or picked)")
                    .param(integration.toString()).query(Integer.class).single();
        }, n -> n == 0);
    }

    /** What every push since {@code since} did together (queued ones and the test's own). */
    private PushRun.Counts since(java.time.Instant since) {
        List<PushRun> runs = store.runs(integration, 50).stream().filter(r -> !r.startedAt().isBefore(since)).toList();
        return new PushRun.Counts(0, runs.stream().mapToInt(r -> r.counts().upserted()).sum(),
                runs.stream().mapToInt(r -> r.counts().deleted()).sum(), 0, 0,
                runs.stream().mapToInt(r -> r.counts().rejected()).sum(), 0, 0);
    }

    @Test
    @Order(1)
    void first_push_writes_every_shared_overlap_and_a_second_push_makes_no_call() {
        PushSettings only = new PushSettings(null, java.util.Set.of(UUID.fromString(acmeAccounts), UUID.fromString(acmeLeads)), null, null);
        // Saved as the General Settings page does; it queues a push, which the engine serializes with the direct pushes below.
        settings.save(acme.organizationId(), integration, only);
        PushRun first = push();
        assertThat(first.status()).as(first.message()).isEqualTo("SUCCEEDED");
        assertSalesforceHolds(expected(Map.of(), List.of("alpha", "beta", "gamma", "delta-lead")), List.of("alpha", "beta", "gamma"),
                List.of());
        PushRun second = push();
        assertThat(second.status()).isEqualTo("SUCCEEDED");
        assertThat(second.counts().apiCalls()).as("nothing changed: no Salesforce call at all").isZero();
        assertThat(second.counts().writeCalls()).isZero();
        assertThat(second.counts().unchanged()).isEqualTo(4 + 3);
    }

    @Test
    @Order(2)
    void a_changed_partner_record_rewrites_exactly_its_row() {
        java.time.Instant before = java.time.Instant.now();
        globex.sf().update("Account", theirs.get("beta"), "Industry", "Banking");
        PushFixture.sync(globex, 2);
        PushRun run = push();
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertThat(since(before).upserted()).as("Globex's sync queued Acme's push; with the test's own, one row written").isEqualTo(1);
        assertThat(since(before).deleted()).isZero();
        assertSalesforceHolds(expected(Map.of("beta", "Banking"), List.of("alpha", "beta", "gamma", "delta-lead")),
                List.of("alpha", "beta", "gamma"), List.of());
    }

    @Test
    @Order(3)
    void sharing_dropped_to_counts_only_removes_the_records_and_clears_the_accounts() {
        PushFixture.share(globex.admin(), globexAccounts, "COUNTS_ONLY", Map.of());
        // The sharing change queues a push at once; the direct push waits for it (one push at a time per integration).
        PushRun run = push();
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertSalesforceHolds(Map.of(), List.of(), List.of("alpha", "beta", "gamma"));

        PushFixture.share(globex.admin(), globexAccounts, "OVERLAPPING", Map.of("Account", List.of("Name", "Industry")));
        assertThat(push().status()).isEqualTo("SUCCEEDED");
        assertSalesforceHolds(expected(Map.of("beta", "Banking"), List.of("alpha", "beta", "gamma", "delta-lead")),
                List.of("alpha", "beta", "gamma"), List.of());
    }

    @Test
    @Order(4)
    void an_account_deleted_in_salesforce_loses_its_record_after_the_next_sync() {
        acme.sf().delete("Account", mine.get("gamma"));
        PushFixture.sync(acme, 2);
        PushRun run = push();
        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertSalesforceHolds(expected(Map.of("beta", "Banking"), List.of("alpha", "beta", "delta-lead")), List.of("alpha", "beta"),
                List.of());
    }

    @Test
    @Order(5)
    void a_row_salesforce_rejects_is_kept_with_its_code_and_retried_while_the_other_rows_are_written() {
        // The partner Account mapped by hand to an Account that Salesforce then loses: every row pointing at it is refused.
        String lost = acme.sf().addAccount("Soon gone", null).id();
        PushFixture.sync(acme, 3);
        acme.sf().delete("Account", lost);
        assertThat(acme.admin().put("/api/v1/integrations/" + integration + "/push/partner-accounts/" + globex.organizationId(),
                Map.of("accountId", lost)).status()).isEqualTo(200);
        globex.sf().update("Account", theirs.get("alpha"), "Industry", "Retail");
        PushFixture.sync(globex, 3);
        PushRun run = push();
        assertThat(run.status()).isEqualTo("PARTIAL");
        assertThat(run.counts().rejected()).as("retried, and refused again, by every push until fixed").isEqualTo(3);
        var rows = acme.admin().get("/api/v1/integrations/" + integration + "/push/rejected-rows").json();
        assertThat(rows.size()).isEqualTo(3);
        rows.forEach(r -> {
            // A lookup to a record in the recycle bin: Salesforce answers ENTITY_IS_DELETED (INVALID_CROSS_REFERENCE_KEY once purged).
            assertThat(r.get("errorCode").asString()).isEqualTo("ENTITY_IS_DELETED");
            assertThat(r.get("message").asString()).isNotBlank();
            assertThat(r.get("fix").asString()).contains("partner Account mapping");
        });
        var status = acme.admin().get("/api/v1/integrations/" + integration + "/push").json();
        assertThat(status.get("rejectedRows").asInt()).isEqualTo(3);
        assertThat(status.get("rejectedByCode").get("ENTITY_IS_DELETED").asInt()).isEqualTo(3);

        assertThat(acme.admin().put("/api/v1/integrations/" + integration + "/push/partner-accounts/" + globex.organizationId(),
                Map.of("automatic", true)).json().get("status").asString()).isEqualTo("Mapped");
        PushRun retried = push();
        assertThat(retried.status()).isEqualTo("SUCCEEDED");
        assertThat(acme.admin().get("/api/v1/integrations/" + integration + "/push/rejected-rows").json().size()).isZero();
        assertSalesforceHolds(expected(Map.of("beta", "Banking", "alpha", "Retail"), List.of("alpha", "beta", "delta-lead")),
                List.of("alpha", "beta"), List.of());
    }

    @Test
    @Order(6)
    void a_validation_rule_refuses_its_rows_which_keep_their_code_and_message_until_the_rule_lets_them_through() {
        // An admin adds a validation rule in Salesforce; alpha's and beta's new values break it.
        RowRule rule = RowRules.add(acme.sf().org(), RowRule.validation(EcosystemOverlap.OBJECT, EcosystemOverlap.PARTNER_FIELDS,
                "Industry: Mining", "Mining partners are reviewed by the alliances team first."));
        globex.sf().update("Account", theirs.get("alpha"), "Industry", "Mining");
        globex.sf().update("Account", theirs.get("beta"), "Industry", "Mining");
        PushFixture.sync(globex, 4);
        PushRun run = push();
        assertThat(run.status()).isEqualTo("PARTIAL");
        assertThat(run.counts().rejected()).isEqualTo(2);
        var rows = acme.admin().get("/api/v1/integrations/" + integration + "/push/rejected-rows").json();
        assertThat(rows.valueStream().map(r -> r.get("errorCode").asString())).containsExactly("FIELD_CUSTOM_VALIDATION_EXCEPTION",
                "FIELD_CUSTOM_VALIDATION_EXCEPTION");
        rows.forEach(r -> {
            assertThat(r.get("message").asString()).isEqualTo("Mining partners are reviewed by the alliances team first.");
            assertThat(r.get("fields").asString()).contains(EcosystemOverlap.PARTNER_FIELDS);
            assertThat(r.get("fix").asString()).isNotBlank();
        });
        // The refused rows keep what Salesforce last accepted; every other row is as desired.
        Map<String, Map<String, String>> held = expected(Map.of("beta", "Banking", "alpha", "Retail"), List.of("alpha", "beta",
                "delta-lead"));
        assertSalesforceHolds(held, List.of("alpha", "beta"), List.of());

        RowRules.clear(acme.sf().org(), rule.id());
        PushRun retried = push();
        assertThat(retried.status()).as(retried.message()).isEqualTo("SUCCEEDED");
        assertThat(acme.admin().get("/api/v1/integrations/" + integration + "/push/rejected-rows").json().size()).isZero();
        assertSalesforceHolds(expected(Map.of("beta", "Mining", "alpha", "Mining"), List.of("alpha", "beta", "delta-lead")),
                List.of("alpha", "beta"), List.of());
    }

    @Test
    @Order(7)
    void a_token_revoked_mid_push_stops_it_and_the_push_after_the_repair_completes_it_without_duplicates() {
        SalesforceFixture.emulator().admin().revokeRefreshTokens(acme.sf().integrationUsername());
        SalesforceFixture.emulator().admin().expireSessions(acme.sf().integrationUsername());
        // Globex's change and sync queue Acme's push, which meets the revoked token.
        globex.sf().update("Account", theirs.get("beta"), "Industry", "Insurance");
        PushFixture.sync(globex, 5);
        settle();
        PushRun broken = store.runs(integration, 3).stream().filter(r -> !"SKIPPED".equals(r.status())).findFirst().orElseThrow();
        assertThat(broken.status()).isEqualTo("FAILED");
        assertThat(broken.errorCode()).isEqualTo("AUTH_REVOKED");
        assertThat(push().status()).as("no push while the Inbound connection needs reauthorization").isEqualTo("SKIPPED");

        URI start = connections.begin(new ConnectionService.AuthorizationStart(acme.organizationId(), memberId(acme),
                SalesforceFixture.url(), integration, false, null, "http://127.0.0.1:9/oauth/salesforce/callback"));
        connections.replace(inbound, integration, PushFixture.authorize(connections, acme, start), acme.email());
        PushRun repaired = push();
        assertThat(repaired.status()).isEqualTo("SUCCEEDED");
        assertSalesforceHolds(expected(Map.of("beta", "Insurance", "alpha", "Mining"), List.of("alpha", "beta", "delta-lead")),
                List.of("alpha", "beta"), List.of());
    }

    @Test
    @Order(8)
    void a_revoked_partnership_removes_all_its_records() {
        assertThat(globex.admin().post("/api/v1/partnerships/" + partnership + "/revoke", Map.of()).status()).isEqualTo(200);
        PushRun run = push();
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertSalesforceHolds(Map.of(), List.of(), List.of("alpha", "beta"));
        assertThat(pushes.status(acme.organizationId(), integration).recordsInSalesforce()).isZero();
    }
}
