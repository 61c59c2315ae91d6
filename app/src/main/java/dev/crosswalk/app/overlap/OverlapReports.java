package dev.crosswalk.app.overlap;

import dev.crosswalk.app.partner.Visibility;
import dev.crosswalk.app.record.Evidence;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What overlap reports answer, as the asking organization is allowed to see them. */
public final class OverlapReports {
    private OverlapReports() {
    }

    /** My populations (rows) × the partner's populations I may see (columns): overlapping accounts per cell. */
    public record Matrix(UUID partnershipId, boolean active, List<Row> rows, List<Column> columns, List<Cell> cells) {
    }

    public record Row(UUID populationId, String name, String baseObject) {
    }

    /** A partner population shown to me: {@code access} is COUNTS_ONLY, OVERLAPPING or ALL. */
    public record Column(UUID populationId, String name, String baseObject, String access) {
        static Column of(UUID id, String name, String baseObject, Visibility v) {
            String access = v instanceof Visibility.Rows r ? (r.greenfield() ? "ALL" : "OVERLAPPING") : "COUNTS_ONLY";
            return new Column(id, name, baseObject, access);
        }
    }

    /** How many of my records in {@code myPopulationId} overlap a record of {@code partnerPopulationId}. */
    public record Cell(UUID myPopulationId, UUID partnerPopulationId, long overlaps) {
    }

    /** One overlap: my record, the evidence, and exactly the fields the partner shares of theirs. */
    public record OverlapRow(String mySfId, String myObject, String myName, Evidence evidence, String matchedKey,
            String partnerObject, Map<String, String> partnerFields) {
    }

    /** A partner record in an ALL-shared population that overlaps none of mine. */
    public record GreenfieldRow(String partnerObject, Map<String, String> partnerFields) {
    }

    /**
     * One of my records as one partner sees it overlapping: the partner's matching records in
     * populations it shares rows of, each with exactly the fields those populations share.
     */
    public record RecordOverlap(UUID partnershipId, UUID partnerOrganizationId, String partnerName, List<PartnerRecord> records) {
    }

    /** A partner's record overlapping mine: how it matched, the shared populations it is in, and the union of their shared fields. */
    public record PartnerRecord(String partnerObject, Evidence evidence, String matchedKey, List<String> populations,
            Map<String, String> partnerFields) {
    }

    /** A population as the reports see it (either side). */
    public record PopulationInfo(UUID id, UUID organizationId, String name, String baseObject) {
    }

    /** A matched pair in the partnership's orientation: {@code a} = the inviter's record. */
    public record Pair(RecordRef a, RecordRef b, Evidence evidence, String matchedKey) {
    }
}
