package dev.crosswalk.app.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 11 item 5: personal API tokens replace HTTP Basic on the API. */
class ApiTokensIT extends AppIntegrationTest {
    @Autowired
    OrganizationService organizations;
    @Autowired
    JdbcClient jdbc;

    private ApiClient session() {
        return ApiClient.session(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private String createToken(ApiClient session, Map<String, Object> body) {
        ApiClient.Reply r = session.post("/api/v1/tokens", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asString();
    }

    @Nested
    class Creating {
        @Test
        void a_token_is_shown_once_prefixed_and_works_as_a_bearer_token() {
            ApiClient session = session();
            ApiClient.Reply created = session.post("/api/v1/tokens", Map.of("name", "nightly export", "expiresInDays", 30));
            assertThat(created.status()).isEqualTo(201);
            String token = created.json().get("token").asString();
            assertThat(token).startsWith("cw_pat_").hasSizeGreaterThan(40);
            assertThat(created.json().get("expiresAt").asString()).isNotBlank();

            ApiClient.Reply me = ApiClient.withToken(baseUrl(), token).get("/api/v1/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("email").asString()).isEqualTo(ADMIN_EMAIL);

            String list = session.get("/api/v1/tokens").body();
            assertThat(list).contains("nightly export").contains(token.substring(0, 11)).doesNotContain(token);
            String id = created.json().get("id").asString();
            assertThat(jdbc.sql("select last_used_at is not null from api_token where id = ?::uuid").param(id)
                    .query(Boolean.class).single()).isTrue();
        }

        @Test
        void only_the_sha256_of_a_token_is_stored() throws Exception {
            String token = createToken(session(), Map.of("name", "hash check"));
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(hash).query(Long.class).single())
                    .isEqualTo(1);
            String secretPart = token.substring("cw_pat_".length());
            String dump = jdbc.sql("select string_agg(t::text, ' ') from api_token t").query(String.class).single();
            assertThat(dump).doesNotContain(secretPart)
                    .doesNotContain(HexFormat.of().formatHex(secretPart.getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain(Base64.getEncoder().encodeToString(secretPart.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void a_token_cannot_create_another_token() {
            String token = createToken(session(), Map.of("name", "script"));
            ApiClient.Reply r = ApiClient.withToken(baseUrl(), token).post("/api/v1/tokens", Map.of("name", "successor"));
            assertThat(r.status()).isEqualTo(403);
        }

        @Test
        void bad_names_and_expiries_are_problems_naming_the_field() {
            ApiClient session = session();
            ApiClient.Reply blank = session.post("/api/v1/tokens", Map.of("name", " "));
            assertThat(blank.status()).isEqualTo(400);
            assertThat(blank.body()).contains("name");
            ApiClient.Reply days = session.post("/api/v1/tokens", Map.of("name", "x", "expiresInDays", 0));
            assertThat(days.status()).isEqualTo(400);
            assertThat(days.body()).contains("expiresInDays");
        }
    }

    @Nested
    class Refusing {
        @Test
        void a_revoked_token_answers_401_at_once() {
            ApiClient session = session();
            ApiClient.Reply created = session.post("/api/v1/tokens", Map.of("name", "to revoke"));
            ApiClient script = ApiClient.withToken(baseUrl(), created.json().get("token").asString());
            assertThat(script.get("/api/v1/me").status()).isEqualTo(200);

            assertThat(session.delete("/api/v1/tokens/" + created.json().get("id").asString()).status()).isEqualTo(204);

            ApiClient.Reply after = script.get("/api/v1/me");
            assertThat(after.status()).isEqualTo(401);
            assertThat(after.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
            assertThat(after.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        }

        @Test
        void an_expired_token_answers_401() {
            ApiClient.Reply created = session().post("/api/v1/tokens", Map.of("name", "short lived", "expiresInDays", 1));
            String id = created.json().get("id").asString();
            jdbc.sql("update api_token set expires_at = now() - interval '1 minute' where id = ?::uuid").param(id).update();
            assertThat(ApiClient.withToken(baseUrl(), created.json().get("token").asString()).get("/api/v1/me").status())
                    .isEqualTo(401);
        }

        @Test
        void made_up_tokens_answer_401() {
            assertThat(ApiClient.withToken(baseUrl(), "cw_pat_" + "A".repeat(43)).get("/api/v1/me").status()).isEqualTo(401);
            assertThat(ApiClient.withToken(baseUrl(), "not-a-token").get("/api/v1/me").status()).isEqualTo(401);
        }

        @Test
        void http_basic_no_longer_authenticates_the_api() {
            String basic = "Basic " + Base64.getEncoder()
                    .encodeToString((ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            ApiClient basicClient = ApiClient.anonymous(baseUrl()).withHeaders(Map.of("Authorization", basic));
            assertThat(basicClient.get("/api/v1/me").status()).isEqualTo(401);
            assertThat(basicClient.post("/api/v1/members", Map.of("email", "x@y.example", "password", "whatever-1", "role", "ADMIN"))
                    .status()).isEqualTo(401);
        }

        @Test
        void unauthenticated_calls_answer_401_problems_also_for_post() {
            ApiClient nobody = ApiClient.anonymous(baseUrl());
            ApiClient.Reply get = nobody.get("/api/v1/members");
            assertThat(get.status()).isEqualTo(401);
            assertThat(get.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
            ApiClient.Reply post = nobody.post("/api/v1/members",
                    Map.of("email", "x@y.example", "password", "whatever-1", "role", "ADMIN"));
            assertThat(post.status()).isEqualTo(401);
            assertThat(post.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
            assertThat(nobody.delete("/api/v1/tokens/" + UUID.randomUUID()).status()).isEqualTo(401);
        }
    }

    @Nested
    class Owning {
        @Test
        void a_member_sees_and_revokes_only_their_own_tokens_and_an_admin_any_of_the_organization() {
            String email = "manager-" + UUID.randomUUID() + "@acme-test.example";
            ApiClient adminSession = session();
            assertThat(adminSession.post("/api/v1/members", Map.of("email", email, "password", "manager-password", "role", "MANAGER"))
                    .status()).isEqualTo(201);
            ApiClient managerSession = ApiClient.session(baseUrl(), email, "manager-password");
            ApiClient.Reply managers = managerSession.post("/api/v1/tokens", Map.of("name", "manager script"));
            ApiClient.Reply admins = adminSession.post("/api/v1/tokens", Map.of("name", "admin script"));

            assertThat(managerSession.get("/api/v1/tokens").body()).contains("manager script").doesNotContain("admin script");
            assertThat(managerSession.get("/api/v1/tokens?scope=organization").status()).isEqualTo(403);
            assertThat(managerSession.delete("/api/v1/tokens/" + admins.json().get("id").asString()).status()).isEqualTo(404);
            assertThat(adminSession.get("/api/v1/tokens?scope=organization").body()).contains("manager script", email);

            assertThat(adminSession.delete("/api/v1/tokens/" + managers.json().get("id").asString()).status()).isEqualTo(204);
            assertThat(ApiClient.withToken(baseUrl(), managers.json().get("token").asString()).get("/api/v1/me").status())
                    .isEqualTo(401);
        }

        @Test
        void another_organization_cannot_revoke_or_see_a_token() {
            String otherEmail = "admin-" + UUID.randomUUID() + "@umbrella-test.example";
            organizations.createOrganization("Umbrella " + UUID.randomUUID(), otherEmail, "Umbrella Admin", "umbrella-password");
            ApiClient.Reply acmes = session().post("/api/v1/tokens", Map.of("name", "acme only"));
            ApiClient other = ApiClient.session(baseUrl(), otherEmail, "umbrella-password");
            assertThat(other.get("/api/v1/tokens?scope=organization").body()).doesNotContain("acme only");
            assertThat(other.delete("/api/v1/tokens/" + acmes.json().get("id").asString()).status()).isEqualTo(404);
        }
    }

    @Test
    void the_openapi_document_declares_the_bearer_scheme() {
        ApiClient.Reply docs = ApiClient.anonymous(baseUrl()).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(docs.body()).doesNotContain("\"basic\"");
        assertThat(docs.body()).contains("/api/v1/tokens");
    }
}
