package dev.crosswalk.app.org;

import dev.crosswalk.app.system.InputText;
import dev.crosswalk.app.system.CrosswalkException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organization", description = "Your organization and its members")
class OrganizationController {
    private final OrganizationService service;

    OrganizationController(OrganizationService service) {
        this.service = service;
    }

    record MeView(UUID memberId, String email, Role role, UUID organizationId, String organizationName) {
    }

    record NewMember(@NotBlank @Email String email, @Size(max = InputText.NAME_MAX) String displayName, @NotBlank @Size(min = 8) String password,
            @NotNull Role role) {
    }

    record RoleChange(@NotNull Role role) {
    }

    @GetMapping("/me")
    @Operation(summary = "Who is signed in, and in which organization")
    MeView me(@AuthenticationPrincipal MemberPrincipal me) {
        String orgName = service.organization(me.organizationId()).map(Organization::name).orElse(null);
        return new MeView(me.memberId(), me.email(), me.role(), me.organizationId(), orgName);
    }

    @GetMapping("/organization")
    Organization organization(@AuthenticationPrincipal MemberPrincipal me) {
        return service.organization(me.organizationId()).orElseThrow(() -> CrosswalkException.notFound("Organization"));
    }

    @GetMapping("/members")
    List<Member> members(@AuthenticationPrincipal MemberPrincipal me) {
        return service.members(me);
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a member (Admins only)")
    Member add(@AuthenticationPrincipal MemberPrincipal me, @Valid @RequestBody NewMember body) {
        return service.addMember(me, body.email(), body.displayName(), body.password(), body.role());
    }

    @PatchMapping("/members/{id}")
    @Operation(summary = "Change a member's role (Admins only)")
    Member changeRole(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id, @Valid @RequestBody RoleChange body) {
        return service.changeRole(me, id, body.role());
    }

    @DeleteMapping("/members/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member (Admins only)")
    void remove(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        service.removeMember(me, id);
    }
}
