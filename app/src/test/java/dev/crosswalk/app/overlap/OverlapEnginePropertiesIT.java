package dev.crosswalk.app.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.Generated;
import dev.crosswalk.app.Generated.Gen;
import dev.crosswalk.app.org.Member;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.org.Role;
import dev.crosswalk.app.overlap.OverlapReports.Pair;
import dev.crosswalk.app.overlap.OverlapReports.PopulationInfo;
import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.partner.PopulationSharing;
import dev.crosswalk.app.partner.SharingLevel;
import dev.crosswalk.app.partner.SharingRule;
import dev.crosswalk.app.partner.SharingService;
import dev.crosswalk.app.population.Filter;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.record.Evidence;
import dev.crosswalk.app.record.RecordKeyService;
import dev.crosswalk.app.system.CrosswalkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Database-backed properties, plain JUnit 5 tests with seeded generators ({@link Generated}: a
 * failure prints the seed that replays it) inside the shared Spring context of the integration tests:
 * incremental maintenance equals full recomputation after random sequences of inserts, website
 * and name changes, deletions, undeletions, syncs and population edits; and the PostgreSQL reports
 * equal the in-memory model (which the never-leaks property covers at scale), for random sharing.
 */
class OverlapEnginePropertiesIT extends AppIntegrationTest {
    static final List<String> WEBSITES = List.of("acme.com", "https://www.ACME.com/about", "globex.co.uk",
            "http://shop.globex.co.uk:8080/x", "jane@gmail.com", "", "initech.io");
    static final List<String> NAMES = List.of("Acme Inc", "ACME", "Globex Ltd", "Initech");
    static final List<String> TYPES = List.of("Customer", "Prospect", "Partner");

    @Autowired
    OrganizationService organizations;
    @Autowired
    PopulationService populations;
    @Autowired
    PartnershipService partnerships;
    @Autowired
    SharingService sharing;
    @Autowired
    RecordKeyService keys;
    @Autowired
    OverlapEngine engine;
    @Autowired
    OverlapReportService reports;
    @Autowired
    JdbcClient jdbc;

    private static Fixture fixture;

    record Side(TenantData tenant, MemberPrincipal admin, UUID custom) {
    }

