package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.http.Router;

/** OAuth 2.0 endpoints. Owner: helper "oauth" (stub until it lands). */
public final class OAuthEndpoints {
    private OAuthEndpoints() {
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
    }
}
