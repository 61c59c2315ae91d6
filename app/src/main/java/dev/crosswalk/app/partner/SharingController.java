package dev.crosswalk.app.partner;

import dev.crosswalk.app.org.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sharing")
@Tag(name = "Sharing", description = "What partners see of each population: default level and per-partner overrides")
class SharingController {
    private final SharingService service;

    SharingController(SharingService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The sharing rules of all your populations (unset = HIDDEN)")
    List<PopulationSharing> all(@AuthenticationPrincipal MemberPrincipal me) {
        return service.sharingOf(me.organizationId());
    }

    @GetMapping("/populations/{populationId}")
    PopulationSharing get(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID populationId) {
        return service.sharing(me, populationId);
    }

    @PutMapping("/populations/{populationId}/default")
    @Operation(summary = "Set a population's default sharing (Admins only)")
    PopulationSharing setDefault(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID populationId,
            @RequestBody SharingRule rule) {
        return service.setDefault(me, populationId, rule);
    }

    @PutMapping("/populations/{populationId}/partners/{partnerOrganizationId}")
    @Operation(summary = "Override a population's sharing for one partner (Admins only)")
    PopulationSharing setOverride(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID populationId,
            @PathVariable UUID partnerOrganizationId, @RequestBody SharingRule rule) {
        return service.setOverride(me, populationId, partnerOrganizationId, rule);
    }

    @DeleteMapping("/populations/{populationId}/partners/{partnerOrganizationId}")
    @Operation(summary = "Remove a per-partner override (Admins only): the default applies again")
    PopulationSharing removeOverride(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID populationId,
            @PathVariable UUID partnerOrganizationId) {
        return service.removeOverride(me, populationId, partnerOrganizationId);
    }
}
