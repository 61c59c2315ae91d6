package dev.crosswalk.app.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.app.Generated;
import dev.crosswalk.app.Generated.Gen;
import dev.crosswalk.app.overlap.OverlapReports.Column;
import dev.crosswalk.app.overlap.OverlapReports.GreenfieldRow;
import dev.crosswalk.app.overlap.OverlapReports.Matrix;
import dev.crosswalk.app.overlap.OverlapReports.OverlapRow;
import dev.crosswalk.app.overlap.OverlapReports.Pair;
import dev.crosswalk.app.overlap.OverlapReports.PopulationInfo;
import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipStatus;
import dev.crosswalk.app.partner.PopulationSharing;
import dev.crosswalk.app.partner.SharingLevel;
import dev.crosswalk.app.partner.SharingRule;
import dev.crosswalk.app.record.Evidence;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Never leaks, over generated situations: three organizations (A partnered with B and with C),
 * random populations, sharing defaults and per-partner overrides, statuses (pending, declined,
 * revoked, accepted) with stale pairs left in place, and records. Whatever the viewer asks, it
 * never sees a hidden population's name or count, a row under counts only, a field not chosen,
 * anything through a partnership that is not accepted, or another tenant's data. The oracle is
 * written here, independently of SharingPolicy. Seeded JUnit generators ({@link Generated}): a failure
 * prints the seed that replays it.
 */
class NeverLeaksPropertiesTest {
    static final List<String> FIELDS = List.of("Name", "Website", "Type", "Secret");
    static final UUID[] ORGS = {new UUID(0, 1), new UUID(0, 2), new UUID(0, 3)};
    static final UUID INTEGRATION = new UUID(9, 9);

    record RuleSpec(SharingLevel level, Set<String> accountFields, Set<String> leadFields) {
        SharingRule rule() {
            return new SharingRule(level, Map.of("Account", accountFields, "Lead", leadFields));
        }

        Set<String> fieldsOf(String object) {
            return object.equals("Account") ? accountFields : leadFields;
        }
    }

    record OverrideSpec(int partner, RuleSpec rule) {
    }

    record PopSpec(int org, boolean lead, RuleSpec defaults, List<OverrideSpec> overrides) {
    }

    record RecSpec(int org, boolean lead, int domain, Set<Integer> memberOf) {
    }

    record Situation(PartnershipStatus withB, PartnershipStatus withC, List<PopSpec> populations, List<RecSpec> records, int viewer,
            boolean asksAboutB) {
    }

    static Situation situation(Gen g) {
        Supplier<Set<String>> fields = () -> g.setOf(4, () -> g.oneOf(FIELDS));
        Supplier<RuleSpec> rules = () -> new RuleSpec(g.oneOf(SharingLevel.values()), fields.get(), fields.get());
        Supplier<OverrideSpec> overrides = () -> new OverrideSpec(g.between(0, 2), rules.get());
        Supplier<PopSpec> pops = () -> new PopSpec(g.between(0, 2), g.bool(), rules.get(), g.listOf(0, 2, overrides));
        Supplier<RecSpec> recs = () -> new RecSpec(g.between(0, 2), g.bool(), g.between(0, 3), g.setOf(4, () -> g.between(0, 7)));
        return new Situation(g.oneOf(PartnershipStatus.values()), g.oneOf(PartnershipStatus.values()), g.listOf(1, 8, pops),
                g.listOf(0, 16, recs), g.between(0, 2), g.bool());
    }

    /** The situation as report inputs. */
    record Built(InMemoryReports reports, Partnership withB, Partnership withC, List<PopulationInfo> pops, Map<UUID, PopSpec> specs,
            Map<UUID, Set<RecordRef>> members) {
    }

