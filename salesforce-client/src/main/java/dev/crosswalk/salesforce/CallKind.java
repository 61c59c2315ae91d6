package dev.crosswalk.salesforce;

/** What an HTTP call to Salesforce was for; calls are counted per kind. */
public enum CallKind {
    /** REST API ({@code /services/data/…} except Bulk jobs). */
    REST,
    /** Bulk API 2.0 ({@code /services/data/…/jobs/…}). */
    BULK,
    /** OAuth endpoints: token, revoke, userinfo, identity URL. */
    AUTH
}
