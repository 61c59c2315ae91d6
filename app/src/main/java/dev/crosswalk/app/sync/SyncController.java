package dev.crosswalk.app.sync;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Sync", description = "Sync runs: history, progress, sync now")
class SyncController {
    private final SyncService service;

    SyncController(SyncService service) {
        this.service = service;
    }

    @PostMapping("/integrations/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Sync now (Admins and Managers)")
    void syncNow(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id) {
        service.syncNow(me, id);
    }

    @GetMapping("/integrations/{id}/runs")
    @Operation(summary = "Run history, newest first; a running run shows records so far and the estimated total")
    List<SyncRun> runs(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "20") int limit) {
        return service.runs(me, id, limit);
    }

    @GetMapping("/runs/{runId}")
    SyncRun run(@AuthenticationPrincipal MemberPrincipal me, @PathVariable UUID runId) {
        return service.run(me, runId);
    }
}
