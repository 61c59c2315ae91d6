package dev.crosswalk.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Property tests as plain JUnit 5: {@link #forAll} checks a property against {@code tries}
 * generated values, each from its own seed. A failure names the property, the try, the value and
 * its seed; {@code -Dcrosswalk.seed=<seed>} replays exactly that value (one try), and
 * {@code -Dcrosswalk.master-seed=<seed>} replays a whole series. The generator ({@link Gen})
 * leans toward the edge cases that find bugs: boundary numbers, empty and full collections,
 * repeated elements.
 */
public final class Generated {
    static final String SEED = "crosswalk.seed";
    static final String MASTER_SEED = "crosswalk.master-seed";

    private Generated() {
    }

    /** Checks {@code property} against {@code tries} values made by {@code generator}. */
    public static <T> void forAll(String name, int tries, Function<Gen, T> generator, Consumer<T> property) {
        String replay = System.getProperty(SEED);
        if (replay != null && !replay.isBlank()) {
            check(name, 0, Long.parseLong(replay.strip()), generator, property);
            return;
        }
        String master = System.getProperty(MASTER_SEED);
        long masterSeed = master == null || master.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(master.strip());
        SplittableRandom seeds = new SplittableRandom(masterSeed);
        for (int i = 0; i < tries; i++) {
            check(name, i, seeds.nextLong(), generator, property);
        }
    }

    private static <T> void check(String name, int attempt, long seed, Function<Gen, T> generator, Consumer<T> property) {
        T value = generator.apply(new Gen(new SplittableRandom(seed)));
        try {
            property.accept(value);
        } catch (AssertionError | RuntimeException e) {
            String message = "property \"" + name + "\" failed at try " + (attempt + 1) + " with seed " + seed
                    + "; replay it with -D" + SEED + "=" + seed + "\n  value: " + value;
            System.err.println(message);
            throw new AssertionError(message + "\n  " + e.getMessage(), e);
        }
    }

    /** Random values from one seed, biased toward edge cases. */
    public static final class Gen {
        private final SplittableRandom random;

        Gen(SplittableRandom random) {
            this.random = random;
        }

        /** In [min, max]; one time in eight exactly min, one in eight exactly max. */
        public int between(int min, int max) {
            int edge = random.nextInt(8);
            if (edge == 0) {
                return min;
            }
            if (edge == 1) {
                return max;
            }
            return random.nextInt(min, max + 1);
        }

        public boolean bool() {
            return random.nextBoolean();
        }

        /** True {@code weight} times in {@code outOf}. */
        public boolean chance(int weight, int outOf) {
            return random.nextInt(outOf) < weight;
        }

        @SafeVarargs
        public final <T> T oneOf(T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        public <T> T oneOf(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }

        /** One of the suppliers, chosen by weight ({@code weights[i]} for {@code choices[i]}). */
        @SafeVarargs
        public final <T> T weighted(int[] weights, Supplier<? extends T>... choices) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int pick = random.nextInt(total);
            for (int i = 0; i < choices.length; i++) {
                pick -= weights[i];
                if (pick < 0) {
                    return choices[i].get();
                }
            }
            throw new IllegalStateException("weights and choices differ in length");
        }

        /**
         * A list of {@link #between}(min, max) elements (so often empty or full); one element in
         * six repeats an earlier one, so duplicates are common.
         */
        public <T> List<T> listOf(int min, int max, Supplier<T> element) {
            int size = between(min, max);
            List<T> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(!out.isEmpty() && random.nextInt(6) == 0 ? out.get(random.nextInt(out.size())) : element.get());
            }
            return Collections.unmodifiableList(out);
        }

        /** A set from up to {@code max} drawn elements (duplicates collapse, so it is often smaller). */
        public <T extends Comparable<T>> Set<T> setOf(int max, Supplier<T> element) {
            return Collections.unmodifiableSet(new TreeSet<>(listOf(0, max, element)));
        }
    }
}
