package dev.crosswalk.salesforce;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.Set;

import static dev.crosswalk.salesforce.EmulatorFixture.INTEGRATION;
import static dev.crosswalk.salesforce.EmulatorFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthFlowIT {

    private static final String CALLBACK = "http://127.0.0.1:9/crosswalk/callback";

    private EmulatorFixture emulator;
    private SalesforceClient client;

    @BeforeAll
    void start() {
        emulator = EmulatorFixture.start();
        client = emulator.client(new FakeTime());
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private AuthorizationRequest authorize() {
        return client.oauth().authorizationRequest(emulator.loginHost(), CALLBACK, Set.of("api", "refresh_token", "id"),
                true);
    }

    private Map<String, String> login(AuthorizationRequest request) throws Exception {
        return new EmulatorBrowser().authorize(request.url(), CALLBACK, INTEGRATION, PASSWORD);
    }

    @Test
    void web_server_flow_with_pkce_state_and_prompt_login_yields_working_credentials() throws Exception {
        AuthorizationRequest request = authorize();
        Map<String, String> callback = login(request);
        assertThat(callback).containsKey("code");
        assertThat(request.stateMatches(callback.get("state"))).isTrue();

        Credentials creds = client.oauth().exchangeCode(emulator.loginHost(), callback.get("code"), CALLBACK,
                request.codeVerifier());
        assertThat(creds.instanceUrl()).isEqualTo(emulator.baseUrl());
        assertThat(creds.canRefresh()).isTrue();
        assertThat(creds.issuedAt()).isNotNull();
        assertThat(creds.userId()).get().asString().startsWith("005");

        UserIdentity id = client.oauth().identity(creds);
        assertThat(id.username()).isEqualTo(INTEGRATION);
        assertThat(id.active()).isTrue();
        assertThat(client.oauth().userInfo(creds).userId()).isEqualTo(id.userId());
    }

    @Test
    void the_code_needs_the_matching_verifier_and_works_once() throws Exception {
        AuthorizationRequest request = authorize();
        String code = login(request).get("code");
        assertThatThrownBy(() -> client.oauth().exchangeCode(emulator.loginHost(), code, CALLBACK,
                authorize().codeVerifier()))
                .isInstanceOfSatisfying(SalesforceException.class,
                        e -> assertThat(e.error().first().orElseThrow().errorCode()).isEqualTo("invalid_grant"));

        AuthorizationRequest again = authorize();
        String code2 = login(again).get("code");
        client.oauth().exchangeCode(emulator.loginHost(), code2, CALLBACK, again.codeVerifier());
        assertThatThrownBy(() -> client.oauth().exchangeCode(emulator.loginHost(), code2, CALLBACK,
                again.codeVerifier()))
                .isInstanceOfSatisfying(SalesforceException.class, e -> assertThat(e.error().needsReauthorization()).isTrue());
    }

    @Test
    void refresh_returns_a_new_access_token_and_revoke_ends_the_refresh_token() {
        Credentials creds = emulator.login(client, INTEGRATION);
        Credentials refreshed = creds.refreshedWith(client.oauth().refresh(creds));
        assertThat(refreshed.accessToken()).isNotEqualTo(creds.accessToken());
        assertThat(refreshed.refreshToken()).isEqualTo(creds.refreshToken());

        client.oauth().revoke(refreshed, true);
        assertThatThrownBy(() -> client.oauth().refresh(refreshed))
                .isInstanceOfSatisfying(SalesforceException.class,
                        e -> assertThat(e.error()).isInstanceOf(SalesforceError.AuthRevoked.class));
    }

    @Test
    void a_wrong_password_is_a_terminal_auth_error_not_a_transient_one() {
        assertThatThrownBy(() -> client.oauth().passwordGrant(emulator.loginHost(), INTEGRATION, "wrong"))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.error().isTransient()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("wrong");
                });
    }

    @Test
    void auth_calls_are_counted() {
        long before = client.calls().count(CallKind.AUTH);
        emulator.login(client, INTEGRATION);
        assertThat(client.calls().count(CallKind.AUTH) - before).isEqualTo(1);
    }
}
