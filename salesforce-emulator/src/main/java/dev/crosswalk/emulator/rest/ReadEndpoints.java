package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.http.Router;

/**
 * The read side of the REST API: versions and resources, describeGlobal / describe, query and
 * queryAll with cursors, limits. Registered before the record routes so that
 * {@code /sobjects/{type}/describe} wins over {@code /sobjects/{type}/{id}}.
 */
public final class ReadEndpoints {
    private ReadEndpoints() {
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
        VersionRoutes.register(router, state, gate);
        DescribeRoutes.register(router, state, gate);
        LayoutRoutes.register(router, state, gate);
        UiRoutes.register(router, state, gate);
        SearchRoutes.register(router, state, gate);
        ListViewRoutes.register(router, state, gate);
        QuickActionRoutes.register(router, state, gate);
        QueryRoutes.register(router, state, gate);
        LimitsRoutes.register(router, state, gate);
    }
}
