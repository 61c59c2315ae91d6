package dev.crosswalk.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.overlap.TenantData;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.record.RecordKeyService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The package API as the record page and the Setup page call it: a record's partner overlaps carry
 * only what each partner shares (rows-shared populations, their fields), nothing under counts only,
 * nothing of another organization's records, and stop with the partnership.
 */
class PackageApiIT extends AppIntegrationTest {
    @Autowired
    OrganizationService organizations;
    @Autowired
    OutboundClients clients;
    @Autowired
    PopulationService populations;
    @Autowired
    RecordKeyService keys;
    @Autowired
    JdbcClient jdbc;

    private void synced(TenantData t) {
        populations.refreshAfterSync(t.organizationId, t.integrationId);
        keys.recompute(t.organizationId, t.integrationId);
    }

    private void share(ApiClient admin, UUID population, String level, List<String> fields) {
        ApiClient.Reply r = admin.put("/api/v1/sharing/populations/" + population + "/default",
                Map.of("level", level, "fields", Map.of("Account", fields)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void a_records_overlaps_show_only_what_each_partner_shares() {
        TenantData north = TenantData.create(organizations, jdbc, "Northwind");
        TenantData south = TenantData.create(organizations, jdbc, "Southbay");
        OutboundFixture outbound = OutboundFixture.create(jdbc, clients, north);
        north.nextSync();
        String acme = north.account("Acme Inc", "https://www.Acme.com/about", "Customer");
        String globex = north.account("Globex", "globex.co.uk", "Customer");
        String lonely = north.account("Lonely", "lonely.example", "Customer");
        synced(north);
        south.nextSync();
        String southAcme = south.account("ACME", "acme.com", "Customer");
        south.account("Globex UK", "http://shop.globex.co.uk", "Prospect");
        synced(south);
        ApiClient northAdmin = new ApiClient(baseUrl(), north.adminEmail, north.password);
        ApiClient southAdmin = new ApiClient(baseUrl(), south.adminEmail, south.password);
        String partnership = northAdmin.post("/api/v1/partnerships", Map.of("partner", south.name)).json().get("id").asString();
        assertThat(southAdmin.post("/api/v1/partnerships/" + partnership + "/accept", Map.of()).status()).isEqualTo(200);
        share(southAdmin, populations.idsByName(south.organizationId).get("Customers"), "OVERLAPPING", List.of("Name", "Type"));
        share(southAdmin, populations.idsByName(south.organizationId).get("Prospects"), "COUNTS_ONLY", List.of());

        OutboundBrowser browser = new OutboundBrowser(baseUrl());
        String token = browser.connect(outbound, "overlaps:read setup").get("access_token").asString();

        JsonNode page = browser.bearer("/api/package/v1/records/" + acme + "/overlaps", token, Map.of()).json();
        assertThat(page.get("object").asString()).isEqualTo("Account");
        assertThat(page.get("overlaps").size()).isEqualTo(1);
        JsonNode o = page.get("overlaps").get(0);
        assertThat(o.get("partnerName").asString()).isEqualTo(south.name);
        assertThat(o.get("partnerPopulation").asString()).isEqualTo("Customers");
        assertThat(o.get("evidence").asString()).isEqualTo("DOMAIN");
        assertThat(o.get("partnerFields").propertyNames()).containsExactlyInAnyOrder("Name", "Type");
        assertThat(page.toString()).doesNotContain(southAcme).doesNotContain("Website");

        // The 15-character form of the id reads the same record.
        assertThat(browser.bearer("/api/package/v1/records/" + acme.substring(0, 15) + "/overlaps", token, Map.of()).json()
                .get("overlaps").size()).isEqualTo(1);
        // Counts only: the record page learns nothing about that partner record.
        assertThat(browser.bearer("/api/package/v1/records/" + globex + "/overlaps", token, Map.of()).json().get("overlaps").size()).isZero();
        assertThat(browser.bearer("/api/package/v1/records/" + lonely + "/overlaps", token, Map.of()).json().get("overlaps").size()).isZero();
        // Another organization's record, asked with this org's token: nothing.
        assertThat(browser.bearer("/api/package/v1/records/" + southAcme + "/overlaps", token, Map.of()).json().get("overlaps").size())
                .isZero();

        OutboundBrowser.Reply bad = browser.bearer("/api/package/v1/records/not-an-id/overlaps", token, Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("salesforceRecordId");
        OutboundBrowser.Reply contact = browser.bearer("/api/package/v1/records/003000000000001AAA/overlaps", token, Map.of());
        assertThat(contact.status()).isEqualTo(400);
        assertThat(contact.body()).contains("Account (001…) or Lead (00Q…)");

        assertThat(southAdmin.post("/api/v1/partnerships/" + partnership + "/revoke", Map.of()).status()).isEqualTo(200);
        assertThat(browser.bearer("/api/package/v1/records/" + acme + "/overlaps", token, Map.of()).json().get("overlaps").size()).isZero();
    }

    /**
     * The record page caches each partner's sharing decision; every change to what the partner shares must show in the
     * very next call. Changes made straight in the database stand for another node's writes (nothing in this node's
     * memory hears of them).
     */
    @Test
    void the_very_next_record_page_call_reflects_each_change_to_what_the_partner_shares() {
        TenantData north = TenantData.create(organizations, jdbc, "Northwind");
        TenantData south = TenantData.create(organizations, jdbc, "Southbay");
        OutboundFixture outbound = OutboundFixture.create(jdbc, clients, north);
        north.nextSync();
        String acme = north.account("Acme Inc", "acme.com", "Customer");
        synced(north);
        south.nextSync();
        south.account("ACME", "acme.com", "Customer");
        synced(south);
        ApiClient northAdmin = new ApiClient(baseUrl(), north.adminEmail, north.password);
        ApiClient southAdmin = new ApiClient(baseUrl(), south.adminEmail, south.password);
        String partnership = northAdmin.post("/api/v1/partnerships", Map.of("partner", south.name)).json().get("id").asString();
        assertThat(southAdmin.post("/api/v1/partnerships/" + partnership + "/accept", Map.of()).status()).isEqualTo(200);
        UUID customers = populations.idsByName(south.organizationId).get("Customers");
        share(southAdmin, customers, "OVERLAPPING", List.of("Name", "Type"));
        OutboundBrowser browser = new OutboundBrowser(baseUrl());
        String token = browser.connect(outbound, "overlaps:read").get("access_token").asString();
        java.util.function.Supplier<JsonNode> page = () -> browser.bearer("/api/package/v1/records/" + acme + "/overlaps", token, Map.of())
                .json().get("overlaps");

        assertThat(page.get().get(0).get("partnerFields").propertyNames()).containsExactlyInAnyOrder("Name", "Type");
        assertThat(page.get().get(0).get("partnerFields").propertyNames()).as("cached").containsExactlyInAnyOrder("Name", "Type");
        share(southAdmin, customers, "OVERLAPPING", List.of("Name"));
        assertThat(page.get().get(0).get("partnerFields").propertyNames()).as("fields reduced").containsExactly("Name");
        share(southAdmin, customers, "COUNTS_ONLY", List.of());
        assertThat(page.get().size()).as("counts only").isZero();
        share(southAdmin, customers, "OVERLAPPING", List.of("Name"));
        assertThat(page.get().size()).isEqualTo(1);

        // An override for this partner, written by another node.
        jdbc.sql("insert into sharing_rule (id, organization_id, population_id, partner_org_id, level, fields, updated_at)"
                + " values (?, ?, ?, ?, 'HIDDEN', '{}'::jsonb, now())").params(UUID.randomUUID(), south.organizationId, customers,
                north.organizationId).update();
        assertThat(page.get().size()).as("hidden from this partner").isZero();
        jdbc.sql("delete from sharing_rule where population_id = ? and partner_org_id = ?").params(customers, north.organizationId).update();
        assertThat(page.get().size()).as("override removed").isEqualTo(1);

        jdbc.sql("update population set name = 'Clients' where id = ?").param(customers).update();
        assertThat(page.get().get(0).get("partnerPopulation").asString()).as("renamed").isEqualTo("Clients");
        jdbc.sql("update organization set name = 'Southbay Renamed' where id = ?").param(south.organizationId).update();
        assertThat(page.get().get(0).get("partnerName").asString()).isEqualTo("Southbay Renamed");

        jdbc.sql("update partnership set status = 'REVOKED', version = version + 1 where id = ?").param(UUID.fromString(partnership)).update();
        assertThat(page.get().size()).as("partnership ended").isZero();
        jdbc.sql("update partnership set status = 'ACCEPTED', version = version + 1 where id = ?").param(UUID.fromString(partnership)).update();
        assertThat(page.get().size()).isEqualTo(1);

        jdbc.sql("delete from population where id = ?").param(customers).update();
        assertThat(page.get().size()).as("population deleted").isZero();
    }

    @Test
    void a_partner_that_never_synced_leaves_the_record_page_empty_not_failing() {
        TenantData north = TenantData.create(organizations, jdbc, "Northwind");
        TenantData east = TenantData.create(organizations, jdbc, "Eastgate");
        OutboundFixture outbound = OutboundFixture.create(jdbc, clients, north);
        north.nextSync();
        String acme = north.account("Acme Inc", "acme.com", "Customer");
        synced(north);
        ApiClient northAdmin = new ApiClient(baseUrl(), north.adminEmail, north.password);
        String partnership = northAdmin.post("/api/v1/partnerships", Map.of("partner", east.name)).json().get("id").asString();
        assertThat(new ApiClient(baseUrl(), east.adminEmail, east.password).post("/api/v1/partnerships/" + partnership + "/accept",
                Map.of()).status()).isEqualTo(200);
        // The partner's standard populations were never created (no sync, no page opened): the read-only record page
        // call must not try to create them.
        jdbc.sql("delete from population where organization_id = ?").param(east.organizationId).update();

        OutboundBrowser browser = new OutboundBrowser(baseUrl());
        String token = browser.connect(outbound, "overlaps:read setup").get("access_token").asString();
        OutboundBrowser.Reply page = browser.bearer("/api/package/v1/records/" + acme + "/overlaps", token, Map.of());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("overlaps").size()).isZero();
    }

    @Test
    void a_setup_only_token_reads_the_status_but_no_overlaps() {
        TenantData north = TenantData.create(organizations, jdbc, "Northwind");
        OutboundFixture outbound = OutboundFixture.create(jdbc, clients, north);
        OutboundBrowser browser = new OutboundBrowser(baseUrl());
        String token = browser.connect(outbound, "setup").get("access_token").asString();
        OutboundBrowser.Reply status = browser.bearer("/api/package/v1/status", token, Map.of());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("organization").asString()).isEqualTo(north.name);
        assertThat(browser.bearer("/api/package/v1/records/001000000000001AAA/overlaps", token, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void a_token_survives_a_new_node_with_no_cached_keys() {
        TenantData north = TenantData.create(organizations, jdbc, "Northwind");
        OutboundFixture outbound = OutboundFixture.create(jdbc, clients, north);
        OutboundBrowser browser = new OutboundBrowser(baseUrl());
        String token = browser.connect(outbound, "setup").get("access_token").asString();
        // A second node: its own key source and decoder over the same database, nothing shared in memory.
        SigningKeys fresh = new SigningKeys(jdbc, cipher, tx, java.time.Clock.systemUTC());
        PackageTokenDecoder otherNode = new PackageTokenDecoder(fresh, new OutboundClientRepository(jdbc), "");
        assertThat(otherNode.decode(token).getClaimAsString("org")).isEqualTo(north.organizationId.toString());
    }

    @Test
    void a_node_that_cached_the_keys_verifies_a_token_signed_with_a_key_rotated_in_elsewhere() {
        TenantData north = TenantData.create(organizations, jdbc, "Northwind");
        OutboundFixture outbound = OutboundFixture.create(jdbc, clients, north);
        OutboundBrowser browser = new OutboundBrowser(baseUrl());
        String before = browser.connect(outbound, "setup").get("access_token").asString();
        PackageTokenDecoder otherNode = new PackageTokenDecoder(new SigningKeys(jdbc, cipher, tx, java.time.Clock.systemUTC()), new OutboundClientRepository(jdbc), "");
        otherNode.decode(before);

        new SigningKeys(jdbc, cipher, tx, java.time.Clock.systemUTC()).rotate();
        String after = new OutboundBrowser(baseUrl()).connect(outbound, "setup").get("access_token").asString();
        assertThat(otherNode.decode(after).getClaimAsString("org")).isEqualTo(north.organizationId.toString());
        assertThat(otherNode.decode(before).getClaimAsString("org")).as("the retired key keeps verifying").isEqualTo(north.organizationId.toString());
    }

    @Autowired
    dev.crosswalk.app.system.SecretCipher cipher;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
}
