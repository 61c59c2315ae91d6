package dev.crosswalk.app.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrganizationIT extends AppIntegrationTest {
    @Autowired
    OrganizationService organizations;

    @Test
    void the_bootstrap_admin_signs_in_and_sees_their_organization() {
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        ApiClient.Reply me = admin.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("organizationName").asString()).isEqualTo("Acme Corp");
        assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
        assertThat(me.body()).doesNotContain("password");
    }

    @Test
    void a_wrong_password_is_rejected_without_detail() {
        ApiClient.SignIn wrong = ApiClient.anonymous(baseUrl()).signIn(ADMIN_EMAIL, "nope-wrong-password");
        assertThat(wrong.signedIn()).isFalse();
        assertThat(wrong.location()).endsWith("/login?error");
        ApiClient.SignIn unknown = ApiClient.anonymous(baseUrl()).signIn("nobody-" + UUID.randomUUID() + "@acme-test.example", "nope");
        assertThat(unknown.location()).isEqualTo(wrong.location());
        assertThat(new ApiClient(baseUrl(), ADMIN_EMAIL, "nope").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void only_admins_add_members_and_viewers_are_refused_with_a_problem_detail() {
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        String viewerEmail = "viewer-" + UUID.randomUUID() + "@acme-test.example";
        ApiClient.Reply created = admin.post("/api/v1/members",
                Map.of("email", viewerEmail, "password", "viewer-password", "role", "VIEWER"));
        assertThat(created.status()).isEqualTo(201);

        ApiClient viewer = new ApiClient(baseUrl(), viewerEmail, "viewer-password");
        ApiClient.Reply refused = viewer.post("/api/v1/members",
                Map.of("email", "x-" + UUID.randomUUID() + "@acme-test.example", "password", "whatever-123", "role", "ADMIN"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_member_of_another_organization_reaches_nothing_of_this_one() {
        String otherEmail = "admin-" + UUID.randomUUID() + "@globex-test.example";
        organizations.createOrganization("Globex", otherEmail, "Globex Admin", "globex-password");
        ApiClient other = new ApiClient(baseUrl(), otherEmail, "globex-password");
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        String acmeAdminId = admin.get("/api/v1/me").json().get("memberId").asString();

        assertThat(other.get("/api/v1/members").body()).doesNotContain(ADMIN_EMAIL);
        assertThat(other.patch("/api/v1/members/" + acmeAdminId, Map.of("role", "VIEWER")).status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/members/" + acmeAdminId).status()).isEqualTo(404);
    }

    @Test
    void the_last_admin_cannot_be_demoted() {
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        String id = admin.get("/api/v1/me").json().get("memberId").asString();
        ApiClient.Reply r = admin.patch("/api/v1/members/" + id, Map.of("role", "VIEWER"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("LAST_ADMIN");
    }

    @Test
    void the_openapi_document_is_served() {
        ApiClient admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(admin.get("/v3/api-docs").body()).contains("/api/v1/members");
    }
}
