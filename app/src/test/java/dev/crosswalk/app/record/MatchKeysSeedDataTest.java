package dev.crosswalk.app.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.seed.OrgDataPlan;
import dev.crosswalk.emulator.seed.OverlapPlan;
import dev.crosswalk.emulator.seed.SeedAccount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The emulator's demo seed renders each company's domain the messy ways CRMs hold it and records
 * which rendering it chose: every rendering that carries the domain must give back exactly the
 * company's registrable domain, and every other none — so the demo's overlaps are exact.
 */
class MatchKeysSeedDataTest {
    private final MatchKeys keys = MatchKeys.standard();
    private final OverlapPlan plan = OverlapPlan.demo();

    @Test
    void every_seeded_account_website_gives_its_company_domain_or_no_key_when_it_carries_none() {
        List<String> wrong = new ArrayList<>();
        for (OrgDataPlan org : plan.orgs()) {
            org.forEachAccount(a -> {
                KeyResult k = keys.website(a.website());
                String expected = a.hasKey() ? a.company().asciiDomain() : null;
                if (!java.util.Objects.equals(k.keyOrNull(), expected)) {
                    wrong.add(org.name() + " " + a.website() + " " + a.websiteMess() + " -> " + k + ", expected " + expected);
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void seeded_leads_are_keyed_by_business_emails_only() {
        List<String> wrong = new ArrayList<>();
        for (OrgDataPlan org : plan.orgs()) {
            org.forEachLead(l -> {
                KeyResult k = keys.keys(null, l.email(), l.companyName()).domain();
                String expected = l.hasKey() ? l.company().asciiDomain() : null;
                KeyReason reason = switch (l.emailKind()) {
                    case BUSINESS -> KeyReason.EMAIL;
                    case PERSONAL -> KeyReason.PERSONAL_DOMAIN;
                    case NONE -> KeyReason.BLANK;
                };
                if (!java.util.Objects.equals(k.keyOrNull(), expected) || k.reason() != reason) {
                    wrong.add(org.name() + " " + l.email() + " -> " + k + ", expected " + expected);
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_two_demo_orgs_share_the_planned_accounts_by_domain() {
        OrgDataPlan acme = plan.orgs().get(0);
        OrgDataPlan globex = plan.orgs().get(1);
        Set<String> acmeDomains = accountDomains(acme);
        Set<String> globexDomains = accountDomains(globex);
        Set<String> expected = new HashSet<>();
        globex.forEachAccount(a -> {
            if (a.hasKey()) {
                expected.add(a.company().asciiDomain());
            }
        });
        Set<String> acmeExpected = new HashSet<>();
        acme.forEachAccount(a -> {
            if (a.hasKey()) {
                acmeExpected.add(a.company().asciiDomain());
            }
        });
        expected.retainAll(acmeExpected);
        Set<String> shared = new HashSet<>(acmeDomains);
        shared.retainAll(globexDomains);
        assertThat(shared).isEqualTo(expected);
        // 20% of 5,000 shared, less the ~10% of websites on either side that carry no domain.
        assertThat(shared.size()).isBetween(700, 1000);
    }

    private Set<String> accountDomains(OrgDataPlan org) {
        Set<String> out = new HashSet<>();
        org.forEachAccount((SeedAccount a) -> keys.website(a.website()).key().ifPresent(out::add));
        return out;
    }
}
