package dev.crosswalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneratedTest {
    @Test
    void the_same_seed_generates_the_same_values() {
        Generated.Gen a = new Generated.Gen(new SplittableRandom(42));
        Generated.Gen b = new Generated.Gen(new SplittableRandom(42));
        assertThat(a.listOf(0, 20, () -> a.between(0, 1000))).isEqualTo(b.listOf(0, 20, () -> b.between(0, 1000)));
    }

    @Test
    void generators_hit_the_edges_empty_full_boundaries_and_duplicates() {
        Generated.Gen g = new Generated.Gen(new SplittableRandom(7));
        boolean empty = false;
        boolean full = false;
        boolean duplicate = false;
        boolean min = false;
        boolean max = false;
        for (int i = 0; i < 500; i++) {
            List<Integer> list = g.listOf(0, 8, () -> g.between(0, 1_000_000));
            empty |= list.isEmpty();
            full |= list.size() == 8;
            duplicate |= new HashSet<>(list).size() < list.size();
            min |= list.contains(0);
            max |= list.contains(1_000_000);
        }
        assertThat(List.of(empty, full, duplicate, min, max)).containsOnly(true);
    }

    @Test
    void a_failure_names_the_seed_that_replays_it() {
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> Generated.forAll("never above 50", 1_000, g -> g.between(0, 100), v -> {
            seen.add(v);
            assertThat(v).isLessThanOrEqualTo(50);
        })).isInstanceOf(AssertionError.class).hasMessageContaining("never above 50")
                .hasMessageMatching("(?s).*with seed (-?\\d+); replay it with -Dcrosswalk.seed=\\1.*");
        assertThat(seen.get(seen.size() - 1)).isGreaterThan(50);
    }

    @Test
    void the_seed_property_replays_one_value() {
        System.setProperty(Generated.SEED, "12345");
        try {
            List<Integer> seen = new ArrayList<>();
            Generated.forAll("replay", 1_000, g -> g.between(0, 1_000_000), seen::add);
            assertThat(seen).hasSize(1);
            List<Integer> again = new ArrayList<>();
            Generated.forAll("replay", 1_000, g -> g.between(0, 1_000_000), again::add);
            assertThat(again).isEqualTo(seen);
        } finally {
            System.clearProperty(Generated.SEED);
        }
    }
}
