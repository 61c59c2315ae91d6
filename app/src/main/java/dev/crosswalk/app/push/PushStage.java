package dev.crosswalk.app.push;

import dev.crosswalk.app.health.HealthCode;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.schedule.PipelineStage;
import dev.crosswalk.app.schedule.StageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After-sync stage {@code push}, the last one: writes the overlaps the earlier stages just made
 * current into the Custom Objects integration that serves this data source. It is a no-op that
 * succeeds (with its reason in the log, and for a skipped push in the push's history) when the
 * organization has no Custom Objects integration for this source, or when its Inbound connection is
 * not healthy, so an organization without push never has its {@code matchedAt} held up.
 *
 * <p>Failing loudly: an unexpected error (the engine threw) and a push that failed for a reason a
 * retry can cure (a transient {@link HealthCode}: Salesforce unavailable) fail the stage, so db-scheduler retries
 * the pass at this stage with the pipeline's backoff and, after the last attempt, the data source shows
 * MATCHING_FAILED. A push stopped for a reason only a person can fix (FIELD_MISSING, EXPORT_LIMIT, a
 * revoked token, …) is already an error on the Custom Objects integration with its fix, and retrying
 * cannot help: the stage succeeds and the repair itself queues the next push.
 *
 * <p>The partners' Custom Objects integrations are queued too: this source's new records change what
 * their overlap records say (the partner fields they carry), and their own pipelines do not run now.
 */
@Component
class PushStage implements PipelineStage {
    private static final Logger LOG = LoggerFactory.getLogger(PushStage.class);

    private final PushTargets targets;
    private final PushEngine engine;
    private final PushService pushes;
    private final PushStore store;
    private final PartnershipService partnerships;

    PushStage(PushTargets targets, PushEngine engine, PushService pushes, PushStore store, PartnershipService partnerships) {
        this.targets = targets;
        this.engine = engine;
        this.pushes = pushes;
        this.store = store;
        this.partnerships = partnerships;
    }

    @Override
    public String name() {
        return "push";
    }

    @Override
    public void run(StageContext ctx) {
        partnerships.activeFor(ctx.organizationId()).forEach(p -> pushes.queueAll(p.partnerOf(ctx.organizationId())));
        PushTargets.Target target = targets.forSource(ctx.organizationId(), ctx.integrationId()).orElse(null);
        if (target == null) {
            LOG.info("push stage of integration {}: nothing to do (no Custom Objects integration reads from it)", ctx.integrationId());
            return;
        }
        PushRun run = engine.push(target.integrationId(), "AFTER_SYNC").orElse(null);
        if (run == null) {
            LOG.info("push stage of integration {}: nothing to do (the Custom Objects integration is gone)", ctx.integrationId());
            return;
        }
        // Rows Salesforce refused with a lock error come back sooner than the next sync: the push job takes them.
        store.earliestLockRetry(target.integrationId()).ifPresent(at -> pushes.queueAt(target.integrationId(), at));
        if (failsStage(run.status(), run.errorCode())) {
            throw new PushFailedException(run);
        }
        LOG.info("push stage of integration {}: push {} {}{}", ctx.integrationId(), run.id(), run.status(),
                run.message() == null ? "" : " (" + run.message() + ")");
    }

    /** The push stopped for a reason a retry may cure: fails the pass so the pipeline retries it. */
    static final class PushFailedException extends RuntimeException {
        PushFailedException(PushRun run) {
            super("push " + run.id() + " failed" + (run.errorCode() == null ? "" : " with " + run.errorCode()) + ": " + run.message());
        }
    }

    /** Only a failed push fails the stage, and only when nobody has to act for the next attempt to work. */
    static boolean failsStage(String status, String errorCode) {
        if (!"FAILED".equals(status)) {
            return false;
        }
        if (errorCode == null) {
            return true;
        }
        try {
            return HealthCode.valueOf(errorCode).isTransient();
        } catch (IllegalArgumentException notAHealthCode) {
            return true; // a code push does not know: retrying is the safe side, and the pass fails loudly if it persists
        }
    }
}
