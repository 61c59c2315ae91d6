package dev.crosswalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.SalesforceFixture.TestOrg;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Connecting a test org through the real OAuth round trip and waiting for runs, over the API. */
public final class Syncs {
    private Syncs() {
    }

    /** Service → emulator login form → service callback; returns the new integration's id. */
    public static String connect(ApiClient admin, TestOrg sf) {
        return connect(admin, SalesforceFixture.url(), sf.org().name(), sf.integrationUsername(), SalesforceFixture.PASSWORD,
                sf.org().id());
    }

    /** The same against any login host: the newest integration connected to {@code salesforceOrgId}. */
    public static String connect(ApiClient admin, String loginHost, String name, String username, String password,
            String salesforceOrgId) {
        ApiClient.Reply started = admin.post("/api/v1/integrations/salesforce/authorize",
                Map.of("loginHost", loginHost, "name", name));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        URI callback = EmulatorLogin.signIn(URI.create(started.json().get("authorizeUrl").asString()), username, password);
        ApiClient.Reply done = admin.get(callback.getPath() + "?" + callback.getRawQuery());
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        // Listed oldest first: the last one for this org is the one just connected.
        return admin.get("/api/v1/integrations").json().valueStream()
                .filter(i -> i.get("connection").get("salesforceOrgId").asString().equals(salesforceOrgId))
                .reduce((a, b) -> b).orElseThrow().get("integration").get("id").asString();
    }

    /**
     * Waits until the integration has at least {@code runs} runs and the newest is finished and
     * matched (its records keyed, in their populations, overlaps re-matched); returns it.
     */
    public static JsonNode awaitRun(ApiClient admin, String integrationId, int runs) {
        return Await.until("finished and matched run " + runs + " of " + integrationId, Await.DEFAULT,
                () -> admin.get("/api/v1/integrations/" + integrationId + "/runs").json(),
                list -> list.size() >= runs && !list.get(0).get("status").asString().equals("RUNNING")
                        && list.get(0).hasNonNull("matchedAt")).get(0);
    }
}
