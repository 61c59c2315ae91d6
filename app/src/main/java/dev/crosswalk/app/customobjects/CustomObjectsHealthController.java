package dev.crosswalk.app.customobjects;

import dev.crosswalk.app.health.HealthService;
import dev.crosswalk.app.health.IntegrationError;
import dev.crosswalk.app.integration.CustomObjectsIntegration;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/integrations/salesforce-custom-objects/{id}")
@Tag(name = "Salesforce Custom Objects")
class CustomObjectsHealthController {
    private final CustomObjectsIntegrations integrations;
    private final CustomObjectsHealth health;
    private final HealthService errors;

    CustomObjectsHealthController(CustomObjectsIntegrations integrations, CustomObjectsHealth health, HealthService errors) {
        this.integrations = integrations;
        this.health = health;
        this.errors = errors;
    }

    /** The integration's status, its open errors (each naming its connection) and the last preflight. */
    record HealthAnswer(String status, List<IntegrationError> errors, List<Check> preflight) {
    }

    @PostMapping("/verify")
    @Operation(summary = "Test both connections now (Admins only): preflight, read and write probes, a callout through"
            + " the Outbound connection; clears the errors they prove gone")
    CustomObjectsHealth.Verification verify(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        OrganizationService.requireAdmin(me);
        return health.verify(integrations.require(me.organizationId(), id).id());
    }

    @GetMapping("/health")
    HealthAnswer health(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        CustomObjectsIntegration co = integrations.require(me.organizationId(), id);
        return new HealthAnswer(co.effectiveStatus().name(), errors.openErrors(co.id()).stream().filter(IntegrationError::visible)
                .toList(), health.lastPreflight(me.organizationId(), co.id()));
    }
}
