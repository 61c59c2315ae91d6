package dev.crosswalk.app.connection;

import java.time.Instant;
import java.util.UUID;

/** A connection as the API shows it: who authorized it, which Salesforce org and user, its health. Never tokens. */
public record ConnectionView(UUID id, UUID integrationId, String direction, String loginHost, String instanceUrl,
        String salesforceOrgId, String salesforceUserId, String salesforceUsername, String authorizedByEmail,
        Instant authorizedAt, ConnectionHealth health, Instant lastSuccessAt, Instant lastFailureAt, Instant lastUsedAt) {
}
