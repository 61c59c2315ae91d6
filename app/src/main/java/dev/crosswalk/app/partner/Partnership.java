package dev.crosswalk.app.partner;

import java.time.Instant;
import java.util.UUID;

/** Two organizations that agreed (or are asked) to map accounts. */
public record Partnership(UUID id, UUID inviterOrgId, UUID inviteeOrgId, PartnershipStatus status,
        boolean inviterNameMatching, boolean inviteeNameMatching, Instant createdAt, Instant respondedAt, Instant revokedAt,
        long version) {

    public boolean involves(UUID organizationId) {
        return inviterOrgId.equals(organizationId) || inviteeOrgId.equals(organizationId);
    }

    public UUID partnerOf(UUID organizationId) {
        if (inviterOrgId.equals(organizationId)) {
            return inviteeOrgId;
        }
        if (inviteeOrgId.equals(organizationId)) {
            return inviterOrgId;
        }
        throw new IllegalArgumentException("organization is not part of this partnership");
    }

    public boolean active() {
        return status == PartnershipStatus.ACCEPTED;
    }

    /** Names are weak evidence: they count only when both sides turned name matching on. */
    public boolean nameMatching() {
        return inviterNameMatching && inviteeNameMatching;
    }
}
