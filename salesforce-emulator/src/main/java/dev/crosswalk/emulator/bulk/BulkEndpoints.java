package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.http.Router;

/** Bulk API 2.0 ({@code /jobs/query}, {@code /jobs/ingest}). Stub until issue 3 lands. */
public final class BulkEndpoints {
    private BulkEndpoints() {
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
    }
}
