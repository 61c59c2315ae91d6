package dev.crosswalk.app.integration;

/** What the admin sees on the integrations page. */
public enum IntegrationStatus {
    CONNECTING, FIRST_SYNC_IN_PROGRESS, ACTIVE, NOT_SYNCING, ERROR
}
