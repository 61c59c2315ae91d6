package dev.crosswalk.app.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.EmulatorLogin;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issue 11 item 7: an OAuth state belongs to the member who started the connection. Before, a
 * second Admin of the same organization could complete it, and a failed callback handed the state
 * back (the rollback undid its consumption).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthStateIT extends AppIntegrationTest {
    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient otherAdmin;
    TestOrg sf;

    @BeforeAll
    void setUp() {
        admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        String email = "other-admin-" + UUID.randomUUID() + "@acme-test.example";
        assertThat(admin.post("/api/v1/members", Map.of("email", email, "password", "other-admin-pw", "role", "ADMIN")).status())
                .isEqualTo(201);
        otherAdmin = new ApiClient(baseUrl(), email, "other-admin-pw");
        sf = SalesforceFixture.newOrg("StateCo");
    }

    private URI start() {
        ApiClient.Reply started = admin.post("/api/v1/integrations/salesforce/authorize",
                Map.of("loginHost", SalesforceFixture.url(), "name", "State test " + UUID.randomUUID()));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return URI.create(started.json().get("authorizeUrl").asString());
    }

    private static String state(URI uri) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("state");
    }

    private static String callbackPath(URI callback) {
        return callback.getPath() + "?" + callback.getRawQuery();
    }

    @Test
    void another_admin_of_the_same_organization_cannot_complete_the_round_trip_and_does_not_use_it_up() {
        URI callback = EmulatorLogin.signIn(start(), sf.integrationUsername(), SalesforceFixture.PASSWORD);

        ApiClient.Reply stolen = otherAdmin.get(callbackPath(callback));
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.body()).contains("OAUTH_STATE_INVALID");

        ApiClient.Reply own = admin.get(callbackPath(callback));
        assertThat(own.status()).isEqualTo(302);
        assertThat(own.header("Location")).hasValueSatisfying(l -> assertThat(l).contains("?connected"));
    }

    @Test
    void a_failed_callback_uses_up_the_state() {
        URI authorize = start();
        String state = state(authorize);
        ApiClient.Reply noCode = admin.get("/oauth/salesforce/callback?state=" + state);
        assertThat(noCode.body()).contains("OAUTH_DENIED");

        URI callback = EmulatorLogin.signIn(authorize, sf.integrationUsername(), SalesforceFixture.PASSWORD);
        ApiClient.Reply replay = admin.get(callbackPath(callback));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).contains("OAUTH_STATE_INVALID");
    }

    @Test
    void a_state_expires_after_ten_minutes() {
        URI authorize = start();
        URI callback = EmulatorLogin.signIn(authorize, sf.integrationUsername(), SalesforceFixture.PASSWORD);
        jdbc.sql("update oauth_flow set created_at = now() - interval '10 minutes 5 seconds' where state = ?")
                .param(state(authorize)).update();
        assertThat(admin.get(callbackPath(callback)).body()).contains("OAUTH_STATE_INVALID");
    }

    @Test
    void old_round_trips_are_purged_when_a_new_one_starts() {
        String old = state(start());
        jdbc.sql("update oauth_flow set created_at = now() - interval '1 day' where state = ?").param(old).update();
        start();
        assertThat(jdbc.sql("select count(*) from oauth_flow where state = ?").param(old).query(Long.class).single()).isZero();
    }
}
