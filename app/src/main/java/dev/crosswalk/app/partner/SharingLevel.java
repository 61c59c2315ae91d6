package dev.crosswalk.app.partner;

/** How much of one population a partner sees, from nothing to everything chosen. */
public enum SharingLevel {
    /** The partner does not learn the population exists. */
    HIDDEN,
    /** Overlap counts only, never a row. */
    COUNTS_ONLY,
    /** Overlapping records, with the chosen fields. */
    OVERLAPPING,
    /** Overlapping and non-overlapping ("greenfield") records, with the chosen fields. */
    ALL
}