    record Fixture(Side a, Side b, UUID partnershipId) {
        Side side(int i) {
            return i == 0 ? a : b;
        }
    }

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            Side a = side("Propa");
            Side b = side("Propb");
            UUID p = partnerships.invite(a.admin(), b.tenant().name).id();
            partnerships.accept(b.admin(), p);
            // Accepting queues both organizations' after-sync pipelines; let them finish before the steps drive the stages.
            Await.until("the pipelines queued by the acceptance", Duration.ofSeconds(60), () -> jdbc.sql(
                    "select count(*) from pipeline_request where organization_id in (?, ?) and (completed_for is null"
                            + " or completed_for < requested_at)")
                    .params(a.tenant().organizationId, b.tenant().organizationId).query(Long.class).single() == 0);
            fixture = new Fixture(a, b, p);
        }
    }

    private Side side(String name) {
        TenantData t = TenantData.create(organizations, jdbc, name);
        Member m = organizations.members(new MemberPrincipal(null, t.organizationId, t.adminEmail, Role.ADMIN, "")).get(0);
        MemberPrincipal admin = new MemberPrincipal(m.id(), t.organizationId, t.adminEmail, Role.ADMIN, "");
        UUID custom = populations.create(admin, new PopulationService.Draft("Custom", "Account",
                Filter.Condition.of("Type", Filter.Operator.EQUALS, "Customer"))).population().id();
        return new Side(t, admin, custom);
    }

    // ---- steps ----

    sealed interface Step permits Upsert, Delete, Sync, EditPopulation {
    }

    record Upsert(int side, int slot, boolean lead, int website, int name, int type) implements Step {
    }

    record Delete(int side, int slot) implements Step {
    }

    record Sync(int side) implements Step {
    }

    record EditPopulation(int side, int type) implements Step {
    }

    static List<Step> steps(Gen g) {
        Supplier<Step> upsert = () -> new Upsert(g.between(0, 1), g.between(0, 5), g.bool(), g.between(0, WEBSITES.size() - 1),
                g.between(0, NAMES.size() - 1), g.between(0, TYPES.size() - 1));
        Supplier<Step> delete = () -> new Delete(g.between(0, 1), g.between(0, 5));
        Supplier<Step> sync = () -> new Sync(g.between(0, 1));
        Supplier<Step> edit = () -> new EditPopulation(g.between(0, 1), g.between(0, TYPES.size() - 1));
        return g.listOf(0, 24, () -> g.weighted(new int[] {6, 2, 3, 1}, upsert, delete, sync, edit));
    }

    /** One try's records: slot → sf id per side and object, and what was last written. */
    private final class World {
        final Map<String, String> ids = new HashMap<>();
        final Map<String, Map<String, String>> last = new HashMap<>();
        final boolean[] dirty = new boolean[2];

        void apply(Step step) {
            if (step instanceof Upsert u) {
                    TenantData t = begin(u.side());
                    String object = u.lead() ? "Lead" : "Account";
                    String key = u.side() + "/" + object + "/" + u.slot();
                    String id = ids.computeIfAbsent(key, k -> TenantData.newSfId(u.lead() ? "00Q" : "001"));
                    Map<String, String> f = new LinkedHashMap<>();
                    f.put("Name", NAMES.get(u.name()));
                    f.put(u.lead() ? "Company" : "Type", u.lead() ? NAMES.get(u.name()) : TYPES.get(u.type()));
                    if (u.lead() && WEBSITES.get(u.website()).contains("@")) {
                        f.put("Email", WEBSITES.get(u.website()));
                    } else {
                        f.put("Website", WEBSITES.get(u.website()));
                    }
                    last.put(key, f);
                    t.put(object, id, f, false);
            } else if (step instanceof Delete d) {
                    String key = d.side() + "/Account/" + d.slot();
                    if (ids.containsKey(key)) {
                        begin(d.side()).put("Account", ids.get(key), last.get(key), true);
                    }
            } else if (step instanceof Sync s) {
                sync(s.side());
            } else if (step instanceof EditPopulation e) {
                    Side side = fixture.side(e.side());
                    populations.update(side.admin(), side.custom(), new PopulationService.Draft(null, null,
                            Filter.Condition.of("Type", Filter.Operator.EQUALS, TYPES.get(e.type()))));
            }
        }

        TenantData begin(int side) {
            TenantData t = fixture.side(side).tenant();
            if (!dirty[side]) {
                t.nextSync();
                dirty[side] = true;
            }
            return t;
        }

        /** The after-sync pipeline's stages, in their order. */
        void sync(int side) {
            TenantData t = fixture.side(side).tenant();
            keys.recompute(t.organizationId, t.integrationId);
            populations.refreshAfterSync(t.organizationId, t.integrationId);
            engine.afterKeysChanged(t.organizationId, t.integrationId);
            dirty[side] = false;
        }
    }

    private void reset(boolean nameMatching) {
        for (int i = 0; i < 2; i++) {
            TenantData t = fixture.side(i).tenant();
            jdbc.sql("delete from crm_record where integration_id = ?").param(t.integrationId).update();
            jdbc.sql("delete from record_key_checkpoint where integration_id = ?").param(t.integrationId).update();
            jdbc.sql("delete from overlap_watermark where integration_id = ?").param(t.integrationId).update();
            jdbc.sql("delete from population_member where organization_id = ?").param(t.organizationId).update();
        }
        jdbc.sql("delete from overlap_pair where partnership_id = ?").param(fixture.partnershipId()).update();
        jdbc.sql("update partnership set inviter_name_matching = ?, invitee_name_matching = ? where id = ?")
                .params(nameMatching, nameMatching, fixture.partnershipId()).update();
    }

    private Set<String> pairs() {
        return new TreeSet<>(jdbc.sql("select a_object || ':' || a_sf_id || '~' || b_object || ':' || b_sf_id || ' ' || evidence"
                + " || ' ' || matched_key from overlap_pair where partnership_id = ?").param(fixture.partnershipId())
                .query(String.class).list());
    }

    private Set<String> members() {
        return new TreeSet<>(jdbc.sql("select m.population_id || ':' || m.sf_id from population_member m where m.organization_id in (?, ?)")
                .params(fixture.a().tenant().organizationId, fixture.b().tenant().organizationId).query(String.class).list());
    }

    record Sequence(List<Step> steps, boolean nameMatching) {
    }

    @Test
    void incremental_maintenance_equals_full_recomputation() {
        Generated.forAll("incremental maintenance equals full recomputation", 120,
                g -> new Sequence(steps(g), g.bool()), this::incrementalEqualsFull);
    }

    private void incrementalEqualsFull(Sequence sequence) {
        List<Step> steps = sequence.steps();
        reset(sequence.nameMatching());
        World world = new World();
        steps.forEach(world::apply);
        world.sync(0);
        world.sync(1);
        Set<String> incrementalPairs = pairs();
        Set<String> incrementalMembers = members();

        engine.recomputeFull(fixture.partnershipId());
        populations.recomputeAll(fixture.a().tenant().organizationId);
        populations.recomputeAll(fixture.b().tenant().organizationId);
        assertThat(incrementalPairs).as("pairs").isEqualTo(pairs());
        assertThat(incrementalMembers).as("population members").isEqualTo(members());
    }

    // ---- DB reports == in-memory model ----

    record RuleChoice(SharingLevel level, Set<String> fields, boolean overrideForPartner, SharingLevel overrideLevel) {
    }

    static List<RuleChoice> ruleChoices(Gen g) {
        Supplier<RuleChoice> rule = () -> new RuleChoice(g.oneOf(SharingLevel.values()),
                g.setOf(3, () -> g.oneOf("Name", "Website", "Type", "Company")), g.bool(), g.oneOf(SharingLevel.values()));
        return g.listOf(8, 8, rule);
    }

    record Sharing(List<Step> steps, List<RuleChoice> rules) {
    }

    @Test
    void database_reports_equal_the_model_for_both_sides() {
        Generated.forAll("database reports equal the model", 40, g -> new Sharing(steps(g), ruleChoices(g)),
                this::reportsEqualModel);
    }

    private void reportsEqualModel(Sharing sharingCase) {
        List<Step> steps = sharingCase.steps();
        List<RuleChoice> rules = sharingCase.rules();
        reset(false);
        World world = new World();
        steps.forEach(world::apply);
        world.sync(0);
        world.sync(1);
        int i = 0;
        for (int s = 0; s < 2; s++) {
            Side owner = fixture.side(s);
            UUID partnerOrg = fixture.side(1 - s).tenant().organizationId;
            for (UUID pop : populations.idsByName(owner.tenant().organizationId).values()) {
                RuleChoice c = rules.get(i++ % rules.size());
                Map<String, Set<String>> fields = Map.of("Account", c.fields().stream().filter(f -> !f.equals("Company"))
                        .collect(Collectors.toSet()));
                sharing.setDefault(owner.admin(), pop, new SharingRule(c.level(), fields));
                if (c.overrideForPartner()) {
                    sharing.setOverride(owner.admin(), pop, partnerOrg, new SharingRule(c.overrideLevel(), fields));
                } else {
                    sharing.removeOverride(owner.admin(), pop, partnerOrg);
                }
            }
        }
        InMemoryReports model = model();
        Partnership p = partnerships.find(fixture.a().tenant().organizationId, fixture.partnershipId());
        for (int s = 0; s < 2; s++) {
            UUID viewer = fixture.side(s).tenant().organizationId;
            UUID partner = fixture.side(1 - s).tenant().organizationId;
            assertThat(reports.matrix(viewer, p.id())).isEqualTo(model.matrix(p, viewer));
            for (UUID mine : populations.idsByName(viewer).values()) {
                for (UUID theirs : populations.idsByName(partner).values()) {
                    assertThat(outcome(() -> reports.overlaps(viewer, p.id(), mine, theirs, 500, 0)))
                            .isEqualTo(outcome(() -> model.overlaps(p, viewer, mine, theirs)));
                    assertThat(outcome(() -> reports.greenfield(viewer, p.id(), theirs, 500, 0)))
                            .isEqualTo(outcome(() -> model.greenfield(p, viewer, theirs)));
                }
            }
        }
    }

    private static Object outcome(Supplier<Object> call) {
        try {
            return call.get();
        } catch (CrosswalkException e) {
            return e.code();
        }
    }

    /** The model's inputs, read back from the tables the reports read. */
    private InMemoryReports model() {
        List<PopulationInfo> pops = new ArrayList<>();
        Map<UUID, PopulationSharing> rules = new HashMap<>();
        for (int s = 0; s < 2; s++) {
            UUID org = fixture.side(s).tenant().organizationId;
            populations.populations(org).forEach(x -> pops.add(new PopulationInfo(x.id(), org, x.name(), x.baseObject())));
            sharing.sharingOf(org).forEach(x -> rules.put(x.populationId(), x));
        }
        Map<UUID, Set<RecordRef>> members = new HashMap<>();
        jdbc.sql("select population_id, organization_id, integration_id, object, sf_id from population_member where organization_id in (?, ?)")
                .params(fixture.a().tenant().organizationId, fixture.b().tenant().organizationId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new RecordRef(rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5).trim())))
                .list().forEach(e -> members.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        Map<RecordRef, Map<String, String>> records = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        jdbc.sql("select organization_id, integration_id, object, sf_id, fields::text from crm_record where organization_id in (?, ?)")
                .params(fixture.a().tenant().organizationId, fixture.b().tenant().organizationId)
                .query((rs, n) -> Map.entry(new RecordRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4).trim()), rs.getString(5)))
                .list().forEach(e -> records.put(e.getKey(), json.readValue(e.getValue(),
                        new tools.jackson.core.type.TypeReference<Map<String, String>>() {
                        })));
        UUID a = fixture.a().tenant().organizationId;
        UUID b = fixture.b().tenant().organizationId;
        List<Pair> pairs = jdbc.sql("select a_integration_id, a_object, a_sf_id, b_integration_id, b_object, b_sf_id, evidence, matched_key"
                        + " from overlap_pair where partnership_id = ?").param(fixture.partnershipId())
                .query((rs, n) -> new Pair(new RecordRef(a, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3).trim()),
                        new RecordRef(b, rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6).trim()),
                        Evidence.valueOf(rs.getString(7)), rs.getString(8)))
                .list();
        return new InMemoryReports(pops, rules, members, Map.of(fixture.partnershipId(), pairs), records);
    }
}
