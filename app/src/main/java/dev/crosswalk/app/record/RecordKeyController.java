package dev.crosswalk.app.record;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.schedule.AfterSyncPipeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Match keys", description = "Stored match keys of synced records, and the domains your organization owns")
class RecordKeyController {
    private final RecordKeyService keys;
    private final OrganizationDomainService domains;
    private final AfterSyncPipeline pipeline;

    RecordKeyController(RecordKeyService keys, OrganizationDomainService domains, AfterSyncPipeline pipeline) {
        this.keys = keys;
        this.domains = domains;
        this.pipeline = pipeline;
    }

    record DomainRequest(String domain) {
    }

    @GetMapping("/records/key-stats")
    @Operation(summary = "How many synced records have a domain key, and why the others have none (per object and reason)")
    RecordKeyService.KeyStats stats(@AuthenticationPrincipal MemberPrincipal me,
            @Parameter(description = "Only this integration (default: all of the organization)") @RequestParam(required = false)
            UUID integrationId) {
        return keys.stats(me.organizationId(), integrationId);
    }

    @PostMapping("/records/keys/recompute")
    @Operation(summary = "Compute the keys of records not keyed yet, now (Admins); normally this runs after each sync")
    List<KeysComputed> recompute(@AuthenticationPrincipal MemberPrincipal me) {
        List<KeysComputed> computed = keys.recomputeAll(me);
        // The overlaps (and what follows them) catch up with changed keys in the after-sync pipeline.
        pipeline.queueForOrganization(me.organizationId());
        return computed;
    }

    @GetMapping("/organization/domains")
    @Operation(summary = "Domains your organization owns (multi-domain companies): partners find you by them")
    List<OrganizationDomainService.OwnedDomain> domains(@AuthenticationPrincipal MemberPrincipal me) {
        return domains.domains(me.organizationId());
    }

    @PostMapping("/organization/domains")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Claim a domain for your organization (Admins); a URL or email is reduced to its registrable domain",
            description = "400 when the value gives no domain (personal email providers included), 409 when another "
                    + "organization owns it")
    OrganizationDomainService.OwnedDomain addDomain(@AuthenticationPrincipal MemberPrincipal me, @RequestBody DomainRequest body) {
        return domains.add(me, body == null ? null : body.domain());
    }

    @DeleteMapping("/organization/domains/{domain}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Release a domain of your organization (Admins)")
    void removeDomain(@AuthenticationPrincipal MemberPrincipal me, @PathVariable String domain) {
        domains.remove(me, domain);
    }
}
