package dev.crosswalk.app.org;

import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Personal API tokens for scripts: send them as 'Authorization: Bearer cw_pat_…'")
class ApiTokenController {
    private final ApiTokenService service;

    ApiTokenController(ApiTokenService service) {
        this.service = service;
    }

    /** Checked by the service, whose problems name the field ({@code name}, {@code expiresInDays}). */
    record NewToken(@Schema(maxLength = ApiTokenService.MAX_NAME_LENGTH, requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(minimum = "1", maximum = "3650", description = "Days until the token expires; absent: never") Integer expiresInDays) {
    }

    /** The one answer that carries the secret. */
    record Created(UUID id, String name, String hint, Instant createdAt, Instant expiresAt, String token) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal API token (signed in with the browser session; the token is shown only in this answer)")
    Created create(@AuthenticationPrincipal MemberPrincipal me, Authentication auth, @RequestBody NewToken body) {
        // A leaked token must not be able to mint itself a longer-lived successor.
        if (auth instanceof ApiTokenAuthentication) {
            throw CrosswalkException.forbidden("Create API tokens while signed in to Crosswalk, not with another token");
        }
        if (body == null) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "body: a JSON object with name (and expiresInDays) is required");
        }
        ApiTokenService.CreatedToken c = service.create(me, body.name(), body.expiresInDays());
        return new Created(c.token().id(), c.token().name(), c.token().hint(), c.token().createdAt(), c.token().expiresAt(),
                c.secret());
    }

    @GetMapping
    @Operation(summary = "Your API tokens, or with scope=organization every member's (Admins only); never the secrets")
    List<ApiToken> list(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "mine") String scope) {
        return switch (scope) {
            case "mine" -> service.mine(me);
            case "organization" -> service.organization(me);
            default -> throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "scope: 'mine' or 'organization'");
        };
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API token at once (your own; Admins any of the organization)")
    void revoke(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        service.revoke(me, id);
    }
}
