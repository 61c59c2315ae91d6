package dev.crosswalk.emulator.admin;

import dev.crosswalk.emulator.EmulatorState;

/** Administration and fault injection from Java. Owner: helper "seed" (stub until it lands). */
public final class EmulatorAdmin {
    private final EmulatorState state;

    public EmulatorAdmin(EmulatorState state) {
        this.state = state;
    }
}
