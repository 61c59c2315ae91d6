package dev.crosswalk.app.web;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.overlap.OverlapReportService;
import dev.crosswalk.app.overlap.OverlapReportService.ListQuery;
import dev.crosswalk.app.overlap.OverlapReports;
import dev.crosswalk.app.overlap.SharedOverlaps;
import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.partner.PartnershipStatus;
import dev.crosswalk.app.population.Population;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.web.chart.HeatMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Overlaps: pick a partner, see my populations × the partner's populations as a heat map with
 * counts, open a cell to list its overlapping records (only the fields the partner shares;
 * search, sort, pages), list the greenfield where the partner shares all its accounts, and export
 * any list as CSV. Every number and row comes from {@link OverlapReportService} — the same rules
 * code the API answers with — and the CSV links are the API's export, so there is one implementation.
 */
@Controller
class OverlapPages {
    static final int PAGE = 50;

    private final PartnershipService partnerships;
    private final OverlapReportService reports;
    private final SharedOverlaps shared;
    private final PopulationService populations;

    OverlapPages(PartnershipService partnerships, OverlapReportService reports, SharedOverlaps shared, PopulationService populations) {
        this.partnerships = partnerships;
        this.reports = reports;
        this.shared = shared;
        this.populations = populations;
    }

    @GetMapping("/overlaps")
    String partners(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        List<PartnershipService.View> all = partnerships.list(me);
        List<PartnershipService.View> active = all.stream().filter(v -> v.status() == PartnershipStatus.ACCEPTED).toList();
        model.addAttribute("partners", active);
        model.addAttribute("pending", all.stream().filter(v -> v.status() == PartnershipStatus.PENDING).count());
        return "overlaps/partners";
    }

    @GetMapping("/overlaps/{partnershipId}")
    String matrix(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId, Model model) {
        PartnershipService.View partner = partnerships.get(me, partnershipId);
        OverlapReports.Matrix m = reports.matrix(me, partnershipId);
        Map<String, Long> counts = new LinkedHashMap<>();
        m.cells().forEach(c -> counts.put(c.myPopulationId() + "/" + c.partnerPopulationId(), c.overlaps()));
        long[][] values = new long[m.rows().size()][m.columns().size()];
        for (int r = 0; r < m.rows().size(); r++) {
            for (int c = 0; c < m.columns().size(); c++) {
                values[r][c] = counts.getOrDefault(m.rows().get(r).populationId() + "/" + m.columns().get(c).populationId(), 0L);
            }
        }
        model.addAttribute("partner", partner);
        model.addAttribute("matrix", m);
        model.addAttribute("counts", counts);
        // ui2a's shared chart type (web.chart): the cells a partner shares rows of link to their lists; counts-only ones do not.
        model.addAttribute("chart", HeatMap.render("heatmap-chart", "Overlapping records with " + partner.partnerName()
                        + ": your populations (rows) × theirs (columns)",
                m.rows().stream().map(OverlapReports.Row::name).toList(),
                m.columns().stream().map(c -> c.access().equals("COUNTS_ONLY") ? c.name() + " (counts only)" : c.name()).toList(),
                values, "overlapping records", (r, c) -> m.columns().get(c).access().equals("COUNTS_ONLY") ? null
                        : cellUrl(partnershipId, m.rows().get(r).populationId(), m.columns().get(c).populationId())));
        model.addAttribute("pages", this);
        return "overlaps/matrix";
    }

