package dev.crosswalk.emulator.seed;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The truth about what a plan generated, for tests and benchmarks to compare against: per org,
 * which canonical domains are present (as a usable Account Website or a Lead's business email
 * domain) and how many records carry no usable key; per pair of orgs, the domains present in both.
 *
 * <p>Presence is kept as one bit per company index (one domain per company), so even a
 * multi-million-record report is a few hundred kilobytes; domain strings are produced only when
 * asked for.
 */
public final class SeedReport {
    private final long seed;
    private final double overlapFraction;
    private final CompanyGenerator companies;
    private final List<OrgReport> orgs;
    private final List<BitSet> presence;

    private SeedReport(long seed, double overlapFraction, CompanyGenerator companies, List<OrgReport> orgs,
                       List<BitSet> presence) {
        this.seed = seed;
        this.overlapFraction = overlapFraction;
        this.companies = companies;
        this.orgs = List.copyOf(orgs);
        this.presence = List.copyOf(presence);
    }

    /**
     * Counts for one org.
     *
     * @param accountsWithoutKey accounts whose Website is null, empty or garbage
     * @param leadsWithoutKey    leads with a personal email or none
     * @param distinctDomains    canonical domains present in the org
     * @param websiteMess        how many accounts carry each kind of website messiness
     */
    public record OrgReport(String org, int accounts, int leads, int accountsWithoutKey, int leadsWithoutKey,
                            int leadsWithPersonalEmail, int leadsWithoutEmail, int distinctDomains,
                            Map<WebsiteMess, Integer> websiteMess) {
        public OrgReport {
            websiteMess = Collections.unmodifiableMap(new EnumMap<>(websiteMess));
        }
    }

    /** The canonical domains present in both orgs. */
    public record Overlap(String orgA, String orgB, int count, SortedSet<String> domains) {
    }

    public long seed() { return seed; }
    public double overlapFraction() { return overlapFraction; }
    public List<OrgReport> orgs() { return orgs; }

    public OrgReport org(String name) {
        return orgs.get(indexOf(name));
    }

    /** The number of canonical domains present in both orgs (cheap: no strings built). */
    public int overlapCount(String orgA, String orgB) {
        BitSet both = (BitSet) presence.get(indexOf(orgA)).clone();
        both.and(presence.get(indexOf(orgB)));
        return both.cardinality();
    }

    /** The true overlap of two orgs, with its domains. */
    public Overlap overlap(String orgA, String orgB) {
        BitSet both = (BitSet) presence.get(indexOf(orgA)).clone();
        both.and(presence.get(indexOf(orgB)));
        return new Overlap(orgA, orgB, both.cardinality(), domains(both));
    }

    /** Every pair of orgs, in plan order. */
    public List<Overlap> overlaps() {
        List<Overlap> list = new ArrayList<>();
        for (int i = 0; i < orgs.size(); i++) {
            for (int j = i + 1; j < orgs.size(); j++) {
                list.add(overlap(orgs.get(i).org(), orgs.get(j).org()));
            }
        }
        return list;
    }

    /** The canonical domains present in one org. */
    public SortedSet<String> domains(String org) {
        return domains(presence.get(indexOf(org)));
    }

    private SortedSet<String> domains(BitSet bits) {
        TreeSet<String> set = new TreeSet<>();
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            set.add(companies.domain(i));
        }
        return Collections.unmodifiableSortedSet(set);
    }

    private int indexOf(String name) {
        for (int i = 0; i < orgs.size(); i++) {
            if (orgs.get(i).org().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no org " + name + " in the report");
    }

    /** Accumulates a report while records are generated (or loaded), in one pass. */
    public static final class Collector {
        private final OverlapPlan plan;
        private final List<OrgTally> tallies = new ArrayList<>();

        public Collector(OverlapPlan plan) {
            this.plan = plan;
        }

        /** Starts the tally of one org; feed it every account and lead of that org exactly once. */
        public OrgTally org(OrgDataPlan org) {
            OrgTally tally = new OrgTally(org.name(), plan.poolSize());
            tallies.add(tally);
            return tally;
        }

        public SeedReport build() {
            List<OrgReport> reports = new ArrayList<>();
            List<BitSet> presence = new ArrayList<>();
            for (OrgTally t : tallies) {
                Map<WebsiteMess, Integer> mess = new EnumMap<>(WebsiteMess.class);
                for (WebsiteMess m : WebsiteMess.values()) {
                    mess.put(m, t.mess[m.ordinal()]);
                }
                reports.add(new OrgReport(t.org, t.accounts, t.leads, t.accountsWithoutKey, t.leadsWithoutKey,
                        t.personal, t.noEmail, t.present.cardinality(), mess));
                presence.add(t.present);
            }
            return new SeedReport(plan.seed(), plan.overlap(), plan.companies(), reports, presence);
        }
    }

    /** The running counts of one org. */
    public static final class OrgTally {
        private final String org;
        private final BitSet present;
        private final int[] mess = new int[WebsiteMess.values().length];
        private int accounts;
        private int leads;
        private int accountsWithoutKey;
        private int leadsWithoutKey;
        private int personal;
        private int noEmail;

        private OrgTally(String org, long poolSize) {
            this.org = org;
            this.present = new BitSet((int) Math.min(Integer.MAX_VALUE, poolSize));
        }

        public void account(SeedAccount a) {
            accounts++;
            int kinds = a.websiteKinds();
            while (kinds != 0) {
                int bit = Integer.numberOfTrailingZeros(kinds);
                mess[bit]++;
                kinds &= kinds - 1;
            }
            if (a.hasKey()) {
                present.set(Math.toIntExact(a.company().index()));
            } else {
                accountsWithoutKey++;
            }
        }

        public void lead(SeedLead l) {
            leads++;
            switch (l.emailKind()) {
                case BUSINESS -> present.set(Math.toIntExact(l.company().index()));
                case PERSONAL -> {
                    personal++;
                    leadsWithoutKey++;
                }
                case NONE -> {
                    noEmail++;
                    leadsWithoutKey++;
                }
            }
        }
    }
}
