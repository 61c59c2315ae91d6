package dev.crosswalk.app.overlap;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/partnerships/{partnershipId}")
@Tag(name = "Overlaps", description = "Accounts you have in common with a partner, as far as the partner shares them")
class OverlapController {
    private final OverlapReportService reports;
    private final OverlapEngine engine;
    private final dev.crosswalk.app.partner.PartnershipService partnerships;

    OverlapController(OverlapReportService reports, OverlapEngine engine, dev.crosswalk.app.partner.PartnershipService partnerships) {
        this.reports = reports;
        this.engine = engine;
        this.partnerships = partnerships;
    }

    @GetMapping("/partner-populations")
    @Operation(summary = "The partner's populations you may see (hidden ones are not listed)")
    List<OverlapReports.Column> partnerPopulations(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId) {
        return reports.partnerPopulations(me, partnershipId);
    }

    @GetMapping("/overlaps/matrix")
    @Operation(summary = "Overlapping accounts per (your population × partner population you may see)")
    OverlapReports.Matrix matrix(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId) {
        return reports.matrix(me, partnershipId);
    }

    @GetMapping("/overlaps")
    @Operation(summary = "Overlapping records of one population pair, with exactly the fields the partner shares "
            + "(limit up to 10000 per page; q searches your record's name and the shared values; sort record|name|evidence)")
    List<OverlapReports.OverlapRow> overlaps(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId,
            @RequestParam(required = false) UUID myPopulation, @RequestParam(required = false) UUID partnerPopulation,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean desc) {
        return reports.overlaps(me.organizationId(), partnershipId, myPopulation, partnerPopulation,
                new OverlapReportService.ListQuery(q, sort, desc), limit, offset);
    }

    @GetMapping("/overlaps/export.csv")
    @Operation(summary = "Every row of the same list as CSV, streamed (not paged, not capped); same rules, search and order")
    void exportOverlaps(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId,
            @RequestParam(required = false) UUID myPopulation, @RequestParam(required = false) UUID partnerPopulation,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean desc, HttpServletResponse response) throws IOException {
        reports.exportOverlaps(me.organizationId(), partnershipId, myPopulation, partnerPopulation,
                new OverlapReportService.ListQuery(q, sort, desc), csv(response));
    }

    @GetMapping("/greenfield")
    @Operation(summary = "Partner records that overlap none of yours (populations shared with ALL only; limit up to 10000 per page)")
    List<OverlapReports.GreenfieldRow> greenfield(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId,
            @RequestParam(required = false) UUID partnerPopulation, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean desc) {
        return reports.greenfield(me.organizationId(), partnershipId, partnerPopulation, new OverlapReportService.ListQuery(q, null, desc),
                limit, offset);
    }

    @GetMapping("/greenfield/export.csv")
    @Operation(summary = "Every greenfield row as CSV, streamed (not paged, not capped)")
    void exportGreenfield(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId,
            @RequestParam(required = false) UUID partnerPopulation, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean desc, HttpServletResponse response) throws IOException {
        reports.exportGreenfield(me.organizationId(), partnershipId, partnerPopulation, new OverlapReportService.ListQuery(q, null, desc),
                csv(response));
    }

    /** The response as a CSV download, opened only after the list was allowed (a refusal is still a problem document). */
    static OverlapCsv.Target csv(HttpServletResponse response) {
        return name -> {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            response.setHeader("Cache-Control", "no-store");
            return response.getOutputStream();
        };
    }

    @PostMapping("/overlaps/recompute")
    @Operation(summary = "Recompute this partnership's overlaps from scratch (Admins only; repair)")
    Map<String, Integer> recompute(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId) {
        OrganizationService.requireAdmin(me);
        partnerships.find(me.organizationId(), partnershipId);
        return Map.of("pairs", engine.recomputeFull(partnershipId));
    }
}
