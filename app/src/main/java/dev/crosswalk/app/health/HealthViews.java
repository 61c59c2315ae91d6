package dev.crosswalk.app.health;

import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.connection.ConnectionView;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.integration.IntegrationStatus;
import dev.crosswalk.app.sync.RunFinished;
import dev.crosswalk.app.sync.SyncRun;
import dev.crosswalk.app.sync.SyncService;
import dev.crosswalk.app.sync.SyncTrigger;
import dev.crosswalk.salesforce.LimitInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Read models of an integration's health, its error history and a reauthorization's verification:
 * the health API and the web pages show the same.
 */
@Component
public class HealthViews {
    private final IntegrationService integrations;
    private final ConnectionService connections;
    private final SyncService syncs;
    private final ErrorRepository errors;
    private final ProbeRepository probes;
    private final QuotaGuard quota;
    private final Clock clock;
    private final Object runFinished = new Object();

    HealthViews(IntegrationService integrations, ConnectionService connections, SyncService syncs, ErrorRepository errors,
            ProbeRepository probes, QuotaGuard quota, Clock clock) {
        this.integrations = integrations;
        this.connections = connections;
        this.syncs = syncs;
        this.errors = errors;
        this.probes = probes;
        this.quota = quota;
        this.clock = clock;
    }

    public record ApiUsage(long used, long max, double usedShare, double pauseShare, boolean paused, Instant seenAt) {
    }

    public record ConnectionHealthView(UUID connectionId, String health, String salesforceUsername, String salesforceOrgId,
            String authorizedByEmail, Instant authorizedAt, Instant lastSuccessAt, Instant lastFailureAt, Instant lastProbeAt,
            Boolean lastProbeOk) {
    }

    public record Health(UUID integrationId, IntegrationStatus status, ConnectionHealthView connection, ApiUsage apiUsage,
            List<IntegrationError> errors, List<IntegrationError> warnings, int pendingTransient) {
    }

    public Health health(UUID organizationId, UUID integrationId) {
        IntegrationService.Details d = integrations.get(organizationId, integrationId);
        ConnectionView c = d.connection();
        ConnectionHealthView cv = null;
        ApiUsage usage = null;
        if (c != null) {
            ProbeRepository.ProbeState p = probes.find(c.id()).orElse(null);
            cv = new ConnectionHealthView(c.id(), c.health().name(), c.salesforceUsername(), c.salesforceOrgId(),
                    c.authorizedByEmail(), c.authorizedAt(), c.lastSuccessAt(), c.lastFailureAt(),
                    p == null ? null : p.lastProbeAt(), p == null ? null : p.lastProbeOk());
            if (p != null && p.usage() != null) {
                LimitInfo u = p.usage();
                usage = new ApiUsage(u.used(), u.max(), u.usedFraction(), quota.share(), quota.over(u), p.usageSeenAt());
            }
        }
        List<IntegrationError> open = errors.open(integrationId);
        return new Health(integrationId, d.effectiveStatus(), cv, usage,
                open.stream().filter(e -> e.visible() && e.severity() == HealthCode.Severity.ERROR).toList(),
                open.stream().filter(e -> e.visible() && e.severity() == HealthCode.Severity.WARNING).toList(),
                (int) open.stream().filter(e -> !e.visible()).count());
    }

    /**
     * Approvals of Crosswalk's connected app the integration's Salesforce user holds, of the
     * {@value HealthProbe#APPROVAL_LIMIT} Salesforce keeps (a 6th silently revokes the oldest).
     */
    public record Approvals(int used, int limit) {
    }

    public Optional<Approvals> approvals(UUID organizationId, UUID integrationId) {
        integrations.find(organizationId, integrationId);
        return probes.target(integrationId)
                .map(t -> new Approvals(probes.approvalsHeld(t.sfOrgId(), t.sfUserId()), HealthProbe.APPROVAL_LIMIT));
    }

    public List<IntegrationError> history(UUID organizationId, UUID integrationId, boolean includeCleared, int limit) {
        integrations.find(organizationId, integrationId);
        return errors.history(organizationId, integrationId, includeCleared, Math.min(Math.max(limit, 1), 500));
    }

    /**
     * What a reauthorization achieved: the preflight it ran, its verification run, the errors it
     * cleared and exactly what is still wrong (with the fix).
     *
     * @param done              the verification run finished
     * @param secondsToVerified from the authorization to the last clearing or the run's end, once done
     */
    public record Verification(UUID integrationId, Instant reauthorizedAt, String salesforceUsername,
            List<HealthProbe.PreflightLine> preflight, SyncRun run, boolean done, List<IntegrationError> cleared,
            List<IntegrationError> stillWrong, Double secondsToVerified) {
    }

    public Verification verification(UUID organizationId, UUID integrationId, Duration wait) {
        integrations.find(organizationId, integrationId);
        Instant deadline = clock.instant().plus(wait);
        while (true) {
            Verification v = verificationNow(organizationId, integrationId);
            Duration left = Duration.between(clock.instant(), deadline);
            if (v.done() || left.isNegative() || left.isZero()) {
                return v;
            }
            synchronized (runFinished) {
                try {
                    // Woken by RunFinished (below), not polling; the timeout bounds a missed wake-up.
                    runFinished.wait(Math.max(1, Math.min(left.toMillis(), 1000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return v;
                }
            }
        }
    }

    @EventListener
    void onRunFinished(RunFinished event) {
        synchronized (runFinished) {
            runFinished.notifyAll();
        }
    }

    private Verification verificationNow(UUID organizationId, UUID integrationId) {
        ConnectionView c = connections.inbound(organizationId, integrationId).orElse(null);
        if (c == null) {
            return new Verification(integrationId, null, null, List.of(), null, false, List.of(), List.of(), null);
        }
        Instant since = c.authorizedAt();
        ProbeRepository.ProbeState p = probes.find(c.id()).orElse(null);
        List<HealthProbe.PreflightLine> lines = p == null || p.preflightJson() == null || p.preflightAt() == null
                || p.preflightAt().isBefore(since) ? List.of()
                : AlertService.JSON.readValue(p.preflightJson(), new TypeReference<List<HealthProbe.PreflightLine>>() {
                });
        SyncRun run = syncs.recentRuns(organizationId, integrationId, 20).stream()
                .filter(r -> r.trigger() == SyncTrigger.VERIFICATION && !r.startedAt().isBefore(since))
                .min(Comparator.comparing(SyncRun::startedAt)).orElse(null);
        boolean done = run != null && !"RUNNING".equals(run.status());
        List<IntegrationError> cleared = errors.clearedSince(integrationId, since);
        List<IntegrationError> still = errors.open(integrationId).stream().filter(IntegrationError::visible).toList();
        Double seconds = null;
        if (done) {
            Instant last = run.endedAt();
            for (IntegrationError e : cleared) {
                if (e.clearedAt().isAfter(last)) {
                    last = e.clearedAt();
                }
            }
            seconds = Duration.between(since, last).toMillis() / 1000.0;
        }
        return new Verification(integrationId, since, c.salesforceUsername(), lines, run, done, cleared, still, seconds);
    }
}
