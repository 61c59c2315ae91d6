package dev.crosswalk.app.integration;

import java.util.UUID;

/** Published after a Salesforce connection was stored (new or reauthorized): the scheduler starts a run at once. */
public record IntegrationConnected(UUID organizationId, UUID integrationId, boolean firstConnection) {
}
