package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.http.Router;

/** REST data API. Owner: helper "rest" (stub until it lands). */
public final class RestEndpoints {
    private RestEndpoints() {
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
        ReadEndpoints.register(router, state, gate);
        DataRoutes.register(router, state, gate);
    }
}
