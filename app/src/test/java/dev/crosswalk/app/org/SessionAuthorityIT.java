package dev.crosswalk.app.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 1: a signed-in browser session follows its member's role and membership. Before
 * the fix the role was cached in the session: a demoted or removed Admin could still add a new
 * Admin (a backdoor account that outlived the removal).
 */
class SessionAuthorityIT extends AppIntegrationTest {

    private record Signed(String id, String email, ApiClient session) {
    }

    private Signed newAdminSignedIn() {
        String email = "second-admin-" + UUID.randomUUID() + "@acme-test.example";
        ApiClient bootstrap = ApiClient.session(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        ApiClient.Reply created = bootstrap.post("/api/v1/members", Map.of("email", email, "password", "second-admin-pw", "role", "ADMIN"));
        assertThat(created.status()).isEqualTo(201);
        ApiClient session = ApiClient.session(baseUrl(), email, "second-admin-pw");
        assertThat(session.get("/api/v1/me").json().get("role").asString()).isEqualTo("ADMIN");
        return new Signed(created.json().get("id").asString(), email, session);
    }

    private static Map<String, String> newAdminBody() {
        return Map.of("email", "backdoor-" + UUID.randomUUID() + "@acme-test.example", "password", "backdoor-password", "role", "ADMIN");
    }

    @Test
    void a_demoted_admin_s_open_session_is_refused_admin_calls_at_once() {
        Signed second = newAdminSignedIn();
        ApiClient bootstrap = ApiClient.session(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(bootstrap.patch("/api/v1/members/" + second.id(), Map.of("role", "VIEWER")).status()).isEqualTo(200);

        ApiClient.Reply backdoor = second.session().post("/api/v1/members", newAdminBody());
        assertThat(backdoor.status()).isEqualTo(403);
        assertThat(second.session().get("/api/v1/me").json().get("role").asString()).isEqualTo("VIEWER");
    }

    @Test
    void a_removed_admin_s_open_session_and_tokens_answer_401() {
        Signed second = newAdminSignedIn();
        String token = second.session().post("/api/v1/tokens", Map.of("name", "removed later")).json().get("token").asString();
        ApiClient bootstrap = ApiClient.session(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(bootstrap.delete("/api/v1/members/" + second.id()).status()).isEqualTo(204);

        assertThat(second.session().post("/api/v1/members", newAdminBody()).status()).isEqualTo(401);
        assertThat(second.session().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(ApiClient.withToken(baseUrl(), token).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void a_promoted_member_s_session_gains_the_role_without_signing_in_again() {
        Signed second = newAdminSignedIn();
        ApiClient bootstrap = ApiClient.session(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        bootstrap.patch("/api/v1/members/" + second.id(), Map.of("role", "VIEWER"));
        assertThat(second.session().post("/api/v1/members", newAdminBody()).status()).isEqualTo(403);
        bootstrap.patch("/api/v1/members/" + second.id(), Map.of("role", "ADMIN"));
        assertThat(second.session().post("/api/v1/members", newAdminBody()).status()).isEqualTo(201);
    }

    @Test
    void a_token_follows_its_member_s_role_too() {
        Signed second = newAdminSignedIn();
        String token = second.session().post("/api/v1/tokens", Map.of("name", "demoted later")).json().get("token").asString();
        ApiClient bootstrap = ApiClient.session(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        bootstrap.patch("/api/v1/members/" + second.id(), Map.of("role", "VIEWER"));
        assertThat(ApiClient.withToken(baseUrl(), token).post("/api/v1/members", newAdminBody()).status()).isEqualTo(403);
    }
}
