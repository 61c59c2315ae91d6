package dev.crosswalk.app.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.emulator.model.Record;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Sync from the emulator, then the stored keys: one row per record, right keys, right statistics, kept current. */
class RecordKeysIT extends AppIntegrationTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganizationService organizations;

    private ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private record Stored(String domain, String keyReason, String nameKey, String nameReason, Instant changedAt) {
    }

    @Test
    void after_a_sync_every_record_has_its_keys_and_the_statistics_count_them() {
        TestOrg sf = SalesforceFixture.newOrg("Keyed Corp");
        Map<String, String[]> expected = new LinkedHashMap<>(); // sf id -> {domain, reason, name key}
        String[][] accounts = {
                {"Blue Harbor Foods Ltd", "https://www.BlueHarbor.co.uk/en/home?utm_source=x", "blueharbor.co.uk", "WEBSITE", "blueharborfoods"},
                {"Müller Bau GmbH", " müller-bau.de. ", "xn--mller-bau-q9a.de", "WEBSITE", "mullerbau"},
                {"Summit Foods Pty Ltd", "http//summitfoods.com.au:8080", "summitfoods.com.au", "WEBSITE", "summitfoods"},
                {"Acme Inc.", "info@acme-keys.com", "acme-keys.com", "EMAIL_IN_WEBSITE", "acme"},
                {"Nowhere LLC", "n/a", null, "PLACEHOLDER", "nowhere"},
                {"Blank Co", null, null, "BLANK", "blank"},
                {"Gmail Fan", "gmail.com", null, "PERSONAL_DOMAIN", "gmailfan"},
                {"Local Ltd", "http://localhost:8080", null, "LOCAL_HOST", "local"},
                {"Linked Inc", "https://www.linkedin.com/company/linked", null, "PLATFORM_PAGE", "linked"},
                {"Ten Inc", "10.0.0.1", null, "IP_ADDRESS", "ten"},
        };
        for (String[] a : accounts) {
            Record r = sf.addAccount(a[0], a[1]);
            expected.put(r.id(), new String[] {a[2], a[3], a[4]});
        }
        String[][] leads = {
                {"Globex Corporation", "jane@uk.globex-keys.com", "globex-keys.com", "EMAIL", "globex"},
                {"Initech", "bob@gmail.com", null, "PERSONAL_DOMAIN", "initech"},
                {"n/a", "carl@hooli-keys.io", "hooli-keys.io", "EMAIL", null},
        };
        for (String[] l : leads) {
            Record r = sf.addLead("Person", l[0], l[1]);
            expected.put(r.id(), new String[] {l[2], l[3], l[4]});
        }
        Record deletedAccount = sf.addAccount("Gone Inc", "gone-keys.com");
        sf.delete("Account", deletedAccount.id());

        String integrationId = connect(sf);
        awaitRun(integrationId, 1);
        JsonNode stats = awaitKeys(integrationId);

        Map<String, Stored> stored = stored(integrationId);
        assertThat(stored).containsOnlyKeys(withDeleted(expected.keySet(), deletedAccount.id()));
        expected.forEach((id, e) -> {
            Stored s = stored.get(id);
            assertThat(s.domain()).as("domain of %s", id).isEqualTo(e[0]);
            assertThat(s.keyReason()).as("reason of %s", id).isEqualTo(e[1]);
            assertThat(s.nameKey()).as("name of %s", id).isEqualTo(e[2]);
        });
        assertThat(stored.get(deletedAccount.id())).isEqualTo(
                new Stored(null, "DELETED", null, "DELETED", stored.get(deletedAccount.id()).changedAt()));

        assertThat(stats.get("records").asLong()).isEqualTo(13);
        assertThat(stats.get("withDomain").asLong()).isEqualTo(6);
        assertThat(stats.get("withoutDomain").asLong()).isEqualTo(7);
        assertThat(stats.get("withName").asLong()).isEqualTo(12);
        assertThat(stats.get("pending").asLong()).isZero();
        JsonNode byReason = stats.get("byReason");
        assertThat(byReason.get("WEBSITE").asLong()).isEqualTo(3);
        assertThat(byReason.get("EMAIL").asLong()).isEqualTo(2);
        assertThat(byReason.get("EMAIL_IN_WEBSITE").asLong()).isEqualTo(1);
        assertThat(byReason.get("PERSONAL_DOMAIN").asLong()).isEqualTo(2);
        assertThat(byReason.get("PLACEHOLDER").asLong()).isEqualTo(1);
        assertThat(byReason.has("DELETED")).isFalse();
        JsonNode lead = stats.get("objects").get("Lead");
        assertThat(lead.get("records").asLong()).isEqualTo(3);
        assertThat(lead.get("withDomain").asLong()).isEqualTo(2);
        assertThat(lead.get("byReason").get("PERSONAL_DOMAIN").asLong()).isEqualTo(1);
    }

    @Test
    void an_incremental_sync_recomputes_only_changed_records_and_moves_changed_at_only_when_a_key_changed() {
        TestOrg sf = SalesforceFixture.newOrg("Rekeyed Corp");
        Record moving = sf.addAccount("Moving Inc", "moving-old.com");
        Record renamed = sf.addAccount("Old Name Inc", "renamed-keys.com");
        Record same = sf.addAccount("Same Inc", "same-keys.com");
        Record untouched = sf.addAccount("Untouched Inc", "untouched-keys.com");
        String integrationId = connect(sf);
        awaitRun(integrationId, 1);
        awaitKeys(integrationId);
        Map<String, Stored> before = stored(integrationId);
        Timestamp computedBefore = computedAt(integrationId, untouched.id());

        sf.update("Account", moving.id(), "Website", "https://www.moving-new.com/");
        sf.update("Account", renamed.id(), "Name", "New Name Inc");
        sf.update("Account", same.id(), "Website", "HTTPS://SAME-KEYS.COM/about"); // same key, different text
        Record added = sf.addAccount("Added Inc", "added-keys.com");
        sf.delete("Account", untouched.id());
        assertThat(admin.post("/api/v1/integrations/" + integrationId + "/sync", Map.of()).status()).isEqualTo(202);
        awaitRun(integrationId, 2);
        awaitKeys(integrationId);
        Map<String, Stored> after = stored(integrationId);

        assertThat(after.get(moving.id()).domain()).isEqualTo("moving-new.com");
        assertThat(after.get(moving.id()).changedAt()).isAfter(before.get(moving.id()).changedAt());
        assertThat(after.get(renamed.id()).nameKey()).isEqualTo("newname");
        assertThat(after.get(renamed.id()).changedAt()).isAfter(before.get(renamed.id()).changedAt());
        assertThat(after.get(same.id())).isEqualTo(before.get(same.id()));
        assertThat(after.get(added.id()).domain()).isEqualTo("added-keys.com");
        assertThat(after.get(untouched.id()).keyReason()).isEqualTo("DELETED");
        assertThat(after.get(untouched.id()).changedAt()).isAfter(before.get(untouched.id()).changedAt());
        assertThat(computedAt(integrationId, untouched.id())).isAfter(computedBefore);

        Record idle = sf.live("Account").stream().filter(r -> r.id().equals(same.id())).findFirst().orElseThrow();
        Timestamp idleComputed = computedAt(integrationId, idle.id());
        assertThat(admin.post("/api/v1/integrations/" + integrationId + "/sync", Map.of()).status()).isEqualTo(202);
        awaitRun(integrationId, 3);
        awaitKeys(integrationId);
        assertThat(computedAt(integrationId, idle.id())).as("a record that did not change is not recomputed").isEqualTo(idleComputed);
    }

    @Test
    void an_organization_claims_its_own_domains_once_and_no_one_else_can() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Reply added = admin.post("/api/v1/organization/domains", Map.of("domain", "https://www.Acme-" + unique + ".co.uk/en"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("domain").asString()).isEqualTo("acme-" + unique + ".co.uk");
        assertThat(admin.post("/api/v1/organization/domains", Map.of("domain", "sales@acme-" + unique + ".co.uk")).status())
                .as("claiming again is harmless").isEqualTo(201);
        assertThat(admin.get("/api/v1/organization/domains").json().valueStream().map(d -> d.get("domain").asString()))
                .contains("acme-" + unique + ".co.uk");

        ApiClient.Reply personal = admin.post("/api/v1/organization/domains", Map.of("domain", "gmail.com"));
        assertThat(personal.status()).isEqualTo(400);
        assertThat(personal.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(personal.json().get("detail").asString()).contains("PERSONAL_DOMAIN");

        String otherAdmin = "admin-" + unique + "@globex-" + unique + ".com";
        organizations.createOrganization("Globex " + unique, otherAdmin, "Globex Admin", "globex-password-1");
        ApiClient globex = new ApiClient(baseUrl(), otherAdmin, "globex-password-1");
        ApiClient.Reply taken = globex.post("/api/v1/organization/domains", Map.of("domain", "acme-" + unique + ".co.uk"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("CONFLICT");
        assertThat(globex.get("/api/v1/organization/domains").json().size()).isZero();
        assertThat(globex.delete("/api/v1/organization/domains/acme-" + unique + ".co.uk").status()).isEqualTo(404);

        assertThat(admin.delete("/api/v1/organization/domains/acme-" + unique + ".co.uk").status()).isEqualTo(204);
        assertThat(globex.post("/api/v1/organization/domains", Map.of("domain", "acme-" + unique + ".co.uk")).status())
                .isEqualTo(201);
    }

    @Test
    void new_matching_rules_recompute_every_record_once_and_nothing_else_is_redone() {
        TestOrg sf = SalesforceFixture.newOrg("Versioned Corp");
        sf.addAccount("One Inc", "one-keys.com");
        sf.addAccount("Two Inc", "two-keys.com");
        sf.addLead("Person", "Three", "p@three-keys.com");
        String integrationId = connect(sf);
        awaitRun(integrationId, 1);
        awaitKeys(integrationId);
        jdbc.sql("update record_key_checkpoint set rules_version = rules_version - 1 where integration_id = ?")
                .param(UUID.fromString(integrationId)).update();

        JsonNode first = recomputed(integrationId);
        assertThat(first.get("recordsComputed").asInt()).isEqualTo(3);
        assertThat(first.get("keysChanged").asInt()).as("same rules here, so no key changed").isZero();
        assertThat(recomputed(integrationId).get("recordsComputed").asInt()).isZero();
    }

    @Test
    void keys_leave_with_their_records_without_a_foreign_key() {
        TestOrg sf = SalesforceFixture.newOrg("Leaving Corp");
        sf.addAccount("Gone Inc", "gone-keys.com");
        sf.addAccount("Stays Inc", "stays-keys.com");
        String integrationId = connect(sf);
        awaitRun(integrationId, 1);
        awaitKeys(integrationId);
        UUID integration = UUID.fromString(integrationId);

        // Records only go with their integration in the service; any delete of crm_record rows takes their keys along.
        jdbc.sql("delete from crm_record where integration_id = ? and fields->>'Name' = 'Gone Inc'").param(integration).update();

        assertThat(jdbc.sql("select domain from record_key where integration_id = ? order by domain").param(integration)
                .query(String.class).list()).containsExactly("stays-keys.com");
    }

    private JsonNode recomputed(String integrationId) {
        ApiClient.Reply r = admin.post("/api/v1/records/keys/recompute", Map.of());
        assertThat(r.status()).isEqualTo(200);
        return r.json().valueStream().filter(u -> u.get("integrationId").asString().equals(integrationId)).findFirst()
                .orElseThrow();
    }

    @Test
    void viewers_read_key_statistics_but_change_neither_domains_nor_keys() {
        String email = "viewer-" + UUID.randomUUID() + "@acme-test.example";
        assertThat(admin.post("/api/v1/members", Map.of("email", email, "password", "viewer-password", "role", "VIEWER"))
                .status()).isEqualTo(201);
        ApiClient viewer = new ApiClient(baseUrl(), email, "viewer-password");
        assertThat(viewer.get("/api/v1/records/key-stats").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/organization/domains").status()).isEqualTo(200);
        ApiClient.Reply claim = viewer.post("/api/v1/organization/domains", Map.of("domain", "viewer-claims.com"));
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.json().get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(viewer.post("/api/v1/records/keys/recompute", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/records/keys/recompute", Map.of()).status()).isEqualTo(200);
    }

    private static java.util.Set<String> withDeleted(java.util.Set<String> ids, String deleted) {
        java.util.Set<String> all = new java.util.HashSet<>(ids);
        all.add(deleted);
        return all;
    }

    private Map<String, Stored> stored(String integrationId) {
        Map<String, Stored> out = new HashMap<>();
        jdbc.sql("select sf_id, domain, key_reason, name_key, name_reason, changed_at from record_key where integration_id = ?")
                .param(UUID.fromString(integrationId))
                .query((rs, n) -> Map.entry(rs.getString(1), new Stored(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private Timestamp computedAt(String integrationId, String sfId) {
        return jdbc.sql("select computed_at from record_key where integration_id = ? and sf_id = ?")
                .params(UUID.fromString(integrationId), sfId).query(Timestamp.class).single();
    }

    /** Connects through the real OAuth round trip: service → emulator login form → service callback. */
    private String connect(TestOrg sf) {
        return Syncs.connect(admin, sf);
    }

    private void awaitRun(String integrationId, int expectedRuns) {
        Syncs.awaitRun(admin, integrationId, expectedRuns);
    }

    /** The key statistics once nothing is pending (keys are computed right after the run ends). */
    private JsonNode awaitKeys(String integrationId) {
        return await("keys of " + integrationId, () -> {
            JsonNode stats = admin.get("/api/v1/records/key-stats?integrationId=" + integrationId).json();
            return stats.get("pending").asLong() == 0 && stats.get("records").asLong() > 0 ? stats : null;
        });
    }

    private static JsonNode await(String what, java.util.function.Supplier<JsonNode> probe) {
        return Await.until(what, Duration.ofSeconds(90), probe::get, v -> v != null);
    }
}
