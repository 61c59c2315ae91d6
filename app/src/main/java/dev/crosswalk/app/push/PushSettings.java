package dev.crosswalk.app.push;

import java.util.Set;
import java.util.UUID;

/**
 * What a Salesforce Custom Objects integration pushes (its General Settings). Each choice is
 * "all" (null: whatever exists now or later) or an explicit set: partners (partner organization
 * ids), my populations, partner populations, and partner fields (within what each partner shares:
 * a field is pushed only when the partner shares it and it is chosen here).
 */
public record PushSettings(Set<UUID> partners, Set<UUID> myPopulations, Set<UUID> partnerPopulations, Set<String> partnerFields) {

    public PushSettings {
        partners = partners == null ? null : Set.copyOf(partners);
        myPopulations = myPopulations == null ? null : Set.copyOf(myPopulations);
        partnerPopulations = partnerPopulations == null ? null : Set.copyOf(partnerPopulations);
        partnerFields = partnerFields == null ? null : Set.copyOf(partnerFields);
    }

    /** Everything the partners share: the default of a new integration. */
    public static PushSettings all() {
        return new PushSettings(null, null, null, null);
    }

    public boolean includesPartner(UUID partnerOrgId) {
        return partners == null || partners.contains(partnerOrgId);
    }

    public boolean includesMyPopulation(UUID populationId) {
        return myPopulations == null || myPopulations.contains(populationId);
    }

    public boolean includesPartnerPopulation(UUID populationId) {
        return partnerPopulations == null || partnerPopulations.contains(populationId);
    }

    public boolean includesField(String field) {
        return partnerFields == null || partnerFields.contains(field);
    }
}
