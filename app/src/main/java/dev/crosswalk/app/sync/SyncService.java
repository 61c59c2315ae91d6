package dev.crosswalk.app.sync;

import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Runs and their history: the sync feature's public service. */
@Service
public class SyncService {
    private final SyncRunRepository runs;
    private final IntegrationService integrations;
    private final SyncLauncher launcher;

    private final ApplicationEventPublisher events;
    private final Clock clock;

    SyncService(SyncRunRepository runs, IntegrationService integrations, SyncLauncher launcher, ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.clock = clock;
        this.runs = runs;
        this.integrations = integrations;
        this.launcher = launcher;
    }

    public Optional<Instant> lastStart(UUID integrationId) {
        return runs.lastStart(integrationId);
    }

    public List<SyncRun> runs(MemberPrincipal me, UUID integrationId, int limit) {
        integrations.find(me.organizationId(), integrationId);
        return runs.list(me.organizationId(), integrationId, Math.min(Math.max(limit, 1), 200));
    }

    /** For other features' read models (the caller has checked the organization). */
    public List<SyncRun> recentRuns(UUID organizationId, UUID integrationId, int limit) {
        return runs.list(organizationId, integrationId, limit);
    }

    public SyncRun run(MemberPrincipal me, UUID runId) {
        return runs.find(me.organizationId(), runId).orElseThrow(() -> CrosswalkException.notFound("Run"));
    }

    public Optional<SyncRun> running(UUID integrationId) {
        return runs.running(integrationId);
    }

    /** Finished runs of the integration whose records the after-sync work has not caught up with yet. */
    public List<UUID> awaitingMatch(UUID integrationId) {
        return runs.awaitingMatch(integrationId);
    }

    /** Integrations with such runs (the dispatcher's safety net for a missed after-sync job). */
    public List<UUID> integrationsAwaitingMatch() {
        return runs.integrationsAwaitingMatch();
    }

    /** The after-sync work has caught up with these runs (read by {@link #awaitingMatch} before it started). */
    public void markMatched(UUID organizationId, UUID integrationId, List<UUID> runIds) {
        if (runIds.isEmpty()) {
            return;
        }
        runs.markMatched(runIds, clock.instant());
        events.publishEvent(new RunsMatched(organizationId, integrationId, runIds));
    }

    /** The finished run's problems in words, for its history (from health, which writes problem texts). */
    public void describeErrors(UUID runId, List<SyncRun.RunError> errors) {
        if (runId != null && !errors.isEmpty()) {
            runs.describeErrors(runId, errors);
        }
    }

    /** Sync now: Admins and Managers may ask; a run already queued or running is not doubled. */
    public void syncNow(MemberPrincipal me, UUID integrationId) {
        if (me.role() == dev.crosswalk.app.org.Role.VIEWER) {
            throw CrosswalkException.forbidden("Viewers cannot start a sync");
        }
        integrations.find(me.organizationId(), integrationId);
        if (runs.running(integrationId).isPresent() || !launcher.launch(integrationId, SyncTrigger.MANUAL)) {
            throw CrosswalkException.of(ErrorCode.SYNC_ALREADY_RUNNING, "A sync of this integration is already queued or running");
        }
    }
}
