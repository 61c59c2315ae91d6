package dev.crosswalk.app.partner;

import java.util.Map;
import java.util.UUID;

/** One population's sharing: its default rule and the overrides per partner organization. */
public record PopulationSharing(UUID populationId, String baseObject, SharingRule defaultRule, Map<UUID, SharingRule> overrides) {
    public PopulationSharing {
        defaultRule = defaultRule == null ? SharingRule.HIDDEN : defaultRule;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    public SharingRule ruleFor(UUID partnerOrganizationId) {
        return overrides.getOrDefault(partnerOrganizationId, defaultRule);
    }
}
