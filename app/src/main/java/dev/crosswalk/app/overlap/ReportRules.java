package dev.crosswalk.app.overlap;

import dev.crosswalk.app.overlap.OverlapReports.PopulationInfo;
import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PopulationSharing;
import dev.crosswalk.app.partner.SharingPolicy;
import dev.crosswalk.app.partner.Visibility;
import dev.crosswalk.app.system.CrosswalkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The report decisions both report implementations (PostgreSQL and the in-memory model the
 * property tests run at scale) share: which partner populations a viewer sees, and whether it
 * may read rows of one. Everything a report returns passes through here.
 */
final class ReportRules {
    private ReportRules() {
    }

    record Shown(PopulationInfo population, Visibility visibility) {
    }

    /** The partner's populations the viewer may know of, in the partner's order; none unless the partnership is active. */
    static List<Shown> visiblePartnerPopulations(Partnership p, UUID viewer, List<PopulationInfo> partnerPopulations,
            Map<UUID, PopulationSharing> partnerSharing) {
        List<Shown> out = new ArrayList<>();
        if (!p.active() || !p.involves(viewer)) {
            return out;
        }
        UUID partner = p.partnerOf(viewer);
        for (PopulationInfo pop : partnerPopulations) {
            if (!pop.organizationId().equals(partner)) {
                continue;
            }
            PopulationSharing s = partnerSharing.getOrDefault(pop.id(), new PopulationSharing(pop.id(), pop.baseObject(), null, null));
            Visibility v = SharingPolicy.visibility(p, partner, viewer, s);
            if (v.shown()) {
                out.add(new Shown(pop, v));
            }
        }
        return out;
    }

    /**
     * The row visibility of one partner population, or an error: 404 when the viewer may not even
     * know it exists (indistinguishable from a population that does not exist), 403 under counts only.
     */
    static Visibility.Rows requireRows(Partnership p, UUID viewer, UUID partnerPopulationId, List<PopulationInfo> partnerPopulations,
            Map<UUID, PopulationSharing> partnerSharing) {
        for (Shown s : visiblePartnerPopulations(p, viewer, partnerPopulations, partnerSharing)) {
            if (s.population().id().equals(partnerPopulationId)) {
                if (s.visibility() instanceof Visibility.Rows rows) {
                    return rows;
                }
                throw CrosswalkException.forbidden("The partner shares only counts of this population");
            }
        }
        throw CrosswalkException.notFound("Partner population");
    }
}
