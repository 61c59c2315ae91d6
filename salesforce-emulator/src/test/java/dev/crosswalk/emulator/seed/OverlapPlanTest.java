package dev.crosswalk.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OverlapPlanTest {

    private static OverlapPlan twoOrgs(long seed, double overlap) {
        return OverlapPlan.builder(seed).org("A", 3_000, 3_000).org("B", 2_000, 4_000).overlap(overlap).build();
    }

    /** Domains present in an org, computed by the test's own normalizer from the rendered values. */
    private static Set<String> presentDomains(OrgDataPlan org) {
        Set<String> domains = new TreeSet<>();
        org.forEachAccount(a -> DomainKeys.fromWebsite(a.website()).ifPresent(domains::add));
        org.forEachLead(l -> DomainKeys.fromEmail(l.email()).ifPresent(domains::add));
        return domains;
    }

    @Nested
    class Determinism {
        @Test
        void the_same_seed_gives_the_same_accounts_and_leads() {
            OverlapPlan p1 = twoOrgs(99, 0.2);
            OverlapPlan p2 = twoOrgs(99, 0.2);
            for (int k = 0; k < 2_000; k += 7) {
                assertThat(p1.org("B").account(k)).isEqualTo(p2.org("B").account(k));
            }
            for (int j = 0; j < 3_000; j += 7) {
                assertThat(p1.org("A").lead(j)).isEqualTo(p2.org("A").lead(j));
            }
        }

        @Test
        void random_access_equals_sequential_generation() {
            OrgDataPlan org = twoOrgs(5, 0.2).org("A");
            java.util.List<SeedLead> leads = new java.util.ArrayList<>();
            org.forEachLead(leads::add);
            assertThat(org.lead(1234)).isEqualTo(leads.get(1234));
        }

        @Test
        void another_seed_gives_other_data() {
            assertThat(twoOrgs(1, 0.2).org("A").account(0).company().domain())
                    .isNotEqualTo(twoOrgs(2, 0.2).org("A").account(0).company().domain());
        }
    }

    @Nested
    class TrueOverlap {
        @Test
        void the_report_matches_the_overlap_computed_from_the_rendered_records() {
            OverlapPlan plan = twoOrgs(2026, 0.2);
            SeedReport report = plan.report();

            Set<String> a = presentDomains(plan.org("A"));
            Set<String> b = presentDomains(plan.org("B"));
            Set<String> both = new TreeSet<>(a);
            both.retainAll(b);

            assertThat(report.domains("A")).containsExactlyElementsOf(a);
            assertThat(report.domains("B")).containsExactlyElementsOf(b);
            SeedReport.Overlap overlap = report.overlap("A", "B");
            assertThat(overlap.domains()).containsExactlyElementsOf(both);
            assertThat(overlap.count()).isEqualTo(both.size()).isEqualTo(report.overlapCount("B", "A"));
        }

        @Test
        void the_overlap_follows_the_chosen_fraction() {
            OverlapPlan plan = twoOrgs(3, 0.2);
            int overlap = plan.report().overlapCount("A", "B");
            // B shares 20% of its 2,000 accounts (400 companies) and ~20% of its lead-only companies
            // with A; messy or missing keys on either side lose some of them.
            assertThat(overlap).isBetween(400, 1_200);
            assertThat(twoOrgs(3, 0.5).report().overlapCount("A", "B")).isGreaterThan(overlap * 2);
        }

        @Test
        void orgs_without_overlap_share_no_domain() {
            assertThat(twoOrgs(4, 0.0).report().overlap("A", "B").domains()).isEmpty();
        }

        @Test
        void shared_accounts_are_the_same_companies_in_both_orgs() {
            OverlapPlan plan = twoOrgs(8, 0.2);
            Set<Long> inA = new HashSet<>();
            plan.org("A").forEachAccount(acc -> inA.add(acc.company().index()));
            Set<Long> inB = new HashSet<>();
            plan.org("B").forEachAccount(acc -> inB.add(acc.company().index()));
            inB.retainAll(inA);
            assertThat(inB).hasSize(plan.org("B").sharedAccounts()).hasSize(400);
        }

        @Test
        void three_orgs_overlap_pairwise() {
            OverlapPlan plan = OverlapPlan.builder(11).org("A", 1_000, 500).org("B", 1_000, 500).org("C", 400, 0)
                    .overlap(0.3).build();
            SeedReport report = plan.report();
            assertThat(report.overlaps()).extracting(SeedReport.Overlap::orgA, SeedReport.Overlap::orgB)
                    .hasSize(3);
            Set<String> c = presentDomains(plan.org("C"));
            Set<String> b = presentDomains(plan.org("B"));
            b.retainAll(c);
            assertThat(report.overlap("B", "C").domains()).containsExactlyElementsOf(b).isNotEmpty();
        }

        @Test
        void records_without_a_usable_key_are_counted() {
            OverlapPlan plan = twoOrgs(12, 0.2);
            SeedReport.OrgReport a = plan.report().org("A");
            int[] accountsWithout = {0};
            plan.org("A").forEachAccount(acc -> {
                if (DomainKeys.fromWebsite(acc.website()).isEmpty()) {
                    accountsWithout[0]++;
                }
            });
            int[] leadsWithout = {0};
            plan.org("A").forEachLead(l -> {
                if (DomainKeys.fromEmail(l.email()).isEmpty()) {
                    leadsWithout[0]++;
                }
            });
            assertThat(a.accountsWithoutKey()).isEqualTo(accountsWithout[0]).isPositive();
            assertThat(a.leadsWithoutKey()).isEqualTo(leadsWithout[0]).isPositive();
            assertThat(a.leadsWithoutKey()).isEqualTo(a.leadsWithPersonalEmail() + a.leadsWithoutEmail());
            assertThat(a.accounts()).isEqualTo(3_000);
            assertThat(a.leads()).isEqualTo(3_000);
        }
    }

    @Nested
    class Messiness {
        private static final Pattern PORT = Pattern.compile(".*:\\d+.*");

        private static boolean shows(WebsiteMess kind, String website) {
            String w = website == null ? null : website.trim().toLowerCase(Locale.ROOT);
            return switch (kind) {
                case CLEAN -> DomainKeys.fromWebsite(website).orElseThrow().equals(website);
                case WWW -> w.contains("www.");
                case HTTP -> w.startsWith("http://");
                case HTTPS -> w.startsWith("https://");
                case SUBDOMAIN -> Words.SUBDOMAINS.stream().anyMatch(s -> w.replaceFirst("^https?://", "").startsWith(s + "."));
                case PORT -> PORT.matcher(w.replaceFirst("^https?://", "")).matches();
                case PATH -> Words.PATHS.stream().anyMatch(w::contains);
                case TRAILING_SLASH -> w.replaceFirst("^https?://", "").matches("[^/]+/(\\?.*)?");
                case QUERY -> w.contains("?");
                case UPPER_CASE -> !website.equals(website.toLowerCase(Locale.ROOT));
                case TRAILING_DOT -> w.replaceFirst("^https?://", "").split("[/:?]")[0].endsWith(".");
                case WHITESPACE -> !website.equals(website.trim());
                case PUNYCODE -> w.contains("xn--");
                case NULL -> website == null;
                case EMPTY -> "".equals(website);
                case GARBAGE -> Words.GARBAGE_WEBSITES.contains(website);
            };
        }

        @Test
        void every_kind_of_messiness_appears_and_each_claimed_kind_is_visible_in_the_value() {
            OrgDataPlan org = OverlapPlan.demo().org("Acme Corp");
            EnumSet<WebsiteMess> seen = EnumSet.noneOf(WebsiteMess.class);
            org.forEachAccount(a -> {
                for (WebsiteMess kind : a.websiteMess()) {
                    assertThat(shows(kind, a.website())).as("%s in '%s'", kind, a.website()).isTrue();
                    seen.add(kind);
                }
            });
            assertThat(seen).containsExactlyInAnyOrder(WebsiteMess.values());
            assertThat(OverlapPlan.demo().report().org("Acme Corp").websiteMess())
                    .allSatisfy((kind, count) -> assertThat(count).as(kind.name()).isPositive());
        }

        @Test
        void the_same_company_is_rendered_independently_in_each_org() {
            OverlapPlan plan = twoOrgs(21, 0.5);
            java.util.Map<Long, String> websitesInA = new java.util.HashMap<>();
            plan.org("A").forEachAccount(a -> websitesInA.put(a.company().index(), a.website()));
            int[] shared = {0};
            int[] differ = {0};
            plan.org("B").forEachAccount(b -> {
                if (websitesInA.containsKey(b.company().index())) {
                    shared[0]++;
                    if (!java.util.Objects.equals(websitesInA.get(b.company().index()), b.website())) {
                        differ[0]++;
                    }
                }
            });
            assertThat(shared[0]).isEqualTo(1_000);
            assertThat(differ[0]).isGreaterThan(shared[0] / 2);
        }

        @Test
        void leads_have_business_personal_and_missing_emails() {
            OrgDataPlan org = OverlapPlan.demo().org("Globex");
            Set<String> personalDomains = new HashSet<>();
            Set<SeedLead.EmailKind> kinds = EnumSet.noneOf(SeedLead.EmailKind.class);
            int[] business = {0};
            org.forEachLead(l -> {
                kinds.add(l.emailKind());
                if (l.emailKind() == SeedLead.EmailKind.PERSONAL) {
                    personalDomains.add(l.email().substring(l.email().indexOf('@') + 1));
                }
                if (l.emailKind() == SeedLead.EmailKind.BUSINESS) {
                    business[0]++;
                    assertThat(l.email()).matches("[\\x21-\\x7e]+@[\\x21-\\x7e]+");
                    assertThat(DomainKeys.fromEmail(l.email())).contains(l.company().domain());
                }
            });
            assertThat(kinds).containsExactlyInAnyOrder(SeedLead.EmailKind.values());
            assertThat(personalDomains).containsExactlyInAnyOrderElementsOf(DomainKeys.PERSONAL);
            assertThat(business[0]).isGreaterThan(org.leads() * 3 / 4);
        }

        @Test
        void accounts_are_customers_prospects_and_partners() {
            Set<String> types = new HashSet<>();
            OverlapPlan.demo().org("Acme Corp").forEachAccount(a -> types.add(String.valueOf(a.type())));
            assertThat(types).containsExactlyInAnyOrder("Customer", "Prospect", "Partner", "null");
        }
    }

    @Test
    void a_plan_larger_than_the_generator_is_refused() {
        assertThatThrownBy(() -> OverlapPlan.builder(1).org("A", Integer.MAX_VALUE, 0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OverlapPlan.builder(1).org("A", 1, 0).org("A", 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
