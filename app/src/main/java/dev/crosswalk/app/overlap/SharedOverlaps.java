package dev.crosswalk.app.overlap;

import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.partner.Visibility;
import dev.crosswalk.app.record.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every overlap of one of my data sources with one partner, per partner population the partner
 * lets me read rows of, for writing into Salesforce (the push). The same decisions as the reports
 * ({@link ReportRules} over the partner's sharing rules) and the same in-database projection of the
 * shared fields: the push never has a sharing implementation of its own. One row per (my record ×
 * partner population); when several partner records of that population match mine, the strongest
 * evidence wins, then the partner's record order, so the choice is stable from push to push.
 */
@Service
public class SharedOverlaps {
    /** The partner's {@code OwnerId}: a partner Salesforce id, so never pushed; sharing it shares the owner's name and email. */
    public static final String OWNER_FIELD = "OwnerId";

    private final JdbcClient jdbc;
    private final PartnershipService partnerships;
    private final OverlapReportService reports;

    SharedOverlaps(JdbcClient jdbc, PartnershipService partnerships, OverlapReportService reports) {
        this.jdbc = jdbc;
        this.partnerships = partnerships;
        this.reports = reports;
    }

    /** A partner population whose rows I may read, with the fields its owner shares with me. */
    public record ReadablePopulation(UUID id, String name, String baseObject, Set<String> fields) {
    }

    /**
     * One overlap as shared with me: my record, the evidence, exactly the shared fields of the
     * partner's record (without {@link #OWNER_FIELD}), its owner's name and email only when the owner
     * is shared, and the populations of mine my record is in.
     */
    public record SharedOverlap(String myObject, String mySfId, Evidence evidence, Map<String, String> partnerFields,
            String partnerOwnerName, String partnerOwnerEmail, List<UUID> myPopulationIds) {
    }

    /** The partner populations {@code viewer} may read rows of through this partnership (none unless active). */
    @Transactional(readOnly = true)
    public List<ReadablePopulation> readablePopulations(UUID viewer, Partnership p) {
        List<ReadablePopulation> out = new ArrayList<>();
        if (!p.active()) {
            return out;
        }
        UUID partner = p.partnerOf(viewer);
        for (ReportRules.Shown s : ReportRules.visiblePartnerPopulations(p, viewer, reports.infos(partner), reports.sharingOf(partner))) {
            if (s.visibility() instanceof Visibility.Rows rows) {
                out.add(new ReadablePopulation(s.population().id(), s.population().name(), s.population().baseObject(), rows.fields()));
            }
        }
        return out;
    }

    /**
     * Streams the overlaps of {@code myIntegrationId}'s records with the partner's records in the
     * readable partner populations accepted by {@code partnerPopulations}, projecting only the shared
     * fields that {@code fieldFilter} accepts. The partnership's status is re-read in the same
     * transaction as the data, so a revocation stops the export at once.
     */
    @Transactional(readOnly = true)
    public void forEach(UUID viewer, UUID partnershipId, UUID myIntegrationId, Predicate<UUID> partnerPopulations,
            Predicate<String> fieldFilter, Consumer<ReadablePopulation> onPopulation, Consumer<SharedOverlap> sink) {
        Partnership p = partnerships.find(viewer, partnershipId);
        if (!p.active()) {
            return;
        }
        OverlapReportService.Side side = OverlapReportService.Side.of(p, viewer);
        String m = side.mine();
        String t = side.partner();
        for (ReadablePopulation pop : readablePopulations(viewer, p)) {
            if (!partnerPopulations.test(pop.id())) {
                continue;
            }
            onPopulation.accept(pop);
            List<String> fields = pop.fields().stream().filter(fieldFilter).sorted().toList();
            boolean owner = fields.contains(OWNER_FIELD);
            String[] projected = fields.stream().filter(f -> !f.equals(OWNER_FIELD)).toArray(String[]::new);
            try (java.util.stream.Stream<SharedOverlap> rows = jdbc.sql("select distinct on (x." + m + "_object, x." + m + "_sf_id) x." + m + "_object, x." + m + "_sf_id, x.evidence, "
                            + OverlapReportService.projection("pr") + " as shared,"
                            + " case when :owner then u.fields ->> 'Name' end, case when :owner then u.fields ->> 'Email' end,"
                            + " array(select mm.population_id::text from population_member mm where mm.integration_id = x." + m
                            + "_integration_id and mm.object = x." + m + "_object and mm.sf_id = x." + m + "_sf_id"
                            + " and mm.organization_id = :me order by 1)"
                            + " from overlap_pair x" + OverlapReportService.join("pm", t)
                            + " join crm_record pr on pr.integration_id = x." + t + "_integration_id and pr.object = x." + t
                            + "_object and pr.sf_id = x." + t + "_sf_id"
                            + " join crm_record mr on mr.integration_id = x." + m + "_integration_id and mr.object = x." + m
                            + "_object and mr.sf_id = x." + m + "_sf_id"
                            + " left join crm_record u on :owner and u.integration_id = pr.integration_id and u.object = 'User'"
                            + " and u.sf_id = cast(pr.fields ->> 'OwnerId' as char(18)) and not u.is_deleted"
                            + " where x.partnership_id = :p and x." + m + "_integration_id = :mine and mr.organization_id = :me"
                            + " and not mr.is_deleted and pm.population_id = :theirs and pm.organization_id = :partner"
                            + " and pr.organization_id = :partner and not pr.is_deleted"
                            + " order by x." + m + "_object, x." + m + "_sf_id, x.evidence = 'DOMAIN' desc, x." + t + "_sf_id")
                    .param("p", p.id()).param("mine", myIntegrationId).param("me", viewer).param("theirs", pop.id())
                    .param("partner", p.partnerOf(viewer)).param("fields", projected).param("owner", owner)
                    .query((rs, n) -> {
                        java.sql.Array pops = rs.getArray(7);
                        List<UUID> ids = new ArrayList<>();
                        for (Object o : (Object[]) pops.getArray()) {
                            ids.add(UUID.fromString((String) o));
                        }
                        return new SharedOverlap(rs.getString(1), rs.getString(2).trim(), Evidence.valueOf(rs.getString(3)),
                                OverlapReportService.fields(rs.getString(4)), rs.getString(5), rs.getString(6), ids);
                    })
                    .stream()) {
                rows.forEach(sink);
            }
        }
    }
}