    @GetMapping("/overlaps/{partnershipId}/cell")
    String cell(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId, @RequestParam UUID mine,
            @RequestParam UUID theirs, @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "1") int page, Model model) {
        PartnershipService.View partner = partnerships.get(me, partnershipId);
        ListQuery query = new ListQuery(q, sort, desc);
        long total = reports.countOverlaps(me.organizationId(), partnershipId, mine, theirs, query);
        int pageNo = clampPage(page, total);
        List<OverlapReports.OverlapRow> rows = reports.overlaps(me.organizationId(), partnershipId, mine, theirs, query, PAGE,
                (pageNo - 1) * PAGE);
        Population my = populations.find(me.organizationId(), mine);
        SharedOverlaps.ReadablePopulation their = readable(me, partnershipId, theirs);
        model.addAttribute("partner", partner);
        model.addAttribute("my", my);
        model.addAttribute("their", their);
        model.addAttribute("fields", their.fields().stream().sorted().toList());
        model.addAttribute("rows", rows);
        model.addAttribute("query", query);
        model.addAttribute("pager", new Pager(pageNo, total, base(partnershipId, "cell").queryParam("mine", mine).queryParam("theirs", theirs)
                .queryParamIfPresent("q", java.util.Optional.ofNullable(query.search())), query));
        model.addAttribute("csv", UriComponentsBuilder.fromPath("/api/v1/partnerships/{id}/overlaps/export.csv")
                .queryParam("myPopulation", mine).queryParam("partnerPopulation", theirs)
                .queryParamIfPresent("q", java.util.Optional.ofNullable(query.search())).queryParam("sort", query.sort())
                .queryParam("desc", query.descending()).buildAndExpand(partnershipId).encode().toUriString());
        return "overlaps/cell";
    }

    @GetMapping("/overlaps/{partnershipId}/greenfield")
    String greenfield(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId, @RequestParam UUID theirs,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        PartnershipService.View partner = partnerships.get(me, partnershipId);
        ListQuery query = new ListQuery(q, null, false);
        long total = reports.countGreenfield(me.organizationId(), partnershipId, theirs, query);
        int pageNo = clampPage(page, total);
        model.addAttribute("rows", reports.greenfield(me.organizationId(), partnershipId, theirs, query, PAGE, (pageNo - 1) * PAGE));
        SharedOverlaps.ReadablePopulation their = readable(me, partnershipId, theirs);
        model.addAttribute("partner", partner);
        model.addAttribute("their", their);
        model.addAttribute("fields", their.fields().stream().sorted().toList());
        model.addAttribute("query", query);
        model.addAttribute("pager", new Pager(pageNo, total, base(partnershipId, "greenfield").queryParam("theirs", theirs)
                .queryParamIfPresent("q", java.util.Optional.ofNullable(query.search())), query));
        model.addAttribute("csv", UriComponentsBuilder.fromPath("/api/v1/partnerships/{id}/greenfield/export.csv")
                .queryParam("partnerPopulation", theirs).queryParamIfPresent("q", java.util.Optional.ofNullable(query.search()))
                .buildAndExpand(partnershipId).encode().toUriString());
        return "overlaps/greenfield";
    }

    public String cellUrl(UUID partnershipId, UUID mine, UUID theirs) {
        return "/overlaps/" + partnershipId + "/cell?mine=" + mine + "&theirs=" + theirs;
    }

    /** A matrix cell's link as a screen reader says it. */
    public String cellLabel(long n, String mine, String theirs) {
        return String.format("%,d", n) + " overlapping: your " + mine + " × their " + theirs;
    }

    private SharedOverlaps.ReadablePopulation readable(MemberPrincipal me, UUID partnershipId, UUID theirs) {
        Partnership p = partnerships.find(me.organizationId(), partnershipId);
        return shared.readablePopulations(me.organizationId(), p).stream().filter(r -> r.id().equals(theirs)).findFirst()
                .orElseThrow(() -> CrosswalkException.notFound("Partner population"));
    }

    private static UriComponentsBuilder base(UUID partnershipId, String list) {
        return UriComponentsBuilder.fromPath("/overlaps/" + partnershipId + "/" + list);
    }

    private static int clampPage(int page, long total) {
        long last = Math.max(1, (total + PAGE - 1) / PAGE);
        return (int) Math.max(1, Math.min(page, last));
    }

    /** Pages of a list and the links to them, keeping the search and order. */
    record Pager(int page, long total, UriComponentsBuilder base, ListQuery query) {
        public long last() {
            return Math.max(1, (total + PAGE - 1) / PAGE);
        }

        public long from() {
            return total == 0 ? 0 : (long) (page - 1) * PAGE + 1;
        }

        public long to() {
            return Math.min(total, (long) page * PAGE);
        }

        public String link(long toPage) {
            return base.cloneBuilder().queryParam("sort", query.sort()).queryParam("desc", query.descending()).queryParam("page", toPage)
                    .encode().toUriString();
        }

        /** The link that sorts by {@code sort}, flipping the direction when it already sorts by it. */
        public String sortLink(String sort) {
            boolean desc = sort.equals(query.sort()) && !query.descending();
            return base.cloneBuilder().queryParam("sort", sort).queryParam("desc", desc).encode().toUriString();
        }

        /** The list's own parameters (which cell, which population) for the search form to keep. */
        public Map<String, String> hidden() {
            Map<String, String> out = new LinkedHashMap<>(base.build().getQueryParams().toSingleValueMap());
            out.remove("q");
            return out;
        }

        public String ariaSort(String sort) {
            return !sort.equals(query.sort()) ? "none" : query.descending() ? "descending" : "ascending";
        }
    }
}
