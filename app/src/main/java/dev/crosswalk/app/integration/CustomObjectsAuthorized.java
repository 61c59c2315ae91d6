package dev.crosswalk.app.integration;

import java.util.UUID;

/**
 * Published when the Inbound connection of a Custom Objects integration was stored (new or
 * reauthorized). Listeners verify it at once (preflight, read and write probes) after commit.
 */
public record CustomObjectsAuthorized(UUID organizationId, UUID integrationId, boolean created) {
}
