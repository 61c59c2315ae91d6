package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.http.Router;

/** Composite ({@code POST /services/data/vXX.X/composite}). */
public final class CompositeRoutes {
    private CompositeRoutes() {
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
    }
}
