package dev.crosswalk.app.schedule;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.crosswalk.app.integration.Integration;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.sync.RunFinished;
import dev.crosswalk.app.sync.SyncService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a sync's records feed, as one db-scheduler job per integration ({@link #TASK}, id =
 * integration id) that runs the named stages of {@link PipelineStages#ORDER} in order. It is its
 * own job, not part of the sync: on a large org it takes minutes, and meanwhile the integration
 * stays free for "Sync now" and its next scheduled run.
 *
 * <p>A pass serves the latest <em>request</em> ({@code pipeline_request.requested_at}: a run
 * finished, or a partner-side change concerns the organization). Each stage's watermark is the
 * request it last completed; a stage already at the request is skipped, so a retried pass resumes
 * at the stage that failed. A stage that throws fails the pass: db-scheduler retries it with the
 * backoff of {@link RetryPolicies#afterSyncPipeline}, and after the last attempt
 * {@link PipelineFailed} makes it an error the user sees. Only a pass in which every stage
 * succeeded sets the runs' {@code matchedAt} ({@link SyncService#markMatched}).
 */
@Component
public class AfterSyncPipeline {
    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("after-sync-pipeline");
    private static final Logger LOG = LoggerFactory.getLogger(AfterSyncPipeline.class);

    private final PipelineStages stages;
    private final PipelineRepository repository;
    private final SyncService syncs;
    private final IntegrationService integrations;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Runs a stage beside the one before it ({@link PipelineStages#BESIDE_PREVIOUS}); daemon threads, made on demand. */
    private final ExecutorService besideStages = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "after-sync-beside");
        t.setDaemon(true);
        return t;
    });

    AfterSyncPipeline(PipelineStages stages, PipelineRepository repository, SyncService syncs, IntegrationService integrations,
            Jobs jobs, ApplicationEventPublisher events, Clock clock) {
        this.stages = stages;
        this.repository = repository;
        this.syncs = syncs;
        this.integrations = integrations;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Partner-side changes (a partnership accepted or revoked, sharing changed, …): queues the
     * pipeline of every data-source integration of the organization.
     */
    public void queueForOrganization(UUID organizationId) {
        for (UUID integrationId : repository.requestForOrganization(organizationId, IntegrationService.KIND, clock.instant())) {
            jobs.queueNow(TASK, integrationId.toString(), null);
        }
    }

    /**
     * A run of the integration finished: queues its pipeline on whichever node is free. If a pass
     * is running now this queues nothing new; that pass sees the newer request when it ends and goes again.
     */
    @EventListener
    void runFinished(RunFinished event) {
        if (event.outcome().started()) {
            queue(event.outcome().organizationId(), event.outcome().integrationId());
        }
    }

    /** Queues the pipeline of one integration. */
    public void queue(UUID organizationId, UUID integrationId) {
        repository.request(organizationId, integrationId, clock.instant());
        jobs.queueNow(TASK, integrationId.toString(), null);
    }

    /** The dispatcher's safety net: queues every integration with a request no pass completed (a missed or killed job). */
    void queuePending() {
        for (UUID integrationId : repository.pending()) {
            jobs.queueNow(TASK, integrationId.toString(), null);
        }
    }

    /**
     * One pass. Returns true if a newer request arrived while it worked (the job then goes again
     * at once). Throws {@link StageFailedException} when a stage fails.
     */
    boolean pass(UUID integrationId) {
        Integration integration = integrations.findForJob(integrationId).orElse(null);
        if (integration == null) {
            return false;
        }
        UUID organizationId = integration.organizationId();
        List<UUID> runs = syncs.awaitingMatch(integrationId);
        Optional<PipelineRepository.Request> found = repository.find(integrationId);
        if (found.isEmpty() && !runs.isEmpty()) {
            repository.request(organizationId, integrationId, clock.instant());
            found = repository.find(integrationId);
        }
        if (found.isEmpty() || (found.get().completed() && runs.isEmpty())) {
            return false;
        }
        Instant requestedAt = found.get().requestedAt();
        List<PipelineStage> ordered = stages.inOrder();
        for (int i = 0; i < ordered.size(); i++) {
            PipelineStage stage = ordered.get(i);
            Optional<Instant> watermark = repository.watermark(integrationId, stage.name());
            if (watermark.isPresent() && !watermark.get().isBefore(requestedAt)) {
                continue; // done for this request by an earlier attempt
            }
            PipelineStage next = i + 1 < ordered.size() ? ordered.get(i + 1) : null;
            Optional<Instant> nextWatermark = next != null && stages.besidePrevious(next)
                    ? repository.watermark(integrationId, next.name()) : Optional.empty();
            if (next != null && stages.besidePrevious(next)
                    && (nextWatermark.isEmpty() || nextWatermark.get().isBefore(requestedAt))) {
                // Both due: the next stage runs on its own thread meanwhile. Each records its own watermark,
                // so when one fails a retried pass reruns only that one.
                CompletableFuture<Void> beside = CompletableFuture.runAsync(
                        () -> run(next, organizationId, integrationId, nextWatermark, requestedAt), besideStages);
                StageFailedException failed = null;
                try {
                    run(stage, organizationId, integrationId, watermark, requestedAt);
                } catch (StageFailedException e) {
                    failed = e;
                }
                try {
                    beside.join();
                } catch (CompletionException e) {
                    if (failed == null) {
                        failed = e.getCause() instanceof StageFailedException f ? f
                                : new StageFailedException(next.name(), integrationId, e.getCause());
                    }
                }
                if (failed != null) {
                    throw failed;
                }
                i++;
                continue;
            }
            run(stage, organizationId, integrationId, watermark, requestedAt);
        }
        repository.completed(integrationId, requestedAt);
        syncs.markMatched(organizationId, integrationId, runs);
        events.publishEvent(new PipelineCompleted(organizationId, integrationId, runs));
        return repository.find(integrationId).map(r -> r.requestedAt().isAfter(requestedAt)).orElse(false);
    }

    /** Runs one stage and records its watermark; throws {@link StageFailedException} when it fails. */
    private void run(PipelineStage stage, UUID organizationId, UUID integrationId, Optional<Instant> watermark,
            Instant requestedAt) {
        long started = System.nanoTime();
        try {
            stage.run(new StageContext(organizationId, integrationId, watermark, requestedAt));
        } catch (Exception e) {
            repository.stageFailed(integrationId, stage.name(), StageFailedException.describe(e), clock.instant());
            throw new StageFailedException(stage.name(), integrationId, e);
        }
        repository.stageDone(integrationId, stage.name(), requestedAt);
        LOG.info("after-sync stage {} of integration {} done in {} ms", stage.name(), integrationId,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The last attempt failed: leave the request alone until a newer one, and make the failure visible. */
    void gaveUp(UUID integrationId, int attempts) {
        repository.gaveUp(integrationId);
        Optional<PipelineRepository.Request> request = repository.find(integrationId);
        if (request.isEmpty()) {
            return;
        }
        PipelineRepository.Request r = request.get();
        LOG.error("after-sync pipeline of integration {} failed {} times at stage {}: {}", integrationId, attempts,
                r.failedStage(), r.failure());
        events.publishEvent(new PipelineFailed(r.organizationId(), integrationId, r.failedStage(), r.failure(), attempts));
    }
}
