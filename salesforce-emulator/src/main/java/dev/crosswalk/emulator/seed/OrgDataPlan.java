package dev.crosswalk.emulator.seed;

import dev.crosswalk.emulator.model.StandardSchema;
import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The accounts and leads of one org in an {@link OverlapPlan}. Every record is computed from
 * (seed, org position, record ordinal) alone: random access, nothing held in memory, the same
 * data on every run.
 */
public final class OrgDataPlan {
    private static final String CUSTOMER = "Customer";
    private static final String PROSPECT = "Prospect";
    private static final String PARTNER = "Partner";
    private static final long ACCOUNT_STREAM = 1;
    private static final long LEAD_STREAM = 2;

    static {
        // The types must be real picklist values of the standard schema.
        if (!StandardSchema.ACCOUNT_TYPES.containsAll(java.util.List.of(CUSTOMER, PROSPECT, PARTNER))) {
            throw new IllegalStateException("account types missing from StandardSchema");
        }
    }

    private final OverlapPlan plan;
    private final int position;
    private final String name;
    private final int accounts;
    private final int leads;
    private final int sharedAccounts;
    private final long commonAccounts;
    private final int leadCompanies;
    private final int sharedLeadCompanies;
    private final long privateAccountStart;
    private final long privateLeadStart;
    private final long permMultiplier;
    private final long permOffset;

    OrgDataPlan(OverlapPlan plan, int position, String name, int accounts, int leads, int sharedAccounts,
                long commonAccounts, int leadCompanies, int sharedLeadCompanies, long privateAccountStart,
                long privateLeadStart) {
        this.plan = plan;
        this.position = position;
        this.name = name;
        this.accounts = accounts;
        this.leads = leads;
        this.sharedAccounts = sharedAccounts;
        this.commonAccounts = commonAccounts;
        this.leadCompanies = leadCompanies;
        this.sharedLeadCompanies = sharedLeadCompanies;
        this.privateAccountStart = privateAccountStart;
        this.privateLeadStart = privateLeadStart;
        // An affine permutation of the account ordinals spreads the shared companies through the
        // org instead of putting them all first.
        long key = Mix.key(plan.seed(), position, 0x5045524DL, 0);
        long n = Math.max(1, accounts);
        long a = Math.floorMod(key, n) | 1;
        while (gcd(a, n) != 1) {
            a += 2;
        }
        this.permMultiplier = a % n == 0 ? 1 : a % n;
        this.permOffset = Math.floorMod(Mix.mix64(key), n);
    }

    public String name() { return name; }
    /** Position of this org in its plan. */
    public int position() { return position; }
    public int accounts() { return accounts; }
    public int leads() { return leads; }
    /** How many of this org's accounts are companies from the shared pool. */
    public int sharedAccounts() { return sharedAccounts; }
    public OverlapPlan plan() { return plan; }

    /** The company index of account {@code k}. */
    public long accountCompanyIndex(int k) {
        if (k < 0 || k >= accounts) {
            throw new IndexOutOfBoundsException(k);
        }
        long slot = (permMultiplier * k + permOffset) % accounts;
        return slot < sharedAccounts ? slot : privateAccountStart + (slot - sharedAccounts);
    }

    public SeedAccount account(int k) {
        Company c = plan.companies().company(accountCompanyIndex(k));
        SplittableRandom r = new SplittableRandom(Mix.key(plan.seed(), position, k, ACCOUNT_STREAM));
        WebsiteRenderer.Rendered website = WebsiteRenderer.render(c.domain(), c.idn(), r);
        String accountName = switch (r.nextInt(20)) {
            case 0 -> c.brand().toUpperCase(Locale.ROOT);
            case 1 -> c.brand() + " (" + c.city() + ")";
            case 2, 3, 4, 5, 6, 7 -> c.brand();
            default -> c.name();
        };
        int t = r.nextInt(100);
        String type = t < 40 ? CUSTOMER : t < 85 ? PROSPECT : t < 95 ? PARTNER : null;
        String phone = r.nextInt(10) < 7 ? plan.companies().phone(c) : null;
        return new SeedAccount(k, c, accountName, website.value(), website.kinds(), type, phone, r.nextInt(1 << 16));
    }

