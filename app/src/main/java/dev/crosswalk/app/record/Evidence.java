package dev.crosswalk.app.record;

/** What an overlap (or a refusal to match) rests on. Stored with each overlap by the overlap engine. */
public enum Evidence {
    /** Both records have the same registrable domain: strong. */
    DOMAIN,
    /** Same normalized company name, no conflicting domain, and the partnership turned name matching on: weak. */
    NAME,
    /** Nothing in common that counts. */
    NONE
}
