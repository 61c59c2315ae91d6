package dev.crosswalk.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.push.PushFixture.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Random sequences of the story's changes (partner records added, edited, deleted; my Accounts
 * deleted and added; the sharing level and shared fields changed; the partner populations chosen in
 * the settings changed), each followed by a push, with the emulator as the oracle: what SOQL reads
 * back must equal the desired state the test derives from its own model of both orgs. Seeded like
 * the property tests: the seed is printed, {@code -Dpush.seed=N} replays a failure, {@code -Dpush.steps=N}
 * makes the sequence longer.
 */
class PushRandomizedIT extends AppIntegrationTest {
    private static final List<String> INDUSTRIES = List.of("Banking", "Retail", "Energy", "Media");
    private static final List<String> FIELDS = List.of("Name", "Industry");

    @Autowired
    OrganizationService organizations;
    @Autowired
    ConnectionService connections;
    @Autowired
    PushEngine engine;
    @Autowired
    PushSettingsService settings;
    @Autowired
    CustomObjectsIntegrations customObjects;

    /** The test's model of both orgs: domain → record id and fields. */
    private record PartnerAccount(String id, String name, String industry) {
    }

    @Test
    void random_changes_each_followed_by_a_push_leave_salesforce_equal_to_the_desired_state() {
        long seed = Long.getLong("push.seed", System.nanoTime());
        int steps = Integer.getInteger("push.steps", 4);
        System.out.println("PushRandomizedIT seed=" + seed + " steps=" + steps + " (replay: -Dpush.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        String sfx = Long.toString(Math.abs(seed) % 1_000_000, 36) + UUID.randomUUID().toString().substring(0, 4);

        TestOrg sfA = SalesforceFixture.newOrg("Random Mine");
        TestOrg sfB = SalesforceFixture.newOrg("Random Partner");
        PushFixture.installPackage(sfA);
        Map<String, String> mine = new TreeMap<>();
        Map<String, PartnerAccount> theirs = new TreeMap<>();
        for (int i = 0; i < 8; i++) {
            String d = "d" + i + "-" + sfx + ".com";
            mine.put(d, sfA.addAccount("Mine " + i, "https://" + d).id());
            if (random.nextBoolean()) {
                String name = "Partner " + i;
                PartnerAccount p = new PartnerAccount(sfB.addAccount(name, d).id(), name, "Technology");
                theirs.put(d, p);
            }
        }
        Tenant a = PushFixture.tenant(organizations, baseUrl(), "RandomA", sfA);
        Tenant b = PushFixture.tenant(organizations, baseUrl(), "RandomB", sfB);
        PushFixture.population(a.admin(), "All accounts", "Account");
        String partnerPop = PushFixture.population(b.admin(), "All accounts", "Account");
        List<String> shared = new ArrayList<>(FIELDS);
        String level = "OVERLAPPING";
        PushFixture.share(b.admin(), partnerPop, level, Map.of("Account", shared));
        String partnership = a.admin().post("/api/v1/partnerships", Map.of("partner", b.name())).json().get("id").asString();
        assertThat(b.admin().post("/api/v1/partnerships/" + partnership + "/accept", Map.of()).status()).isEqualTo(200);
        UUID integration = PushFixture.customObjects(customObjects, a);
        UUID inbound = connections.inbound(a.organizationId(), integration).orElseThrow().id();
        boolean partnerPopulationChosen = true;
        int runsA = 1;
        int runsB = 1;

        for (int step = 0; step <= steps; step++) {
            String action = step == 0 ? "push" : List.of("partner-edit", "partner-add", "partner-delete", "mine-delete", "sharing",
                    "settings").get(random.nextInt(6));
            switch (action) {
                case "partner-edit", "partner-add", "partner-delete" -> {
                    List<String> domains = new ArrayList<>(mine.keySet());
                    String d = domains.get(random.nextInt(domains.size()));
                    PartnerAccount p = theirs.get(d);
                    if (p == null) {
                        String name = "Partner new " + step;
                        theirs.put(d, new PartnerAccount(sfB.addAccount(name, d).id(), name, "Technology"));
                    } else if (action.equals("partner-delete")) {
                        sfB.delete("Account", p.id());
                        theirs.remove(d);
                    } else {
                        String industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
                        sfB.update("Account", p.id(), "Industry", industry);
                        theirs.put(d, new PartnerAccount(p.id(), p.name(), industry));
                    }
                    PushFixture.sync(b, ++runsB);
                }
                case "mine-delete" -> {
                    if (mine.size() > 2) {
                        List<String> domains = new ArrayList<>(mine.keySet());
                        String d = domains.get(random.nextInt(domains.size()));
                        sfA.delete("Account", mine.remove(d));
                        PushFixture.sync(a, ++runsA);
                    }
                }
                case "sharing" -> {
                    level = List.of("OVERLAPPING", "OVERLAPPING", "COUNTS_ONLY", "HIDDEN").get(random.nextInt(4));
                    shared = FIELDS.stream().filter(f -> random.nextBoolean()).toList();
                    PushFixture.share(b.admin(), partnerPop, level, Map.of("Account", shared));
                }
                case "settings" -> {
                    partnerPopulationChosen = !partnerPopulationChosen;
                    // Either every partner population, or an explicit choice that leaves this one out (none chosen).
                    settings.save(a.organizationId(), integration, new PushSettings(null, null,
                            partnerPopulationChosen ? null : java.util.Set.of(), null));
                }
                default -> {
                }
            }
            PushRun run = engine.push(integration, "RANDOM").orElseThrow();
            assertThat(run.status()).as("step %d (%s), seed %d: %s", step, action, seed, run.message()).isEqualTo("SUCCEEDED");

            Map<String, Map<String, String>> expected = new TreeMap<>();
            if (level.equals("OVERLAPPING") && partnerPopulationChosen) {
                for (Map.Entry<String, String> m : mine.entrySet()) {
                    PartnerAccount p = theirs.get(m.getKey());
                    if (p == null) {
                        continue;
                    }
                    Map<String, String> fields = new LinkedHashMap<>();
                    if (shared.contains("Industry")) {
                        fields.put("Industry", p.industry());
                    }
                    if (shared.contains("Name")) {
                        fields.put("Name", p.name());
                    }
                    expected.put(m.getValue() + ":" + b.organizationId() + ":" + partnerPop, Map.of(
                            EcosystemOverlap.ACCOUNT, m.getValue(),
                            EcosystemOverlap.PARTNER_FIELDS, DesiredState.partnerFields(fields) == null ? "" : DesiredState.partnerFields(fields)));
                }
            }
            Map<String, Map<String, String>> actual = new TreeMap<>();
            PushFixture.overlapRecords(connections, inbound).forEach((k, v) -> actual.put(k, Map.of(
                    EcosystemOverlap.ACCOUNT, v.get(EcosystemOverlap.ACCOUNT),
                    EcosystemOverlap.PARTNER_FIELDS, v.get(EcosystemOverlap.PARTNER_FIELDS) == null ? "" : v.get(EcosystemOverlap.PARTNER_FIELDS))));
            assertThat(actual).as("step %d (%s), seed %d", step, action, seed).isEqualTo(expected);
            Map<String, List<String>> accounts = PushFixture.accountFields(connections, inbound);
            for (String id : mine.values()) {
                boolean overlapped = expected.keySet().stream().anyMatch(k -> k.startsWith(id + ":"));
                if (overlapped) {
                    assertThat(accounts.get(id)).as("step %d, account fields, seed %d", step, seed).containsExactly("1", b.name());
                } else if (accounts.containsKey(id)) {
                    assertThat(accounts.get(id)).as("step %d, cleared account fields, seed %d", step, seed).containsExactly("0", null);
                }
            }
        }
    }
}