    public SeedLead lead(int j) {
        if (j < 0 || j >= leads) {
            throw new IndexOutOfBoundsException(j);
        }
        SplittableRandom r = new SplittableRandom(Mix.key(plan.seed(), position, j, LEAD_STREAM));
        long companyIndex;
        if (accounts > 0 && r.nextDouble() < plan.leadsAtAccounts()) {
            companyIndex = accountCompanyIndex(r.nextInt(accounts));
        } else {
            int slot = r.nextInt(leadCompanies);
            companyIndex = slot < sharedLeadCompanies ? commonAccounts + slot : privateLeadStart + (slot - sharedLeadCompanies);
        }
        Company c = plan.companies().company(companyIndex);
        int firstIndex = r.nextInt(Words.FIRST_NAMES.size());
        int lastIndex = r.nextInt(Words.LAST_NAMES.size());
        String first = Words.FIRST_NAMES.get(firstIndex);
        String last = Words.LAST_NAMES.get(lastIndex);
        String firstAscii = FIRST_ASCII[firstIndex];
        String lastAscii = LAST_ASCII[lastIndex];
        String companyName = r.nextInt(10) < 6 ? c.brand() : c.name();

        int e = r.nextInt(100);
        SeedLead.EmailKind kind = e < 4 ? SeedLead.EmailKind.NONE : e < 16 ? SeedLead.EmailKind.PERSONAL : SeedLead.EmailKind.BUSINESS;
        String email = switch (kind) {
            case NONE -> null;
            case PERSONAL -> localPart(firstAscii, lastAscii, r) + (r.nextBoolean() ? String.valueOf(r.nextInt(100)) : "") + "@"
                    + CompanyGenerator.pick(r, Words.PERSONAL_EMAIL_DOMAINS);
            case BUSINESS -> businessEmail(firstAscii, lastAscii, c, r);
        };
        String title = r.nextInt(10) == 0 ? null : CompanyGenerator.pick(r, Words.TITLES);
        int s = r.nextInt(100);
        String status = StandardSchema.LEAD_STATUSES.get(s < 50 ? 0 : s < 80 ? 1 : 3);
        String source = CompanyGenerator.pick(r, StandardSchema.LEAD_SOURCES);
        return new SeedLead(j, c, companyName, first, last, email, kind, title, status, source, r.nextInt(1 << 16));
    }

    public void forEachAccount(Consumer<? super SeedAccount> action) {
        for (int k = 0; k < accounts; k++) {
            action.accept(account(k));
        }
    }

    public void forEachLead(Consumer<? super SeedLead> action) {
        for (int j = 0; j < leads; j++) {
            action.accept(lead(j));
        }
    }

    private static String businessEmail(String first, String last, Company c, SplittableRandom r) {
        // Email fields are ASCII: IDN domains appear in their xn-- form.
        String host = c.asciiDomain();
        if (r.nextInt(100) < 3) {
            host = CompanyGenerator.pick(r, Words.EMAIL_SUBDOMAINS) + "." + host;
        }
        String local = localPart(first, last, r);
        if (r.nextInt(100) < 8) {
            // "Jane.Doe@Northwind-logistics.com": some systems keep the case people typed.
            return capitalizeWords(local) + "@" + Character.toUpperCase(host.charAt(0)) + host.substring(1);
        }
        return local + "@" + host;
    }

    /** Names in email form, computed once: normalizing per lead was a tenth of the generation cost. */
    private static final String[] FIRST_ASCII = Words.FIRST_NAMES.stream().map(OrgDataPlan::ascii).toArray(String[]::new);
    private static final String[] LAST_ASCII = Words.LAST_NAMES.stream().map(OrgDataPlan::ascii).toArray(String[]::new);

    /** An email local part from ASCII first and last names. */
    private static String localPart(String f, String l, SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0, 1 -> f + "." + l;
            case 2 -> f.charAt(0) + l;
            case 3 -> f;
            default -> f + "_" + l;
        };
    }

    /** "Müller" → "mueller", "Lefèvre" → "lefevre", "O'Brien" → "obrien". */
    static String ascii(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char ch = decomposed.charAt(i);
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String capitalizeWords(String local) {
        char[] chars = local.toCharArray();
        boolean start = true;
        for (int i = 0; i < chars.length; i++) {
            if (start) {
                chars[i] = Character.toUpperCase(chars[i]);
            }
            start = chars[i] == '.' || chars[i] == '_';
        }
        return new String(chars);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
