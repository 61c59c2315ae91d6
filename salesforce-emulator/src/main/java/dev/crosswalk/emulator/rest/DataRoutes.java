package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.http.Router;

/** Every record-writing REST route: single records, sObject Collections, Composite. */
public final class DataRoutes {
    private DataRoutes() {
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
        SObjectRoutes.register(router, state, gate);
        CollectionRoutes.register(router, state, gate);
        CompositeRoutes.register(router, state, gate);
    }
}
