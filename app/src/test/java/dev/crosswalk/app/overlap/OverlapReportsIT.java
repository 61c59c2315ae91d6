package dev.crosswalk.app.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.record.RecordKeyService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class OverlapReportsIT extends AppIntegrationTest {
    @Autowired
    OrganizationService organizations;
    @Autowired
    PopulationService populations;
    @Autowired
    OverlapEngine engine;
    @Autowired
    RecordKeyService keys;
    @Autowired
    JdbcClient jdbc;

    TenantData north;
    TenantData south;
    ApiClient northAdmin;
    ApiClient southAdmin;

    @BeforeEach
    void tenants() {
        north = TenantData.create(organizations, jdbc, "Northwind");
        south = TenantData.create(organizations, jdbc, "Southbay");
        northAdmin = new ApiClient(baseUrl(), north.adminEmail, north.password);
        southAdmin = new ApiClient(baseUrl(), south.adminEmail, south.password);
    }

    /** Stands in for a sync and its after-sync stages: keys, membership, overlaps, after records were written. */
    private void synced(TenantData t) {
        keys.recompute(t.organizationId, t.integrationId);
        populations.refreshAfterSync(t.organizationId, t.integrationId);
        engine.afterKeysChanged(t.organizationId, t.integrationId);
    }

    private String partnership() {
        String id = northAdmin.post("/api/v1/partnerships", Map.of("partner", south.name)).json().get("id").asString();
        assertThat(southAdmin.post("/api/v1/partnerships/" + id + "/accept", Map.of()).status()).isEqualTo(200);
        return id;
    }

    private UUID pop(TenantData t, String name) {
        return populations.idsByName(t.organizationId).get(name);
    }

    private void share(ApiClient admin, UUID population, String level, List<String> fields) {
        ApiClient.Reply r = admin.put("/api/v1/sharing/populations/" + population + "/default",
                Map.of("level", level, "fields", Map.of("Account", fields)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private long cell(JsonNode matrix, UUID mine, UUID theirs) {
        return matrix.get("cells").valueStream()
                .filter(c -> c.get("myPopulationId").asString().equals(mine.toString())
                        && c.get("partnerPopulationId").asString().equals(theirs.toString()))
                .findFirst().orElseThrow().get("overlaps").asLong();
    }

    @Test
    void overlaps_follow_domains_and_sharing_and_stop_at_revocation() {
        north.nextSync();
        north.account("Acme Inc", "https://www.Acme.com/about", "Customer");
        north.account("Globex", "globex.co.uk", "Customer");
        north.account("Initech", "initech.io", "Prospect");
        north.account("Umbrella", "", "Customer");
        synced(north);
        south.nextSync();
        String southAcme = south.account("ACME", "acme.com", "Customer");
        south.account("Globex UK", "http://shop.globex.co.uk", "Prospect");
        south.account("Initech", "initech.io", "Customer");
        south.account("Umbrella Corp", "", "Customer");
        synced(south);
        String id = partnership();

        share(northAdmin, pop(north, "Customers"), "OVERLAPPING", List.of("Name"));
        share(southAdmin, pop(south, "Customers"), "ALL", List.of("Name", "Type"));
        share(southAdmin, pop(south, "Prospects"), "COUNTS_ONLY", List.of());

        JsonNode asNorth = northAdmin.get("/api/v1/partnerships/" + id + "/overlaps/matrix").json();
        assertThat(asNorth.get("columns").valueStream().map(c -> c.get("name").asString())).containsExactly("Customers", "Prospects");
        assertThat(cell(asNorth, pop(north, "Customers"), pop(south, "Customers"))).isEqualTo(1);
        assertThat(cell(asNorth, pop(north, "Customers"), pop(south, "Prospects"))).isEqualTo(1);
        assertThat(cell(asNorth, pop(north, "Prospects"), pop(south, "Customers"))).isEqualTo(1);

        JsonNode rows = northAdmin.get("/api/v1/partnerships/" + id + "/overlaps?myPopulation=" + pop(north, "Customers")
                + "&partnerPopulation=" + pop(south, "Customers")).json();
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.get(0).get("evidence").asString()).isEqualTo("DOMAIN");
        assertThat(rows.get(0).get("matchedKey").asString()).isEqualTo("acme.com");
        assertThat(rows.get(0).get("partnerFields").propertyNames()).containsExactlyInAnyOrder("Name", "Type");
        assertThat(rows.toString()).doesNotContain(southAcme).doesNotContain("Website");

        ApiClient.Reply countsOnly = northAdmin.get("/api/v1/partnerships/" + id + "/overlaps?myPopulation=" + pop(north, "Customers")
                + "&partnerPopulation=" + pop(south, "Prospects"));
        assertThat(countsOnly.status()).isEqualTo(403);
        ApiClient.Reply hidden = northAdmin.get("/api/v1/partnerships/" + id + "/overlaps?myPopulation=" + pop(north, "Customers")
                + "&partnerPopulation=" + pop(south, "Open Opportunities"));
        assertThat(hidden.status()).isEqualTo(404);
        JsonNode greenfield = northAdmin.get("/api/v1/partnerships/" + id + "/greenfield?partnerPopulation=" + pop(south, "Customers"))
                .json();
        assertThat(greenfield.valueStream().map(g -> g.get("partnerFields").get("Name").asString()))
                .containsExactlyInAnyOrder("Umbrella Corp");

        JsonNode asSouth = southAdmin.get("/api/v1/partnerships/" + id + "/overlaps/matrix").json();
        assertThat(asSouth.get("columns").valueStream().map(c -> c.get("name").asString())).containsExactly("Customers");
        assertThat(southAdmin.get("/api/v1/partnerships/" + id + "/greenfield?partnerPopulation=" + pop(north, "Customers")).status())
                .isEqualTo(403);

        assertThat(southAdmin.post("/api/v1/partnerships/" + id + "/revoke", Map.of()).status()).isEqualTo(200);
        JsonNode after = northAdmin.get("/api/v1/partnerships/" + id + "/overlaps/matrix").json();
        assertThat(after.get("columns").size()).isZero();
        assertThat(after.get("cells").size()).isZero();
        assertThat(northAdmin.get("/api/v1/partnerships/" + id + "/overlaps?myPopulation=" + pop(north, "Customers")
                + "&partnerPopulation=" + pop(south, "Customers")).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from overlap_pair where partnership_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isZero();
    }

    @Test
    void names_match_only_when_both_sides_turn_name_matching_on_and_a_side_lacks_a_domain() {
        north.nextSync();
        north.account("Umbrella Corporation", "", "Customer");
        north.account("Hooli Inc.", "hooli.com", "Customer");
        synced(north);
        south.nextSync();
        south.account("umbrella corp", "", "Customer");
        south.account("Hooli", "hooli.de", "Customer");
        synced(south);
        String id = partnership();
        share(southAdmin, pop(south, "Customers"), "OVERLAPPING", List.of("Name"));
        UUID mine = pop(north, "Customers");
        UUID theirs = pop(south, "Customers");
        assertThat(cell(northAdmin.get("/api/v1/partnerships/" + id + "/overlaps/matrix").json(), mine, theirs)).isZero();

        northAdmin.put("/api/v1/partnerships/" + id + "/name-matching", Map.of("enabled", true));
        assertThat(cell(northAdmin.get("/api/v1/partnerships/" + id + "/overlaps/matrix").json(), mine, theirs)).isZero();
        southAdmin.put("/api/v1/partnerships/" + id + "/name-matching", Map.of("enabled", true));
        JsonNode rows = northAdmin.get("/api/v1/partnerships/" + id + "/overlaps?myPopulation=" + mine + "&partnerPopulation=" + theirs)
                .json();
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.get(0).get("evidence").asString()).isEqualTo("NAME");
        assertThat(rows.get(0).get("myName").asString()).isEqualTo("Umbrella Corporation");
    }

    @Test
    void a_stranger_cannot_read_a_partnership_it_is_not_part_of() {
        String id = partnership();
        TenantData stranger = TenantData.create(organizations, jdbc, "Strangeco");
        ApiClient s = new ApiClient(baseUrl(), stranger.adminEmail, stranger.password);
        assertThat(s.get("/api/v1/partnerships/" + id + "/overlaps/matrix").status()).isEqualTo(404);
        assertThat(s.get("/api/v1/partnerships/" + id + "/partner-populations").status()).isEqualTo(404);
    }
}
