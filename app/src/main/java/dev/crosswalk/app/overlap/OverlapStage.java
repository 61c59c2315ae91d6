package dev.crosswalk.app.overlap;

import dev.crosswalk.app.schedule.PipelineStage;
import dev.crosswalk.app.schedule.StageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After-sync stage {@code overlaps}: re-matches, in every active partnership of the organization,
 * the records whose keys changed since the engine's watermark. Runs after {@code match-keys}, so
 * it never matches records whose keys are not there yet. A failure fails the pass (retried, then
 * shown as MATCHING_FAILED); the runs are not marked matched.
 */
@Component
class OverlapStage implements PipelineStage {
    private static final Logger LOG = LoggerFactory.getLogger(OverlapStage.class);

    private final OverlapEngine engine;

    OverlapStage(OverlapEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "overlaps";
    }

    @Override
    public void run(StageContext ctx) {
        int pairs = engine.afterKeysChanged(ctx.organizationId(), ctx.integrationId());
        LOG.info("overlaps of integration {}: {} pairs re-matched", ctx.integrationId(), pairs);
    }
}
