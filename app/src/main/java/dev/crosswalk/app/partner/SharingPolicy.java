package dev.crosswalk.app.partner;

import java.util.UUID;

/**
 * The one decision every report goes through: what {@code viewer} may see of a population owned by
 * its partner. Pure, so the never-leaks property is tested on it directly, at scale.
 */
public final class SharingPolicy {
    private SharingPolicy() {
    }

    /**
     * @param partnership      the partnership the viewer asks through
     * @param ownerOrgId       the organization owning the population
     * @param viewerOrgId      the organization asking
     * @param sharing          the population's rules (set by its owner)
     */
    public static Visibility visibility(Partnership partnership, UUID ownerOrgId, UUID viewerOrgId, PopulationSharing sharing) {
        if (partnership == null || !partnership.active() || ownerOrgId.equals(viewerOrgId)
                || !partnership.involves(ownerOrgId) || !partnership.involves(viewerOrgId)) {
            return new Visibility.Hidden();
        }
        SharingRule rule = sharing.ruleFor(viewerOrgId);
        return switch (rule.level()) {
            case HIDDEN -> new Visibility.Hidden();
            case COUNTS_ONLY -> new Visibility.CountsOnly();
            case OVERLAPPING, ALL -> {
                // Fields are chosen per object: only those of the population's own object apply.
                yield new Visibility.Rows(rule.fieldsOf(sharing.baseObject()), rule.level() == SharingLevel.ALL);
            }
        };
    }
}
