package dev.crosswalk.app.web;

import dev.crosswalk.app.overlap.OverlapReportService;
import dev.crosswalk.app.overlap.OverlapReports;
import dev.crosswalk.app.overlap.SharedOverlaps;
import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.population.Population;
import dev.crosswalk.app.population.PopulationService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * "What <partner> will see": our populations as the partner sees them, obtained by asking the
 * overlap reports <em>as the partner</em> (viewer = the partner's organization) — the very calls
 * that serve the partner's own pages and API — never by re-applying the sharing rules here. Only
 * our side of what comes back is shown: the partner's own populations and records stay theirs
 * (a report row's "my" fields are the partner's, so they are dropped; its partner fields are ours).
 */
@Component
class SharingPreview {
    static final int SAMPLE = 5;

    private final OverlapReportService reports;
    private final SharedOverlaps shared;
    private final PopulationService populations;

    SharingPreview(OverlapReportService reports, SharedOverlaps shared, PopulationService populations) {
        this.reports = reports;
        this.shared = shared;
        this.populations = populations;
    }

    /** One of our populations as the partner sees it: its level, fields, and a few records exactly as served to the partner. */
    record Seen(String name, String object, String access, String accessWord, List<String> fields, List<String> columns,
            List<List<String>> overlapping, List<List<String>> greenfield) {
    }

    private static List<List<String>> table(List<String> columns, List<Map<String, String>> rows) {
        return rows.stream().map(m -> columns.stream().map(k -> m.getOrDefault(k, "")).toList()).toList();
    }

    /** The whole preview; {@code active} false means the partner sees nothing (not accepted, or ended). */
    record Preview(boolean active, List<Seen> seen, List<String> hidden) {
    }

    Preview of(UUID us, Partnership p) {
        List<Population> ours = populations.populations(us);
        if (!p.active()) {
            return new Preview(false, List.of(), ours.stream().map(Population::name).toList());
        }
        UUID partner = p.partnerOf(us);
        OverlapReports.Matrix matrix = reports.matrix(partner, p.id());
        Map<UUID, Set<String>> fields = new HashMap<>();
        for (SharedOverlaps.ReadablePopulation r : shared.readablePopulations(partner, p)) {
            fields.put(r.id(), r.fields());
        }
        Set<UUID> shown = new LinkedHashSet<>();
        List<Seen> seen = new ArrayList<>();
        for (OverlapReports.Column c : matrix.columns()) {
            shown.add(c.populationId());
            List<String> f = fields.getOrDefault(c.populationId(), Set.of()).stream().sorted().toList();
            List<Map<String, String>> overlapping = new ArrayList<>();
            List<Map<String, String>> greenfield = new ArrayList<>();
            if (!"COUNTS_ONLY".equals(c.access())) {
                // The partner's report of each of its populations against ours; only our record's shared fields are kept.
                Set<Map<String, String>> distinct = new LinkedHashSet<>();
                for (OverlapReports.Row r : matrix.rows()) {
                    if (distinct.size() >= SAMPLE) {
                        break;
                    }
                    for (OverlapReports.OverlapRow o : reports.overlaps(partner, p.id(), r.populationId(), c.populationId(), SAMPLE, 0)) {
                        distinct.add(o.partnerFields());
                    }
                }
                distinct.stream().limit(SAMPLE).forEach(overlapping::add);
                if ("ALL".equals(c.access())) {
                    for (OverlapReports.GreenfieldRow g : reports.greenfield(partner, p.id(), c.populationId(), SAMPLE, 0)) {
                        greenfield.add(g.partnerFields());
                    }
                }
            }
            Set<String> columns = new TreeSet<>(f);
            overlapping.forEach(m -> columns.addAll(m.keySet()));
            greenfield.forEach(m -> columns.addAll(m.keySet()));
            List<String> cols = List.copyOf(columns);
            seen.add(new Seen(c.name(), c.baseObject(), c.access(), SharingLevels.word(c.access()), f, cols, table(cols, overlapping),
                    table(cols, greenfield)));
        }
        List<String> hidden = ours.stream().filter(x -> !shown.contains(x.id())).map(Population::name).toList();
        return new Preview(true, seen, hidden);
    }
}
