package dev.crosswalk.emulator.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to seed: several orgs, each with N accounts and M leads, drawn from one deterministic
 * company sequence so that a chosen fraction of each org's companies also appear in the
 * other orgs.
 *
 * <p>Company layout (indexes into {@link CompanyGenerator}): a common account segment, a common
 * lead-company segment, then each org's private accounts and private lead companies. Org
 * {@code i} takes the first {@code round(overlap × accounts_i)} common account companies and
 * {@code round(overlap × leadCompanies_i)} common lead companies, so any two orgs share
 * {@code min(shared_i, shared_j)} of each. Whether a shared company actually yields a matching
 * key in both orgs depends on the messy rendering; {@link SeedReport} reports the truth.
 */
public final class OverlapPlan {
    /** The plan the {@code demo} seed uses. */
    public static final long DEMO_SEED = 20_260_101L;

    private final long seed;
    private final double overlap;
    private final double leadsAtAccounts;
    private final CompanyGenerator companies;
    private final List<OrgDataPlan> orgs;
    private final long poolSize;

    private OverlapPlan(Builder b) {
        this.seed = b.seed;
        this.overlap = b.overlap;
        this.leadsAtAccounts = b.leadsAtAccounts;
        this.companies = new CompanyGenerator(seed);

        int n = b.names.size();
        int[] sharedAccounts = new int[n];
        int[] leadCompanies = new int[n];
        int[] sharedLeadCompanies = new int[n];
        long commonAccounts = 0;
        long commonLeads = 0;
        for (int i = 0; i < n; i++) {
            int accounts = b.accounts.get(i);
            int leads = b.leads.get(i);
            sharedAccounts[i] = (int) Math.round(overlap * accounts);
            double leadOnlyShare = accounts == 0 ? 1.0 : 1.0 - leadsAtAccounts;
            // About 1.5 leads per lead-only company: some companies have several leads.
            leadCompanies[i] = leads == 0 ? 0 : (int) Math.max(1, Math.round(leads * leadOnlyShare / 1.5));
            sharedLeadCompanies[i] = (int) Math.round(overlap * leadCompanies[i]);
            commonAccounts = Math.max(commonAccounts, sharedAccounts[i]);
            commonLeads = Math.max(commonLeads, sharedLeadCompanies[i]);
        }
        long next = commonAccounts + commonLeads;
        List<OrgDataPlan> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long privateAccountStart = next;
            next += b.accounts.get(i) - sharedAccounts[i];
            long privateLeadStart = next;
            next += leadCompanies[i] - sharedLeadCompanies[i];
            list.add(new OrgDataPlan(this, i, b.names.get(i), b.accounts.get(i), b.leads.get(i), sharedAccounts[i],
                    commonAccounts, leadCompanies[i], sharedLeadCompanies[i], privateAccountStart, privateLeadStart));
        }
        if (next > companies.capacity()) {
            throw new IllegalArgumentException("plan needs " + next + " companies; the generator has " + companies.capacity());
        }
        this.poolSize = next;
        this.orgs = List.copyOf(list);
    }

    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** The demo seed's data: "Acme Corp" and "Globex", 5,000 accounts and 5,000 leads each, 20% overlap. */
    public static OverlapPlan demo() {
        return builder(DEMO_SEED).org("Acme Corp", 5_000, 5_000).org("Globex", 5_000, 5_000).overlap(0.2).build();
    }

    public long seed() { return seed; }
    public double overlap() { return overlap; }
    public double leadsAtAccounts() { return leadsAtAccounts; }
    public CompanyGenerator companies() { return companies; }
    public List<OrgDataPlan> orgs() { return orgs; }
    /** How many company indexes the plan uses: every index it hands out is below this. */
    public long poolSize() { return poolSize; }

    public OrgDataPlan org(String name) {
        return orgs.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no org " + name + " in the plan"));
    }

    /** Generates every record (without storing any) and reports the true overlap. */
    public SeedReport report() {
        SeedReport.Collector collector = new SeedReport.Collector(this);
        for (OrgDataPlan org : orgs) {
            SeedReport.OrgTally tally = collector.org(org);
            org.forEachAccount(tally::account);
            org.forEachLead(tally::lead);
        }
        return collector.build();
    }

    public static final class Builder {
        private final long seed;
        private final List<String> names = new ArrayList<>();
        private final List<Integer> accounts = new ArrayList<>();
        private final List<Integer> leads = new ArrayList<>();
        private double overlap = 0.2;
        private double leadsAtAccounts = 0.3;

        private Builder(long seed) {
            this.seed = seed;
        }

        public Builder org(String name, int accountCount, int leadCount) {
            Objects.requireNonNull(name, "name");
            if (names.contains(name)) {
                throw new IllegalArgumentException("org " + name + " twice in the plan");
            }
            if (accountCount < 0 || leadCount < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
            names.add(name);
            accounts.add(accountCount);
            leads.add(leadCount);
            return this;
        }

        /** Fraction (0..1) of each org's account companies and lead-only companies drawn from the shared pool. */
        public Builder overlap(double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("overlap must be between 0 and 1");
            }
            overlap = fraction;
            return this;
        }

        /** Share (0..1) of an org's leads who work at one of that org's account companies. */
        public Builder leadsAtAccounts(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("leadsAtAccounts must be between 0 and 1");
            }
            leadsAtAccounts = share;
            return this;
        }

        public OverlapPlan build() {
            return new OverlapPlan(this);
        }
    }
}