    static Built build(Situation s) {
        Partnership withB = new Partnership(new UUID(1, 1), ORGS[0], ORGS[1], s.withB(), false, false, Instant.EPOCH, null, null, 0);
        Partnership withC = new Partnership(new UUID(1, 2), ORGS[0], ORGS[2], s.withC(), false, false, Instant.EPOCH, null, null, 0);
        List<PopulationInfo> pops = new ArrayList<>();
        Map<UUID, PopSpec> specs = new HashMap<>();
        Map<UUID, PopulationSharing> sharing = new HashMap<>();
        for (int i = 0; i < s.populations().size(); i++) {
            PopSpec ps = s.populations().get(i);
            UUID id = new UUID(2, i);
            String object = ps.lead() ? "Lead" : "Account";
            pops.add(new PopulationInfo(id, ORGS[ps.org()], "pop-" + i + "-o" + ps.org(), object));
            specs.put(id, ps);
            Map<UUID, SharingRule> overrides = new HashMap<>();
            ps.overrides().forEach(o -> overrides.put(ORGS[o.partner()], o.rule().rule()));
            sharing.put(id, new PopulationSharing(id, object, ps.defaults().rule(), overrides));
        }
        Map<UUID, Set<RecordRef>> members = new HashMap<>();
        Map<RecordRef, Map<String, String>> records = new HashMap<>();
        List<RecordRef> refs = new ArrayList<>();
        for (int i = 0; i < s.records().size(); i++) {
            RecSpec r = s.records().get(i);
            String object = r.lead() ? "Lead" : "Account";
            RecordRef ref = new RecordRef(ORGS[r.org()], new UUID(3, r.org()), object, String.format("r%02d-o%d", i, r.org()));
            refs.add(ref);
            records.put(ref, Map.of("Name", "name" + i + "-o" + r.org(), "Website", "d" + r.domain() + ".example", "Type",
                    "type-o" + r.org(), "Secret", "secret" + i + "-o" + r.org()));
            for (int p : r.memberOf()) {
                if (p < pops.size() && pops.get(p).organizationId().equals(ref.organizationId())
                        && pops.get(p).baseObject().equals(object)) {
                    members.computeIfAbsent(pops.get(p).id(), k -> new HashSet<>()).add(ref);
                }
            }
        }
        Map<UUID, List<Pair>> pairs = new HashMap<>();
        for (Partnership p : List.of(withB, withC)) {
            List<Pair> list = new ArrayList<>();
            for (int i = 0; i < refs.size(); i++) {
                for (int j = 0; j < refs.size(); j++) {
                    RecordRef a = refs.get(i);
                    RecordRef b = refs.get(j);
                    if (a.organizationId().equals(p.inviterOrgId()) && b.organizationId().equals(p.inviteeOrgId())
                            && s.records().get(i).domain() == s.records().get(j).domain()) {
                        // Pairs stay even when the partnership is not accepted: reports must refuse by status alone.
                        list.add(new Pair(a, b, Evidence.DOMAIN, "d" + s.records().get(i).domain() + ".example"));
                    }
                }
            }
            pairs.put(p.id(), list);
        }
        return new Built(new InMemoryReports(pops, sharing, members, pairs, records), withB, withC, pops, specs, members);
    }

    /** The oracle: the rule the owner set for this viewer, without SharingPolicy. */
    static RuleSpec expectedRule(PopSpec spec, int viewer) {
        RuleSpec rule = spec.defaults();
        for (OverrideSpec o : spec.overrides()) {
            if (o.partner() == viewer) {
                rule = o.rule();
            }
        }
        return rule;
    }

    @Test
    void a_partner_never_sees_more_than_it_was_shared() {
        Generated.forAll("a partner never sees more than it was shared", 10_000, NeverLeaksPropertiesTest::situation,
                NeverLeaksPropertiesTest::neverLeaks);
    }

