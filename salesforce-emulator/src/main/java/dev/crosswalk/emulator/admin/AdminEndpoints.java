package dev.crosswalk.emulator.admin;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.http.Router;

/** The {@code /_emulator/} JSON admin API. Owner: helper "seed" (stub until it lands). */
public final class AdminEndpoints {
    private AdminEndpoints() {
    }

    public static void register(Router router, EmulatorState state) {
    }
}
