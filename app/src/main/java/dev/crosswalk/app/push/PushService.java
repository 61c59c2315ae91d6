package dev.crosswalk.app.push;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.crosswalk.app.schedule.Jobs;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The push feature's public service: queue a push ("push now", a partner-side change, a lock-error
 * retry; after a sync push is the pipeline's last stage, {@link PushStage}) and read what pushes did (the integration page's status, the rejected rows). Pushes run
 * as a db-scheduler job per Custom Objects integration ({@link PushJobs#TASK}, id = integration
 * id), so two never run at once for one integration, on any number of nodes.
 */
@Service
public class PushService {
    private final Jobs jobs;
    private final PushTargets targets;
    private final PushStore store;
    private final Clock clock;

    /** The engine is looked up when a push runs now: it depends on services that queue pushes through this one. */
    private final ObjectProvider<PushEngine> engine;

    private final PushProperties properties;

    PushService(Jobs jobs, PushTargets targets, PushStore store, Clock clock, ObjectProvider<PushEngine> engine,
            PushProperties properties) {
        this.properties = properties;
        this.jobs = jobs;
        this.engine = engine;
        this.targets = targets;
        this.store = store;
        this.clock = clock;
    }

    /** Queues a push of the organization's Custom Objects integration now (a no-op if one is already queued). 404 for another's. */
    public void queue(UUID organizationId, UUID customObjectsIntegrationId) {
        targets.require(organizationId, customObjectsIntegrationId);
        queueAt(customObjectsIntegrationId, clock.instant());
    }

    /** Pushes now, on the caller's thread (the demo's first push; waits for a running push of the integration). */
    public PushRun pushNow(UUID organizationId, UUID customObjectsIntegrationId) {
        targets.require(organizationId, customObjectsIntegrationId);
        return engine.getObject().push(customObjectsIntegrationId, "MANUAL").orElseThrow();
    }

    /** Queues a push for every Custom Objects integration of the organization (partner-side changes). */
    public void queueAll(UUID organizationId) {
        targets.ofOrganization(organizationId).forEach(t -> queueAt(t.integrationId(), clock.instant()));
    }

    void queueAt(UUID integrationId, Instant when) {
        jobs.queueAt(TaskDescriptor.of(PushJobs.TASK), integrationId.toString(), null, when);
    }

    public ExportLimit exportLimit(UUID organizationId, UUID customObjectsIntegrationId) {
        PushTargets.Target t = targets.require(organizationId, customObjectsIntegrationId);
        Optional<Integer> own = store.exportLimit(t.integrationId());
        java.time.LocalDate term = properties.termStart(clock.instant());
        return new ExportLimit(properties.exportLimit(), own.orElse(null), ExportLimit.effective(properties.exportLimit(), own),
                properties.exportTerm(), term, store.exportedThisTerm(t.integrationId(), term));
    }

    /** Sets or (null) removes the Admin's cap; 400 below 1 or above the operator's limit. */
    public ExportLimit setExportLimit(UUID organizationId, UUID customObjectsIntegrationId, Integer limit) {
        PushTargets.Target t = targets.require(organizationId, customObjectsIntegrationId);
        if (limit != null && limit < 1) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "The export limit must be at least 1 (or null for none of your own).");
        }
        if (limit != null && properties.exportLimit() > 0 && limit > properties.exportLimit()) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "The export limit can only be lowered: at most "
                    + properties.exportLimit() + " unique records per " + properties.exportTerm().toLowerCase() + ".");
        }
        store.setExportLimit(t.integrationId(), limit);
        return exportLimit(organizationId, customObjectsIntegrationId);
    }

    /** What the integration page shows: the last pushes, what Salesforce holds, and the rejected rows by code. */
    public record Status(List<PushRun> recentRuns, int recordsInSalesforce, int accountsMarked, int rejectedRows,
            Map<String, Integer> rejectedByCode) {
        public PushRun lastRun() {
            return recentRuns.isEmpty() ? null : recentRuns.get(0);
        }
    }

    public Status status(UUID organizationId, UUID customObjectsIntegrationId) {
        PushTargets.Target t = targets.require(organizationId, customObjectsIntegrationId);
        Map<String, Integer> byCode = store.rejectionCounts(t.integrationId());
        return new Status(store.runs(t.integrationId(), 10), store.count(t.integrationId(), DesiredRow.Kind.OVERLAP),
                store.count(t.integrationId(), DesiredRow.Kind.ACCOUNT), byCode.values().stream().mapToInt(Integer::intValue).sum(),
                byCode);
    }

    /** A row Salesforce refused, with its code and message as Salesforce gave them and the fix where one is known. */
    public record RejectedRow(String kind, String key, String operation, String errorCode, String message, String fields,
            int attempts, Instant firstSeen, Instant lastSeen, Instant nextAttemptAt, String fix) {
    }

    public List<RejectedRow> rejectedRows(UUID organizationId, UUID customObjectsIntegrationId, int limit, int offset) {
        PushTargets.Target t = targets.require(organizationId, customObjectsIntegrationId);
        return store.rejections(t.integrationId(), Math.max(1, Math.min(limit, 500)), Math.max(0, offset)).stream()
                .map(r -> new RejectedRow(r.kind(), r.key(), r.operation(), r.errorCode(), r.message(), r.fields(), r.attempts(),
                        r.firstSeen(), r.lastSeen(), r.nextAttemptAt(), RejectionFixes.fix(r.errorCode())))
                .toList();
    }
}
