package dev.crosswalk.app.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The order of the after-sync pipeline's stages: the one place it is written. Each name is a
 * {@link PipelineStage} bean in its feature's package (names, not classes, so that {@code schedule}
 * imports none of the features whose stages it runs). Startup fails when a listed stage has no
 * bean or a stage bean is not listed.
 */
@Component
class PipelineStages {
    /** Match keys (record) → population membership (population) → overlaps (overlap) → push (push). */
    static final List<String> ORDER = List.of("match-keys", "population-membership", "overlaps", "push");

    /**
     * Stages that run beside the stage before them when both are due: they neither read what it
     * writes nor take its locks. Population membership (crm_record → population_member) needs no
     * match key; both are one PostgreSQL backend's work, so side by side a large first sync's
     * matching takes about the longer of the two instead of their sum.
     */
    static final Set<String> BESIDE_PREVIOUS = Set.of("population-membership");

    private final List<PipelineStage> inOrder;

    PipelineStages(List<PipelineStage> stages) {
        this.inOrder = ordered(stages, ORDER);
    }

    /** The stages in {@code order}; throws when a name has no stage or a stage is not named. */
    static List<PipelineStage> ordered(List<PipelineStage> stages, List<String> order) {
        Map<String, PipelineStage> byName = stages.stream().collect(Collectors.toMap(PipelineStage::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two pipeline stages are named " + a.name());
                }));
        Set<String> unlisted = new TreeSet<>(byName.keySet());
        unlisted.removeAll(order);
        if (!unlisted.isEmpty()) {
            throw new IllegalStateException("pipeline stages not in PipelineStages.ORDER: " + unlisted);
        }
        List<PipelineStage> list = new ArrayList<>();
        for (String name : order) {
            PipelineStage stage = byName.get(name);
            if (stage == null) {
                throw new IllegalStateException("PipelineStages.ORDER names " + name + " but no PipelineStage bean has that name");
            }
            list.add(stage);
        }
        return List.copyOf(list);
    }

    List<PipelineStage> inOrder() {
        return inOrder;
    }

    /** Whether {@code stage} may run beside the stage before it in {@link #ORDER}. */
    boolean besidePrevious(PipelineStage stage) {
        return BESIDE_PREVIOUS.contains(stage.name());
    }
}
