package dev.crosswalk.app.partner;

import java.util.UUID;

/** Published after an organization changed the sharing of one of its populations: what its partners see may differ now. */
public record SharingChanged(UUID organizationId, UUID populationId) {
}
