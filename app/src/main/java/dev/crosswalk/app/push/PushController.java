package dev.crosswalk.app.push;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/integrations/{id}/push")
@Tag(name = "Push", description = "Overlaps written into Salesforce as Ecosystem_Overlap__c records (Custom Objects integrations)")
class PushController {
    private final PushService pushes;
    private final PushSettingsService settings;
    private final PushTargets targets;
    private final PartnerAccounts partnerAccounts;
    private final dev.crosswalk.app.partner.PartnershipService partnerships;

    PushController(PushService pushes, PushSettingsService settings, PushTargets targets, PartnerAccounts partnerAccounts,
            dev.crosswalk.app.partner.PartnershipService partnerships) {
        this.pushes = pushes;
        this.settings = settings;
        this.targets = targets;
        this.partnerAccounts = partnerAccounts;
        this.partnerships = partnerships;
    }

    @GetMapping
    @Operation(summary = "Last pushes, records in Salesforce, rejected rows by Salesforce error code")
    PushService.Status status(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return pushes.status(me.organizationId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Push now (Admins only)")
    void pushNow(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        OrganizationService.requireAdmin(me);
        pushes.queue(me.organizationId(), id);
    }

    @GetMapping("/settings")
    @Operation(summary = "What is pushed: partners, my populations, partner populations, partner fields (null = all)")
    PushSettings settings(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return settings.get(me.organizationId(), id);
    }

    @PutMapping("/settings")
    @Operation(summary = "Save what is pushed (Admins only); a push follows at once")
    PushSettings saveSettings(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @RequestBody PushSettings body) {
        OrganizationService.requireAdmin(me);
        return settings.save(me.organizationId(), id, body);
    }

    @GetMapping("/export-limit")
    @Operation(summary = "The export limit: unique records pushed per term, the Admin's own cap, and this term's usage")
    ExportLimit exportLimit(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return pushes.exportLimit(me.organizationId(), id);
    }

    /** {@code limit}: unique records per term, at most the operator's limit; null removes the Admin's cap. */
    record ExportLimitChange(Integer limit) {
    }

    @PutMapping("/export-limit")
    @Operation(summary = "Cap the unique records pushed per term (Admins only; never above the operator's limit); a push follows")
    ExportLimit setExportLimit(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @RequestBody ExportLimitChange body) {
        OrganizationService.requireAdmin(me);
        ExportLimit changed = pushes.setExportLimit(me.organizationId(), id, body == null ? null : body.limit());
        pushes.queue(me.organizationId(), id);
        return changed;
    }

    @GetMapping("/rejected-rows")
    @Operation(summary = "Rows Salesforce rejected, with its error code and message and the fix; retried on later pushes")
    List<PushService.RejectedRow> rejectedRows(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return pushes.rejectedRows(me.organizationId(), id, limit, offset);
    }

    @GetMapping("/partner-accounts")
    @Operation(summary = "Each active partner and the Account standing for it in your org (Mapped / Unmapped)")
    List<PartnerAccounts.Mapping> partnerAccounts(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        PushTargets.Target t = targets.require(me.organizationId(), id);
        return partnerships.activeFor(me.organizationId()).stream()
                .map(p -> partnerAccounts.resolve(t, p.partnerOf(me.organizationId()))).toList();
    }

    /** {@code accountId}: an 18-character Account id, or null for "no Account"; {@code automatic: true} resets to the domain match. */
    record MappingChange(String accountId, Boolean automatic) {
    }

    @PutMapping("/partner-accounts/{partnerOrganizationId}")
    @Operation(summary = "Map a partner to an Account of your org, to none, or back to automatic (Admins only); a push follows")
    PartnerAccounts.Mapping mapPartner(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @PathVariable UUID partnerOrganizationId, @RequestBody MappingChange body) {
        OrganizationService.requireAdmin(me);
        PushTargets.Target t = targets.require(me.organizationId(), id);
        boolean partner = partnerships.activeFor(me.organizationId()).stream()
                .anyMatch(p -> p.partnerOf(me.organizationId()).equals(partnerOrganizationId));
        if (!partner) {
            throw dev.crosswalk.app.system.CrosswalkException.notFound("An active partnership with this organization");
        }
        PartnerAccounts.Mapping m = body != null && Boolean.TRUE.equals(body.automatic())
                ? partnerAccounts.resetToAutomatic(t, partnerOrganizationId)
                : partnerAccounts.setManual(t, partnerOrganizationId, body == null ? null : body.accountId());
        pushes.queue(me.organizationId(), id);
        return m;
    }
}
