package dev.crosswalk.app.auth;

import dev.crosswalk.app.customobjects.OutboundConnections;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Answers the Custom Objects health checks from the authorization server's record of each client. */
@Component
class OutboundConnectionsView implements OutboundConnections {
    private final OutboundClients clients;

    OutboundConnectionsView(OutboundClients clients) {
        this.clients = clients;
    }

    @Override
    public Optional<Instant> authorizedAt(UUID organizationId, UUID customObjectsIntegrationId) {
        return clients.status(organizationId, customObjectsIntegrationId).map(OutboundClients.OutboundStatus::authorizedAt);
    }
}
