package dev.crosswalk.app.health;

import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.Role;
import dev.crosswalk.app.system.CrosswalkException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/integrations/{id}")
@Tag(name = "Connection health", description = "Status, errors with causes and fixes, the health probe, reauthorization results")
class HealthController {
    private final HealthViews views;
    private final HealthProbe probe;
    private final IntegrationService integrations;

    HealthController(HealthViews views, HealthProbe probe, IntegrationService integrations) {
        this.views = views;
        this.probe = probe;
        this.integrations = integrations;
    }

    @GetMapping("/health")
    @Operation(summary = "Status, connection health (last success/failure/probe), daily API usage, open errors and warnings")
    HealthViews.Health health(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        return views.health(me.organizationId(), id);
    }

    @GetMapping("/errors")
    @Operation(summary = "Errors and warnings, newest first: code, object/field, message, fix, first/last seen, occurrences,"
            + " and for cleared ones when and by which run or probe")
    List<IntegrationError> errors(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @Parameter(description = "include cleared errors (the history)") @RequestParam(defaultValue = "true") boolean includeCleared,
            @RequestParam(defaultValue = "100") int limit) {
        return views.history(me.organizationId(), id, includeCleared, limit);
    }

    @PostMapping("/probe")
    @Operation(summary = "Probe the connection now (Admins and Managers): identity, API usage and the permission preflight")
    HealthProbe.ProbeResult probeNow(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        if (me.role() == Role.VIEWER) {
            throw CrosswalkException.forbidden("Viewers cannot probe connections");
        }
        integrations.find(me.organizationId(), id);
        return probe.probe(id, true).orElseThrow(() -> CrosswalkException.notFound("Connection"));
    }

    @GetMapping("/verification")
    @Operation(summary = "The result of the last (re)authorization: preflight lines, the verification run, errors cleared,"
            + " and what is still wrong with its fix",
            description = "waitSeconds (0–30) holds the answer until the verification run has finished")
    HealthViews.Verification verification(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int waitSeconds) {
        return views.verification(me.organizationId(), id, Duration.ofSeconds(Math.min(Math.max(waitSeconds, 0), 30)));
    }
}
