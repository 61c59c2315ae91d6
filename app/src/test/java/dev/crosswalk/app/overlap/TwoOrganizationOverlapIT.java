package dev.crosswalk.app.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.emulator.seed.OverlapPlan;
import dev.crosswalk.emulator.seed.SeedLoader;
import dev.crosswalk.emulator.seed.SeedReport;
import java.net.IDN;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * End to end: two Crosswalk organizations, each connected to its own emulator org seeded from one
 * {@link OverlapPlan} (20% shared companies, with the generator's website and email messiness),
 * synced through Bulk API 2.0, partnered, produce exactly the seed report's true overlap; a
 * later sync of one side re-matches incrementally.
 */
class TwoOrganizationOverlapIT extends AppIntegrationTest {
    @Autowired
    OrganizationService organizations;
    @Autowired
    JdbcClient jdbc;

    private record Tenant(ApiClient admin, String integrationId, TestOrg sf) {
    }

    private Tenant tenant(String name, TestOrg sf) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + suffix + "@" + name.toLowerCase() + "-" + suffix + ".example";
        organizations.createOrganization(name + " " + suffix, email, "Admin", "tenant-password-1");
        ApiClient admin = new ApiClient(baseUrl(), email, "tenant-password-1");
        String id = Syncs.connect(admin, sf);
        awaitRun(admin, id, 1);
        return new Tenant(admin, id, sf);
    }

    private static void awaitRun(ApiClient admin, String integrationId, int expectedRuns) {
        assertThat(Syncs.awaitRun(admin, integrationId, expectedRuns).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    private static String population(ApiClient admin, String name, String object) {
        ApiClient.Reply r = admin.post("/api/v1/populations", Map.of("name", name, "baseObject", object, "filter",
                Map.of("type", "group", "logic", "AND", "children", List.of())));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("population").get("id").asString();
    }

    private Set<String> matchedDomains(String partnershipId) {
        return new TreeSet<>(jdbc.sql("select distinct matched_key from overlap_pair where partnership_id = ? and evidence = 'DOMAIN'")
                .param(UUID.fromString(partnershipId)).query(String.class).list());
    }

    @Test
    void two_seeded_orgs_overlap_exactly_as_the_seed_report_says_and_a_later_sync_rematches_incrementally() {
        OverlapPlan plan = OverlapPlan.builder(4242).org("A", 600, 300).org("B", 600, 300).overlap(0.2).build();
        SeedReport report = plan.report();
        TestOrg sfA = SalesforceFixture.newOrg("Seeded A");
        TestOrg sfB = SalesforceFixture.newOrg("Seeded B");
        new SeedLoader().load(sfA.org(), plan.org("A"), List.of(sfA.integrationUserId()), sfA.integrationUserId(), null);
        new SeedLoader().load(sfB.org(), plan.org("B"), List.of(sfB.integrationUserId()), sfB.integrationUserId(), null);
        Tenant a = tenant("Alpha", sfA);
        Tenant b = tenant("Beta", sfB);

        String accountsA = population(a.admin(), "All accounts", "Account");
        String leadsA = population(a.admin(), "All leads", "Lead");
        String accountsB = population(b.admin(), "All accounts", "Account");
        String leadsB = population(b.admin(), "All leads", "Lead");
        for (String pop : List.of(accountsB, leadsB)) {
            assertThat(b.admin().put("/api/v1/sharing/populations/" + pop + "/default",
                    Map.of("level", "OVERLAPPING", "fields", Map.of("Account", List.of("Name"), "Lead", List.of("Company")))).status())
                    .isEqualTo(200);
        }
        String me = b.admin().get("/api/v1/me").json().get("organizationName").asString();
        String id = a.admin().post("/api/v1/partnerships", Map.of("partner", me)).json().get("id").asString();
        assertThat(b.admin().post("/api/v1/partnerships/" + id + "/accept", Map.of()).status()).isEqualTo(200);

        Set<String> expected = report.overlap("A", "B").domains().stream().map(IDN::toASCII).collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected).hasSize(report.overlapCount("A", "B")).isNotEmpty();
        assertThat(matchedDomains(id)).isEqualTo(expected);

        JsonNode matrix = a.admin().get("/api/v1/partnerships/" + id + "/overlaps/matrix").json();
        assertThat(matrix.get("columns").valueStream().map(c -> c.get("name").asString()))
                .containsExactlyInAnyOrder("All accounts", "All leads");
        long accountCell = matrix.get("cells").valueStream()
                .filter(c -> c.get("myPopulationId").asString().equals(accountsA) && c.get("partnerPopulationId").asString().equals(accountsB))
                .findFirst().orElseThrow().get("overlaps").asLong();
        assertThat(accountCell).isPositive();
        JsonNode rows = a.admin().get("/api/v1/partnerships/" + id + "/overlaps?myPopulation=" + accountsA + "&partnerPopulation="
                + accountsB + "&limit=500").json();
        assertThat(rows.size()).isGreaterThanOrEqualTo((int) Math.min(accountCell, 500));
        rows.forEach(r -> assertThat(r.get("partnerFields").propertyNames()).isSubsetOf("Name"));
        assertThat(leadsA).isNotBlank();

        // B adds an account at a company only A has: after B's next sync it overlaps, incrementally.
        String onlyInA = report.domains("A").stream().map(IDN::toASCII).filter(d -> !expected.contains(d)).findFirst().orElseThrow();
        sfB.addAccount("Newly Shared", "https://www." + onlyInA + "/en");
        assertThat(b.admin().post("/api/v1/integrations/" + b.integrationId() + "/sync", Map.of()).status()).isEqualTo(202);
        awaitRun(b.admin(), b.integrationId(), 2);
        // awaitRun waited for matchedAt: every after-sync stage, overlaps included, is done.
        assertThat(matchedDomains(id)).contains(onlyInA).hasSize(expected.size() + 1);
    }
}
