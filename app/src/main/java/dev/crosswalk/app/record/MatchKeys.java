package dev.crosswalk.app.record;

/**
 * Match keys of CRM records, without Spring: registrable domains from websites and emails,
 * normalized company names, and the match decision between two records. Every result carries
 * its reason ({@link KeyResult}, {@link MatchDecision}).
 *
 * <p>Personal email providers ({@code matching/personal-email-domains.txt}) never produce a
 * domain key, from an email or from a website: thousands of unrelated leads share gmail.com.
 * Pages on shared platforms ({@code matching/platform-domains.txt}: a LinkedIn company page, a
 * Facebook page, sites.google.com/…) produce none either, while the platform's own bare
 * homepage does (facebook.com is Meta).
 */
public final class MatchKeys {
    /**
     * Version of the rules and lists. Bump it with any change that can change a key (a new
     * personal provider, a parsing rule): stored keys computed under an older version are then
     * recomputed after the next sync.
     */
    public static final int RULES_VERSION = 2;

    private static final MatchKeys STANDARD = new MatchKeys(
            DomainList.load("/matching/personal-email-domains.txt"),
            DomainList.load("/matching/platform-domains.txt"));

    private final DomainKeys domains;

    private MatchKeys(DomainList personal, DomainList platforms) {
        this.domains = new DomainKeys(personal, platforms);
    }

    /** The keys with the lists shipped in the repository. Immutable, thread-safe. */
    public static MatchKeys standard() {
        return STANDARD;
    }

    /** The registrable domain of a Website field value. */
    public KeyResult website(String website) {
        return domains.website(website);
    }

    /** The registrable domain of an Email field value. */
    public KeyResult email(String email) {
        return domains.email(email);
    }

    /** The normalized company name (Account.Name, Lead.Company). */
    public KeyResult name(String companyName) {
        return CompanyNames.key(companyName);
    }

    /**
     * Keys of a record from whatever fields it has (null when absent): the website's domain,
     * else the email's. When neither gives a key, the reason reported is the website's unless
     * the website was blank and an email was there to look at.
     */
    public RecordKeys keys(String website, String email, String companyName) {
        KeyResult fromWebsite = website(website);
        KeyResult domain = fromWebsite;
        if (!fromWebsite.present() && email != null) {
            KeyResult fromEmail = email(email);
            if (fromEmail.present() || fromWebsite.reason() == KeyReason.BLANK) {
                domain = fromEmail;
            }
        }
        return new RecordKeys(domain, name(companyName));
    }

    /** Whether two records match; see {@link MatchDecision#decide}. */
    public MatchDecision decide(RecordKeys a, RecordKeys b, boolean nameMatching) {
        return MatchDecision.decide(a, b, nameMatching);
    }
}
