package dev.crosswalk.app.connection;

/**
 * Why a Salesforce sign-in was started. Both purposes return to the one callback URL registered
 * in the connected app; the stored round trip carries the purpose so the callback knows what a
 * finished authorization means.
 */
public enum AuthorizationPurpose {
    /** Connect or reauthorize a Salesforce data source (records are synced from it). */
    DATA_SOURCE,
    /** Authorize the Inbound connection of a Salesforce Custom Objects integration (overlaps are pushed to it). */
    CUSTOM_OBJECTS
}
