package dev.crosswalk.app.overlap;

import dev.crosswalk.app.overlap.OverlapReports.Cell;
import dev.crosswalk.app.overlap.OverlapReports.Column;
import dev.crosswalk.app.overlap.OverlapReports.GreenfieldRow;
import dev.crosswalk.app.overlap.OverlapReports.Matrix;
import dev.crosswalk.app.overlap.OverlapReports.OverlapRow;
import dev.crosswalk.app.overlap.OverlapReports.Pair;
import dev.crosswalk.app.overlap.OverlapReports.PopulationInfo;
import dev.crosswalk.app.overlap.OverlapReports.Row;
import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PopulationSharing;
import dev.crosswalk.app.partner.Visibility;
import dev.crosswalk.app.system.CrosswalkException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The overlap reports over in-memory data, through the same {@link ReportRules} as the PostgreSQL
 * implementation: the model the never-leaks property runs at scale, and the oracle the DB-backed
 * sample is compared with.
 */
record InMemoryReports(List<PopulationInfo> populations, Map<UUID, PopulationSharing> sharing, Map<UUID, Set<RecordRef>> members,
        Map<UUID, List<Pair>> pairsByPartnership, Map<RecordRef, Map<String, String>> records) {

    private List<PopulationInfo> of(UUID org) {
        return populations.stream().filter(p -> p.organizationId().equals(org)).toList();
    }

    private static void requireInvolved(Partnership p, UUID viewer) {
        if (!p.involves(viewer)) {
            throw CrosswalkException.notFound("Partnership");
        }
    }

    /** (mine, partner's) record pairs as the viewer sees the orientation. */
    private List<RecordRef[]> pairs(Partnership p, UUID viewer) {
        boolean mineIsA = p.inviterOrgId().equals(viewer);
        List<RecordRef[]> out = new ArrayList<>();
        for (Pair x : pairsByPartnership.getOrDefault(p.id(), List.of())) {
            out.add(mineIsA ? new RecordRef[] {x.a(), x.b()} : new RecordRef[] {x.b(), x.a()});
        }
        return out;
    }

    Matrix matrix(Partnership p, UUID viewer) {
        requireInvolved(p, viewer);
        UUID partner = p.partnerOf(viewer);
        List<Row> rows = of(viewer).stream().map(x -> new Row(x.id(), x.name(), x.baseObject())).toList();
        List<ReportRules.Shown> shown = ReportRules.visiblePartnerPopulations(p, viewer, of(partner), sharing);
        List<Column> columns = shown.stream()
                .map(s -> Column.of(s.population().id(), s.population().name(), s.population().baseObject(), s.visibility())).toList();
        List<Cell> cells = new ArrayList<>();
        for (Row r : rows) {
            for (Column c : columns) {
                Set<RecordRef> mine = new HashSet<>();
                for (RecordRef[] x : pairs(p, viewer)) {
                    if (members.getOrDefault(r.populationId(), Set.of()).contains(x[0])
                            && members.getOrDefault(c.populationId(), Set.of()).contains(x[1])) {
                        mine.add(x[0]);
                    }
                }
                cells.add(new Cell(r.populationId(), c.populationId(), mine.size()));
            }
        }
        return new Matrix(p.id(), p.active(), rows, columns, cells);
    }

    List<OverlapRow> overlaps(Partnership p, UUID viewer, UUID myPopulation, UUID partnerPopulation) {
        requireInvolved(p, viewer);
        if (of(viewer).stream().noneMatch(x -> x.id().equals(myPopulation))) {
            throw CrosswalkException.notFound("Population");
        }
        Visibility.Rows rows = ReportRules.requireRows(p, viewer, partnerPopulation, of(p.partnerOf(viewer)), sharing);
        List<RecordRef[]> selected = new ArrayList<>();
        for (RecordRef[] x : pairs(p, viewer)) {
            if (members.getOrDefault(myPopulation, Set.of()).contains(x[0])
                    && members.getOrDefault(partnerPopulation, Set.of()).contains(x[1])) {
                selected.add(x);
            }
        }
        selected.sort(Comparator.<RecordRef[], String>comparing(x -> x[0].sfId()).thenComparing(x -> x[1].sfId()));
        List<OverlapRow> out = new ArrayList<>();
        for (RecordRef[] x : selected) {
            Pair pair = pairsByPartnership.get(p.id()).stream()
                    .filter(q -> (q.a().equals(x[0]) && q.b().equals(x[1])) || (q.a().equals(x[1]) && q.b().equals(x[0])))
                    .findFirst().orElseThrow();
            out.add(new OverlapRow(x[0].sfId(), x[0].object(), records.getOrDefault(x[0], Map.of()).get("Name"), pair.evidence(),
                    pair.matchedKey(), x[1].object(), project(records.getOrDefault(x[1], Map.of()), rows.fields())));
        }
        return out;
    }

    List<GreenfieldRow> greenfield(Partnership p, UUID viewer, UUID partnerPopulation) {
        requireInvolved(p, viewer);
        Visibility.Rows rows = ReportRules.requireRows(p, viewer, partnerPopulation, of(p.partnerOf(viewer)), sharing);
        if (!rows.greenfield()) {
            throw CrosswalkException.forbidden("overlapping only");
        }
        Set<RecordRef> overlapping = new HashSet<>();
        pairs(p, viewer).forEach(x -> overlapping.add(x[1]));
        return members.getOrDefault(partnerPopulation, Set.of()).stream()
                .filter(r -> !overlapping.contains(r))
                .sorted(Comparator.comparing(RecordRef::sfId))
                .map(r -> new GreenfieldRow(r.object(), project(records.getOrDefault(r, Map.of()), rows.fields())))
                .toList();
    }

    private static Map<String, String> project(Map<String, String> fields, Set<String> allowed) {
        Map<String, String> out = new TreeMap<>();
        fields.forEach((k, v) -> {
            if (allowed.contains(k) && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
