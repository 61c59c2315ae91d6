package dev.crosswalk.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineStagesTest {
    private static PipelineStage named(String name) {
        return new PipelineStage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(StageContext ctx) {
            }
        };
    }

    @Test
    void stages_run_in_the_listed_order_whatever_order_spring_found_them_in() {
        List<PipelineStage> found = List.of(named("push"), named("overlaps"), named("match-keys"), named("population-membership"));
        assertThat(PipelineStages.ordered(found, PipelineStages.ORDER)).extracting(PipelineStage::name)
                .containsExactly("match-keys", "population-membership", "overlaps", "push");
    }

    @Test
    void only_membership_runs_beside_the_stage_before_it_and_overlaps_still_wait_for_both() {
        assertThat(PipelineStages.BESIDE_PREVIOUS).containsExactly("population-membership");
        int membership = PipelineStages.ORDER.indexOf("population-membership");
        assertThat(PipelineStages.ORDER.get(membership - 1)).isEqualTo("match-keys");
        assertThat(PipelineStages.ORDER.indexOf("overlaps")).isGreaterThan(membership);
    }

    @Test
    void a_stage_bean_missing_from_the_list_fails_startup() {
        List<PipelineStage> found = List.of(named("match-keys"), named("population-membership"), named("overlaps"), named("push"),
                named("unlisted"));
        assertThatThrownBy(() -> PipelineStages.ordered(found, PipelineStages.ORDER)).hasMessageContaining("[unlisted]");
    }

    @Test
    void a_listed_name_without_a_bean_fails_startup() {
        assertThatThrownBy(() -> PipelineStages.ordered(List.of(named("match-keys")), PipelineStages.ORDER))
                .hasMessageContaining("population-membership");
    }

    @Test
    void two_stages_with_one_name_fail_startup() {
        assertThatThrownBy(() -> PipelineStages.ordered(List.of(named("overlaps"), named("overlaps")), List.of("overlaps")))
                .hasMessageContaining("two pipeline stages are named overlaps");
    }
}
