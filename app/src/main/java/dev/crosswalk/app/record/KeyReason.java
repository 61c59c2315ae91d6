package dev.crosswalk.app.record;

/**
 * Why a match key was (or was not) produced. Stored as text in {@code record_key.key_reason} /
 * {@code name_reason}, counted by the key statistics and shown by the explain API, so the names
 * are stable: add new ones, never rename.
 */
public enum KeyReason {
    /** The registrable domain of the Website field. */
    WEBSITE(true, "registrable domain of the website"),
    /** The registrable domain of the Email field (Leads and Contacts, when the website gives none). */
    EMAIL(true, "registrable domain of the email address"),
    /** The Website field held an email address ("info@acme.com"): its domain is used. */
    EMAIL_IN_WEBSITE(true, "the website field holds an email address; its domain is used"),
    /** A normalized company name (weak evidence only). */
    NAME(true, "normalized company name (weak evidence)"),

    BLANK(false, "no value"),
    PLACEHOLDER(false, "a placeholder such as n/a, none, TBD or unknown"),
    MALFORMED(false, "not a domain name or URL"),
    NOT_AN_EMAIL(false, "not an email address"),
    IP_ADDRESS(false, "an IP address identifies no company"),
    LOCAL_HOST(false, "localhost or a private network name"),
    UNKNOWN_SUFFIX(false, "not under a known public suffix (typo in the top-level domain, or a reserved name)"),
    PUBLIC_SUFFIX_ONLY(false, "only a public suffix (co.uk, github.io), which many companies share"),
    PERSONAL_DOMAIN(false, "a personal email provider's domain (gmail.com, outlook.com, …)"),
    PLATFORM_PAGE(false, "a page on a shared platform (a LinkedIn or Facebook profile, sites.google.com, …)"),
    ONLY_LEGAL_FORM(false, "nothing left after removing the legal form"),
    /** Stored only: the record is deleted in Salesforce, so it matches nothing. */
    DELETED(false, "the record is deleted"),
    /** Stored only: the object has no field a key of this kind could come from. */
    NOT_APPLICABLE(false, "this object has no such field");

    private final boolean producesKey;
    private final String description;

    KeyReason(boolean producesKey, String description) {
        this.producesKey = producesKey;
        this.description = description;
    }

    public boolean producesKey() {
        return producesKey;
    }

    public String description() {
        return description;
    }
}
