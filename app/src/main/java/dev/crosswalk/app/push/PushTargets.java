package dev.crosswalk.app.push;

import dev.crosswalk.app.integration.CustomObjectsIntegration;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The Custom Objects integrations push writes for (the integration feature owns them), reduced to
 * what push needs: where to write, and the data source whose Account and Lead ids the records point at.
 */
@Component
class PushTargets {
    private final CustomObjectsIntegrations integrations;

    PushTargets(CustomObjectsIntegrations integrations) {
        this.integrations = integrations;
    }

    record Target(UUID organizationId, UUID integrationId, UUID sourceIntegrationId, boolean paused) {
        static Target of(CustomObjectsIntegration i) {
            return new Target(i.organizationId(), i.id(), i.sourceIntegrationId(), i.paused());
        }
    }

    Optional<Target> find(UUID organizationId, UUID integrationId) {
        return integrations.find(organizationId, integrationId).map(Target::of);
    }

    /** 404 (never another organization's) when the organization has no such Custom Objects integration. */
    Target require(UUID organizationId, UUID integrationId) {
        return Target.of(integrations.require(organizationId, integrationId));
    }

    Optional<Target> findForJob(UUID integrationId) {
        return integrations.findForJob(integrationId).map(Target::of);
    }

    Optional<Target> forSource(UUID organizationId, UUID sourceIntegrationId) {
        return integrations.forSource(organizationId, sourceIntegrationId).map(Target::of);
    }

    List<Target> ofOrganization(UUID organizationId) {
        return integrations.list(organizationId).stream().map(Target::of).toList();
    }
}
