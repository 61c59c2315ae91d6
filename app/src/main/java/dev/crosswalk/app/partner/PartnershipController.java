package dev.crosswalk.app.partner;

import dev.crosswalk.app.system.InputText;
import jakarta.validation.constraints.Size;
import dev.crosswalk.app.org.MemberPrincipal;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/partnerships")
@Tag(name = "Partnerships", description = "Dual opt-in partnerships: nothing is shared before both sides accepted")
class PartnershipController {
    private final PartnershipService service;

    PartnershipController(PartnershipService service) {
        this.service = service;
    }

    record Invite(@Size(max = InputText.NAME_MAX) String partner) {
    }

    record NameMatching(boolean enabled) {
    }

    @GetMapping
    List<PartnershipService.View> list(@AuthenticationPrincipal MemberPrincipal me) {
        return service.list(me);
    }

    @GetMapping("/{id}")
    PartnershipService.View get(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return service.get(me, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite an organization by its exact name or a domain its members use (Admins only)")
    PartnershipService.View invite(@AuthenticationPrincipal MemberPrincipal me, @RequestBody Invite body) {
        return service.invite(me, body.partner());
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept an invitation (the invited organization's Admins only)")
    PartnershipService.View accept(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return service.accept(me, id);
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline an invitation (the invited organization's Admins only)")
    PartnershipService.View decline(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return service.decline(me, id);
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "End a pending or active partnership (either side's Admins); sharing stops at once")
    PartnershipService.View revoke(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return service.revoke(me, id);
    }

    @PutMapping("/{id}/name-matching")
    @Operation(summary = "Turn name matching (weak evidence) on or off for your side; it applies when both sides turned it on")
    PartnershipService.View nameMatching(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestBody NameMatching body) {
        return service.setNameMatching(me, id, body.enabled());
    }
}
