package dev.crosswalk.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.http.HttpServerHost;
import dev.crosswalk.emulator.http.Request;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.Org;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiGateTest {
    private final EmulatorState state = new EmulatorState(EmulatorOptions.builder().dailyApiRequests(2).build());
    private final Org org = state.createOrg("Acme");
    private final String user = state.createUser(org, new NewUser("u@acme.example", "U", "Ser", "u@acme.example",
            EmulatorState.PROFILE_STANDARD), "pw");
    private final Router router = new Router();

    ApiGateTest() {
        router.get("/services/data/{version}/ping", new ApiGate(state).protect(r -> Response.json(200, Map.of("ok", true))));
    }

    private Response call(String token, String version) {
        return HttpServerHost.handle(router::dispatch, Request.of("GET", "/services/data/" + version + "/ping", null,
                Map.of("Authorization", "Bearer " + token), null));
    }

    @Test
    void a_token_without_api_scope_cannot_call_the_data_api() {
        String token = state.tokens().issueSession(org, user, "app", Set.of("id", "refresh_token"), null).token();
        Response r = call(token, "v59.0");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.bodyAsString()).contains("INVALID_SESSION_ID").contains("not valid for use with the REST API");
    }

    @Test
    void every_answer_carries_the_usage_and_the_allocation_runs_out() {
        String token = state.tokens().issueSession(org, user, "app", Set.of("api"), null).token();
        assertThat(call(token, "v59.0").headers()).containsEntry("Sforce-Limit-Info", "api-usage=1/2");
        assertThat(call(token, "v59.0").status()).isEqualTo(200);
        Response over = call(token, "v59.0");
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.bodyAsString()).contains("REQUEST_LIMIT_EXCEEDED");
        assertThat(over.headers()).containsEntry("Sforce-Limit-Info", "api-usage=2/2");
    }

    @Test
    void a_malformed_or_unsupported_version_is_not_found() {
        String token = state.tokens().issueSession(org, user, "app", Set.of("api"), null).token();
        assertThat(call(token, "v59").status()).isEqualTo(404);
        assertThat(call(token, "v99.0").status()).isEqualTo(404);
    }

    @Test
    void an_unknown_token_and_a_deactivated_user_are_invalid_sessions() {
        assertThat(call("00Dnope!nope", "v59.0").status()).isEqualTo(401);
        String token = state.tokens().issueSession(org, user, "app", Set.of("api"), null).token();
        state.setUserActive(org, user, false);
        assertThat(call(token, "v59.0").status()).isEqualTo(401);
    }
}
