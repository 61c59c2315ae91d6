package dev.crosswalk.app.record;

import dev.crosswalk.app.schedule.PipelineStage;
import dev.crosswalk.app.schedule.StageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** After-sync stage {@code match-keys}: the keys of the records synced since the last computation (its own checkpoint). */
@Component
class MatchKeysStage implements PipelineStage {
    private static final Logger LOG = LoggerFactory.getLogger(MatchKeysStage.class);

    private final RecordKeyService keys;

    MatchKeysStage(RecordKeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "match-keys";
    }

    @Override
    public void run(StageContext ctx) {
        KeysComputed done = keys.recompute(ctx.organizationId(), ctx.integrationId());
        LOG.info("match keys of integration {}: {} records computed, {} changed", ctx.integrationId(), done.recordsComputed(),
                done.keysChanged());
    }
}
