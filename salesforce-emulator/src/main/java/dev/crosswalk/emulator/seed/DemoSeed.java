package dev.crosswalk.emulator.seed;

import dev.crosswalk.emulator.EmulatorState;

/** The {@code demo} seed. Owner: helper "seed" (stub until it lands). */
public final class DemoSeed {
    private DemoSeed() {
    }

    public static void apply(EmulatorState state) {
    }
}
