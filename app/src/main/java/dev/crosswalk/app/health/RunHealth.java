package dev.crosswalk.app.health;

import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.sync.RunFinished;
import dev.crosswalk.app.sync.RunOutcome;
import dev.crosswalk.app.sync.RunProblem;
import dev.crosswalk.app.sync.SyncRun;
import dev.crosswalk.app.sync.SyncService;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a finished run means for the integration's health: its problems become errors (with the
 * words of {@link Problems}, also written into the run's history), what it proved clears errors,
 * its API usage is remembered, and a transient failure is retried later. The sync publishes the
 * outcome and knows nothing of this.
 */
@Component
class RunHealth {
    private final HealthService health;
    private final QuotaGuard quota;
    private final TransientRetry retry;
    private final SyncService syncs;
    private final IntegrationService integrations;

    RunHealth(HealthService health, QuotaGuard quota, TransientRetry retry, SyncService syncs, IntegrationService integrations) {
        this.health = health;
        this.quota = quota;
        this.retry = retry;
        this.syncs = syncs;
        this.integrations = integrations;
    }

    @EventListener
    void finished(RunFinished event) {
        RunOutcome o = event.outcome();
        List<Problem> problems = o.problems().stream().map(p -> problem(p, o.salesforceUsername())).toList();
        if (!o.started()) {
            health.observe(o.organizationId(), o.integrationId(), o.connectionId(), problems, Proof.nothing("quota-guard"));
            return;
        }
        syncs.describeErrors(o.runId(), problems.stream()
                .map(p -> new SyncRun.RunError(p.code().name(), p.object(), p.field(), p.text())).toList());
        o.worked().usage().ifPresent(usage -> health.recordUsage(o.connectionId(), usage));
        integrations.findForJob(o.integrationId())
                .ifPresent(i -> health.clearDeselected(o.integrationId(), i.settings().objects()));
        health.observeCompleted(o.organizationId(), o.integrationId(), o.connectionId(), problems, proof(o));
        if (o.retry() == RunOutcome.Retry.LATER) {
            int seen = health.openErrors(o.integrationId()).stream().filter(e -> e.code().isTransient())
                    .mapToInt(IntegrationError::occurrences).max().orElse(1);
            retry.schedule(o.integrationId(), seen);
        } else if (o.retry() == RunOutcome.Retry.CANCEL_PENDING) {
            retry.cancel(o.integrationId());
        }
    }

    /** The run's fact in an admin's words. */
    Problem problem(RunProblem p, String username) {
        if (p instanceof RunProblem.Refused r) {
            return Problems.of(r.error(), r.object(), username);
        }
        if (p instanceof RunProblem.FieldMissing f) {
            return Problems.fieldMissing(f.object(), f.field(), username);
        }
        if (p instanceof RunProblem.NotStored n) {
            return Problems.syncFailed(n.object(), n.detail());
        }
        if (p instanceof RunProblem.QuotaReached q) {
            return quota.problem(q.usage());
        }
        throw new IllegalArgumentException("no problem text for " + p);
    }

    private static Proof proof(RunOutcome o) {
        Proof proof = Proof.ofRun(o.runId(), o.worked().fieldsRead());
        proof = o.worked().connectionWorks() ? proof.withConnectionWorking() : proof;
        return o.worked().withinBudget() ? proof.withQuotaOk() : proof;
    }
}
