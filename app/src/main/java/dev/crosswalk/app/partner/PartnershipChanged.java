package dev.crosswalk.app.partner;

import java.util.UUID;

/** Published after a partnership's status or matching settings changed (after commit): the overlap engine reacts. */
public record PartnershipChanged(UUID partnershipId, PartnershipStatus status, boolean matchingChanged) {
}
