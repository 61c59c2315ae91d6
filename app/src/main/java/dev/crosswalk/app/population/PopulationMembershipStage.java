package dev.crosswalk.app.population;

import dev.crosswalk.app.schedule.PipelineStage;
import dev.crosswalk.app.schedule.StageContext;
import org.springframework.stereotype.Component;

/** After-sync stage {@code population-membership}: re-evaluates the records synced since its watermark. */
@Component
class PopulationMembershipStage implements PipelineStage {
    private final PopulationService populations;

    PopulationMembershipStage(PopulationService populations) {
        this.populations = populations;
    }

    @Override
    public String name() {
        return "population-membership";
    }

    @Override
    public void run(StageContext ctx) {
        populations.refreshAfterSync(ctx.organizationId(), ctx.integrationId());
    }
}
