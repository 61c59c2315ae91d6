package dev.crosswalk.app.overlap;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
    @Operation(summary = "Overlapping records of one population pair, with exactly the fields the partner shares")
    List<OverlapReports.OverlapRow> overlaps(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId,
            @RequestParam(required = false) UUID myPopulation, @RequestParam(required = false) UUID partnerPopulation,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return reports.overlaps(me, partnershipId, myPopulation, partnerPopulation, limit, offset);
    }

    @GetMapping("/greenfield")
    @Operation(summary = "Partner records that overlap none of yours (populations shared with ALL only)")
    List<OverlapReports.GreenfieldRow> greenfield(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId,
            @RequestParam(required = false) UUID partnerPopulation, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return reports.greenfield(me, partnershipId, partnerPopulation, limit, offset);
    }

    @PostMapping("/overlaps/recompute")
    @Operation(summary = "Recompute this partnership's overlaps from scratch (Admins only; repair)")
    Map<String, Integer> recompute(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID partnershipId) {
        OrganizationService.requireAdmin(me);
        partnerships.find(me.organizationId(), partnershipId);
        return Map.of("pairs", engine.recomputeFull(partnershipId));
    }
}