    static void neverLeaks(Situation s) {
        Built b = build(s);
        Partnership p = s.asksAboutB() ? b.withB() : b.withC();
        UUID viewer = ORGS[s.viewer()];
        if (!p.involves(viewer)) {
            assertThatThrownBy(() -> b.reports().matrix(p, viewer)).isInstanceOf(CrosswalkException.class)
                    .satisfies(e -> assertThat(((CrosswalkException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
            return;
        }
        UUID partnerOrg = p.partnerOf(viewer);
        int partner = partnerOrg.equals(ORGS[0]) ? 0 : partnerOrg.equals(ORGS[1]) ? 1 : 2;
        int third = 3 - s.viewer() - partner;
        boolean active = p.status() == PartnershipStatus.ACCEPTED;

        Matrix m = b.reports().matrix(p, viewer);
        String text = m.toString();
        Set<UUID> shownColumns = m.columns().stream().map(Column::populationId).collect(Collectors.toSet());
        for (PopulationInfo pop : b.pops()) {
            PopSpec spec = b.specs().get(pop.id());
            boolean partnersPop = pop.organizationId().equals(partnerOrg);
            boolean mayKnow = active && partnersPop && expectedRule(spec, s.viewer()).level() != SharingLevel.HIDDEN;
            assertThat(shownColumns.contains(pop.id())).as("column %s", pop.name()).isEqualTo(mayKnow);
            if (!pop.organizationId().equals(viewer) && !mayKnow) {
                assertThat(text).as("the matrix names a population it must not").doesNotContain(pop.name() + ",")
                        .doesNotContain(pop.id().toString());
            }
        }
        assertThat(text).doesNotContain("-o" + third);

        for (PopulationInfo mine : b.pops().stream().filter(x -> x.organizationId().equals(viewer)).toList()) {
            for (PopulationInfo theirs : b.pops().stream().filter(x -> !x.organizationId().equals(viewer)).toList()) {
                RuleSpec rule = expectedRule(b.specs().get(theirs.id()), s.viewer());
                boolean visible = active && theirs.organizationId().equals(partnerOrg);
                SharingLevel level = visible ? rule.level() : SharingLevel.HIDDEN;
                switch (level) {
                    case HIDDEN -> expectRefused(() -> b.reports().overlaps(p, viewer, mine.id(), theirs.id()), ErrorCode.NOT_FOUND);
                    case COUNTS_ONLY -> expectRefused(() -> b.reports().overlaps(p, viewer, mine.id(), theirs.id()), ErrorCode.FORBIDDEN);
                    case OVERLAPPING, ALL -> {
                        for (OverlapRow row : b.reports().overlaps(p, viewer, mine.id(), theirs.id())) {
                            assertThat(rule.fieldsOf(theirs.baseObject())).containsAll(row.partnerFields().keySet());
                            assertThat(row.partnerFields().toString()).doesNotContain("-o" + third).doesNotContain("-o" + s.viewer());
                            assertThat(row.toString()).doesNotContain("-o" + third);
                        }
                    }
                }
                if (level == SharingLevel.ALL) {
                    for (GreenfieldRow row : b.reports().greenfield(p, viewer, theirs.id())) {
                        assertThat(rule.fieldsOf(theirs.baseObject())).containsAll(row.partnerFields().keySet());
                        assertThat(row.partnerFields().toString()).doesNotContain("-o" + third).doesNotContain("-o" + s.viewer());
                    }
                } else {
                    expectRefused(() -> b.reports().greenfield(p, viewer, theirs.id()),
                            level == SharingLevel.HIDDEN ? ErrorCode.NOT_FOUND : ErrorCode.FORBIDDEN);
                }
            }
        }
    }

    @Test
    void counts_are_the_overlapping_records_of_mine_in_each_visible_pair() {
        Generated.forAll("counts are the overlapping records of mine", 2_000, NeverLeaksPropertiesTest::situation,
                NeverLeaksPropertiesTest::countsMatch);
    }

    static void countsMatch(Situation s) {
        Built b = build(s);
        Partnership p = s.asksAboutB() ? b.withB() : b.withC();
        UUID viewer = p.inviterOrgId();
        Matrix m = b.reports().matrix(p, viewer);
        for (OverlapReports.Cell c : m.cells()) {
            Set<RecordRef> mine = b.members().getOrDefault(c.myPopulationId(), Set.of());
            Set<RecordRef> theirs = b.members().getOrDefault(c.partnerPopulationId(), Set.of());
            long expected = mine.stream().filter(r -> theirs.stream().anyMatch(t -> sameDomain(b, r, t))).count();
            assertThat(c.overlaps()).isEqualTo(expected);
        }
    }

    private static boolean sameDomain(Built b, RecordRef r, RecordRef t) {
        return b.reports().records().get(r).get("Website").equals(b.reports().records().get(t).get("Website"));
    }

    private static void expectRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOf(CrosswalkException.class)
                .satisfies(e -> assertThat(((CrosswalkException) e).code()).isEqualTo(code));
    }
}
