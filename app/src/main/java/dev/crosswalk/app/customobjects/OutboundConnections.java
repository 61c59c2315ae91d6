package dev.crosswalk.app.customobjects;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What Crosswalk's authorization server knows of an integration's Outbound connection (the auth feature answers). */
public interface OutboundConnections {
    /** When Salesforce last completed the Outbound authorization (select organization), if ever. */
    Optional<Instant> authorizedAt(UUID organizationId, UUID customObjectsIntegrationId);
}
