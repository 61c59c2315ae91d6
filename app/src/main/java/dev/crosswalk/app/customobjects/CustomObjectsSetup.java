package dev.crosswalk.app.customobjects;

import dev.crosswalk.app.auth.OutboundClients;
import dev.crosswalk.app.integration.CustomObjectsAuthorized;
import dev.crosswalk.app.integration.CustomObjectsIntegration;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Adding a Custom Objects integration with its Outbound OAuth client: the client id and secret are
 * shown once, for the package's Auth. Provider in Salesforce.
 */
@Service
class CustomObjectsSetup {
    private final CustomObjectsIntegrations integrations;
    private final OutboundClients outbound;

    CustomObjectsSetup(CustomObjectsIntegrations integrations, OutboundClients outbound) {
        this.integrations = integrations;
        this.outbound = outbound;
    }

    /** The integration, and its client's credentials when this call registered them (null when it already had a client). */
    record Created(CustomObjectsIntegration integration, OutboundClients.ClientCredentials outboundClient) {
    }

    @Transactional
    Created create(MemberPrincipal me, UUID sourceIntegrationId) {
        CustomObjectsIntegration co = integrations.create(me, sourceIntegrationId);
        return new Created(co, registerIfMissing(co).orElse(null));
    }

    /** A new secret for the package's Auth. Provider (the old one stops working), shown once. */
    OutboundClients.ClientCredentials rotateSecret(MemberPrincipal me, UUID id) {
        OrganizationService.requireAdmin(me);
        CustomObjectsIntegration co = integrations.require(me.organizationId(), id);
        return registerIfMissing(co).orElseGet(() -> outbound.rotateSecret(co.organizationId(), co.id()));
    }

    /** An integration created by the Inbound callback (the API's path) gets its client too; Rotate secret shows one. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void authorized(CustomObjectsAuthorized event) {
        if (event.created()) {
            integrations.find(event.organizationId(), event.integrationId()).ifPresent(this::registerIfMissing);
        }
    }

    private Optional<OutboundClients.ClientCredentials> registerIfMissing(CustomObjectsIntegration co) {
        if (outbound.clientId(co.organizationId(), co.id()).isPresent()) {
            return Optional.empty();
        }
        String sfOrgId = integrations.source(co.organizationId(), co.sourceIntegrationId()).salesforceOrgId();
        return Optional.of(outbound.register(co.organizationId(), co.id(), sfOrgId));
    }
}
