package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.Handler;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.model.Org;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An access token from the OAuth endpoints, as seen by the API gate once the session timeout passed. */
class SessionTimeoutTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final EmulatorState state = new EmulatorState(EmulatorOptions.builder().clock(clock)
            .sessionTimeout(Duration.ofMinutes(30)).build());
    private final ApiGate gate = new ApiGate(state);
    private final Handler ok = request -> Response.json(200, Map.of("ok", true));

    private Session login() {
        Org org = state.createOrg("Acme");
        String user = state.createUser(org, new NewUser("u@acme.example", "U", "Ser", "u@acme.example",
                EmulatorState.PROFILE_STANDARD), "pw");
        return state.tokens().issueSession(org, user, "app", Set.of("api"), null);
    }

    private static Request call(String token) {
        return Request.of("GET", "/services/data/v59.0/limits", null, Map.of("Authorization", "Bearer " + token), null);
    }

    @Test
    void an_expired_access_token_is_rejected_with_401_invalid_session_id() {
        Session s = login();
        clock.advance(Duration.ofMinutes(30).plusMillis(1));
        assertThatThrownBy(() -> gate.protect(ok).handle(call(s.token())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorCode()).isEqualTo("INVALID_SESSION_ID");
                    assertThat(e.getMessage()).isEqualTo("Session expired or invalid");
                });
    }

    @Test
    void api_use_within_the_timeout_keeps_the_session_alive() throws Exception {
        Session s = login();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(gate.protect(ok).handle(call(s.token())).status()).isEqualTo(200);
        }
    }
}
