package dev.crosswalk.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.overlap.TenantData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Outbound authorization server over real HTTP, as the package's Auth. Provider and an Admin's
 * browser use it: authorize → sign in → consent with the organization selected → token → package API
 * → refresh with rotation → introspection → revocation; then, one by one, what an attacker would try.
 */
class OutboundAuthorizationIT extends AppIntegrationTest {
    static final String SCOPES = "overlaps:read setup";

    @Autowired
    OrganizationService organizations;
    @Autowired
    OutboundClients clients;
    @Autowired
    JdbcClient jdbc;

    OutboundFixture north;
    OutboundBrowser browser;

    @BeforeEach
    void fixture() {
        north = OutboundFixture.create(jdbc, clients, TenantData.create(organizations, jdbc, "Northwind"));
        browser = new OutboundBrowser(baseUrl());
    }

    /** The Auth. Provider's tokens after a complete, honest authorization. */
    record Tokens(String access, String refresh, JsonNode response) {
    }

    OutboundBrowser.Reply authorize(OutboundFixture f, String verifier, UnaryOperator<Map<String, List<String>>> tamper) {
        return browser.authorize(f, verifier, SCOPES, tamper);
    }

    OutboundBrowser.Reply redeem(OutboundFixture f, String code, String verifier) {
        return browser.redeem(f, code, verifier);
    }

    OutboundBrowser.Reply refresh(OutboundFixture f, String refreshToken) {
        return browser.refresh(f, refreshToken);
    }

    OutboundBrowser.Reply introspect(OutboundFixture f, String token) {
        return browser.introspect(f, token);
    }

    Tokens connect(OutboundFixture f) {
        JsonNode json = browser.connect(f, SCOPES);
        return new Tokens(json.get("access_token").asString(), json.get("refresh_token").asString(), json);
    }

    @Test
    void the_package_connects_reads_refreshes_with_rotation_and_is_revoked() {
        Tokens t = connect(north);
        assertThat(t.response().get("expires_in").asLong()).isBetween(60L, 300L);
        assertThat(t.response().get("scope").asString().split(" ")).containsExactlyInAnyOrder("overlaps:read", "setup");

        OutboundBrowser.Reply status = browser.bearer("/api/package/v1/status", t.access(), Map.of());
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().get("organizationId").asString()).isEqualTo(north.tenant().organizationId.toString());
        assertThat(status.json().get("organization").asString()).isEqualTo(north.tenant().name);
        assertThat(status.json().get("salesforceOrgId").asString()).isEqualTo(north.salesforceOrgId());

        // Codes and tokens are stored as digests only.
        assertThat(jdbc.sql("select count(*) from oauth2_authorization where access_token_value = ? or refresh_token_value = ?")
                .params(t.access(), t.refresh()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from oauth2_authorization where refresh_token_value = ?")
                .param(HashedAuthorizationService.digest(t.refresh())).query(Long.class).single()).isEqualTo(1);

        OutboundBrowser.Reply rotated = refresh(north, t.refresh());
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newRefresh = rotated.json().get("refresh_token").asString();
        String newAccess = rotated.json().get("access_token").asString();
        assertThat(newRefresh).isNotEqualTo(t.refresh());
        assertThat(refresh(north, t.refresh()).status()).as("a rotated-out refresh token is dead").isEqualTo(400);

        JsonNode active = introspect(north, newAccess).json();
        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("client_id").asString()).isEqualTo(north.clientId());
        assertThat(active.get("org").asString()).isEqualTo(north.tenant().organizationId.toString());

        OutboundBrowser.Reply revoked = browser.postForm("/oauth2/revoke",
                Map.of("token", List.of(newRefresh), "token_type_hint", List.of("refresh_token")), north.basic());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(introspect(north, newAccess).json().get("active").asBoolean()).isFalse();
        assertThat(introspect(north, newRefresh).json().get("active").asBoolean()).isFalse();
        assertThat(browser.bearer("/api/package/v1/status", newAccess, Map.of()).status()).as("revocation is effective at once").isEqualTo(401);
        assertThat(refresh(north, newRefresh).status()).isEqualTo(400);

        OutboundClients.OutboundStatus row = clients.status(north.tenant().organizationId, north.integrationId()).orElseThrow();
        assertThat(row.authorizedByEmail()).isEqualTo(north.tenant().adminEmail);
        assertThat(row.authorizedAt()).isNotNull();
        assertThat(row.tokenHealth()).isEqualTo(OutboundClients.TokenHealth.REVOKED);
        assertThat(row.lastTokenGrant()).isEqualTo("refresh_token");
        assertThat(row.lastCalloutPath()).isEqualTo("/api/package/v1/status");
    }

    @Test
    void status_row_shows_an_active_token_and_revoke_all_stops_it() {
        Tokens t = connect(north);
        assertThat(clients.status(north.tenant().organizationId, north.integrationId()).orElseThrow().tokenHealth())
                .isEqualTo(OutboundClients.TokenHealth.ACTIVE);
        assertThat(clients.revokeAll(north.tenant().organizationId, north.integrationId())).isEqualTo(1);
        assertThat(browser.bearer("/api/package/v1/status", t.access(), Map.of()).status()).isEqualTo(401);
        assertThat(refresh(north, t.refresh()).status()).isEqualTo(400);
        assertThat(clients.status(north.tenant().organizationId, north.integrationId()).orElseThrow().tokenHealth())
                .isEqualTo(OutboundClients.TokenHealth.REVOKED);
    }

    @Test
    void a_token_the_api_already_accepted_is_refused_by_the_very_next_call_after_its_revocation() {
        Tokens t = connect(north);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.bearer("/api/package/v1/status", t.access(), Map.of()).status()).isEqualTo(200);
        }
        OutboundBrowser.Reply revoked = browser.postForm("/oauth2/revoke",
                Map.of("token", List.of(t.access()), "token_type_hint", List.of("access_token")), north.basic());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(browser.bearer("/api/package/v1/status", t.access(), Map.of()).status()).as("a verified token is not a live one")
                .isEqualTo(401);

        Tokens again = connect(north);
        assertThat(browser.bearer("/api/package/v1/status", again.access(), Map.of()).status()).isEqualTo(200);
        assertThat(clients.revokeAll(north.tenant().organizationId, north.integrationId())).as("both authorizations").isEqualTo(2);
        assertThat(browser.bearer("/api/package/v1/status", again.access(), Map.of()).status()).isEqualTo(401);
    }

    /**
     * The record page checks its token in its own data statement, not in the filter (one round trip per call): it must
     * refuse the very next call all the same, before any other answer (a bad id's 400, another org's 403). Nothing in
     * this node's memory is told of a revocation, so this also stands for one made on another node.
     */
    @Test
    void a_record_page_call_is_refused_by_the_very_next_call_after_its_tokens_revocation() {
        String page = "/api/package/v1/records/001000000000001AAA/overlaps";
        Tokens t = connect(north);
        for (int i = 0; i < 3; i++) {
            OutboundBrowser.Reply ok = browser.bearer(page, t.access(), Map.of());
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(ok.json().get("overlaps").size()).isZero();
        }
        OutboundBrowser.Reply revoked = browser.postForm("/oauth2/revoke",
                Map.of("token", List.of(t.access()), "token_type_hint", List.of("access_token")), north.basic());
        assertThat(revoked.status()).isEqualTo(200);
        OutboundBrowser.Reply refused = browser.bearer(page, t.access(), Map.of());
        assertThat(refused.status()).as("a verified token is not a live one").isEqualTo(401);
        assertThat(refused.body()).doesNotContain("overlaps");
        assertThat(browser.bearer("/api/package/v1/records/not-an-id/overlaps", t.access(), Map.of()).status()).isEqualTo(401);
        assertThat(browser.bearer(page, t.access(), Map.of(PackageCalls.ORG_HEADER, "00D000000000999AAA")).status()).isEqualTo(401);

        Tokens again = connect(north);
        assertThat(browser.bearer(page, again.access(), Map.of()).status()).isEqualTo(200);
        assertThat(browser.bearer("/api/package/v1/records/not-an-id/overlaps", again.access(), Map.of()).status()).isEqualTo(400);
        assertThat(clients.revokeAll(north.tenant().organizationId, north.integrationId())).as("both authorizations").isEqualTo(2);
        assertThat(browser.bearer(page, again.access(), Map.of()).status()).isEqualTo(401);
    }

    @Test
    void a_rotated_secret_replaces_the_old_one() {
        Tokens t = connect(north);
        OutboundClients.ClientCredentials fresh = clients.rotateSecret(north.tenant().organizationId, north.integrationId());
        assertThat(fresh.clientId()).isEqualTo(north.clientId());
        assertThat(refresh(north, t.refresh()).status()).as("old secret").isEqualTo(401);
        OutboundFixture rotated = new OutboundFixture(north.tenant(), north.integrationId(), north.salesforceOrgId(), north.instanceUrl(),
                fresh.clientId(), fresh.clientSecret());
        assertThat(refresh(rotated, t.refresh()).status()).isEqualTo(200);
        assertThat(jdbc.sql("select client_secret from oauth2_registered_client where client_id = ?").param(north.clientId())
                .query(String.class).single()).startsWith("{bcrypt}").doesNotContain(fresh.clientSecret());
    }

    @Nested
    class Attacks {
        @Test
        void a_redirect_uri_other_than_the_orgs_callback_is_refused_without_redirecting() {
            for (String evil : List.of("https://evil.example/services/authcallback/Crosswalk", north.redirectUri() + "/../../evil",
                    north.redirectUri() + "?next=https://evil.example", north.instanceUrl() + ".evil.example/services/authcallback/Crosswalk")) {
                browser.signIn(north.tenant().adminEmail, north.tenant().password);
                OutboundBrowser.Reply r = browser.get(OutboundBrowser.authorizePath(north.clientId(), evil, "s",
                        OutboundBrowser.challenge(OutboundBrowser.verifier()), "S256", SCOPES));
                assertThat(r.status()).as(evil).isEqualTo(400);
                assertThat(r.location()).isNull();
            }
        }

        @Test
        void pkce_is_required_and_only_s256() {
            browser.signIn(north.tenant().adminEmail, north.tenant().password);
            OutboundBrowser.Reply none = browser.get(OutboundBrowser.authorizePath(north.clientId(), north.redirectUri(), "s", null, null, SCOPES));
            assertThat(none.param("error")).contains("invalid_request");
            assertThat(none.param("code")).isEmpty();
            OutboundBrowser.Reply plain = browser.get(OutboundBrowser.authorizePath(north.clientId(), north.redirectUri(), "s", "a".repeat(43),
                    "plain", SCOPES));
            assertThat(plain.param("error")).contains("invalid_request");
            assertThat(plain.param("code")).isEmpty();
        }

        @Test
        void a_code_needs_its_verifier() {
            String verifier = OutboundBrowser.verifier();
            String code = authorize(north, verifier, UnaryOperator.identity()).param("code").orElseThrow();
            assertThat(redeem(north, code, null).status()).isEqualTo(400);
            String code2 = authorize(north, verifier, UnaryOperator.identity()).param("code").orElseThrow();
            assertThat(redeem(north, code2, OutboundBrowser.verifier()).status()).isEqualTo(400);
        }

        @Test
        void a_replayed_code_fails_and_revokes_what_the_first_use_obtained() {
            String verifier = OutboundBrowser.verifier();
            String code = authorize(north, verifier, UnaryOperator.identity()).param("code").orElseThrow();
            OutboundBrowser.Reply first = redeem(north, code, verifier);
            assertThat(first.status()).isEqualTo(200);
            String access = first.json().get("access_token").asString();
            assertThat(browser.bearer("/api/package/v1/status", access, Map.of()).status()).isEqualTo(200);
            assertThat(redeem(north, code, verifier).status()).isEqualTo(400);
            assertThat(browser.bearer("/api/package/v1/status", access, Map.of()).status()).isEqualTo(401);
            assertThat(refresh(north, first.json().get("refresh_token").asString()).status()).isEqualTo(400);
        }

        @Test
        void another_clients_code_or_secret_gets_nothing() {
            OutboundFixture south = OutboundFixture.create(jdbc, clients, TenantData.create(organizations, jdbc, "Southbay"));
            String verifier = OutboundBrowser.verifier();
            String code = authorize(north, verifier, UnaryOperator.identity()).param("code").orElseThrow();
            OutboundFixture impostor = new OutboundFixture(north.tenant(), north.integrationId(), north.salesforceOrgId(), north.instanceUrl(),
                    south.clientId(), south.clientSecret());
            assertThat(redeem(impostor, code, verifier).status()).isEqualTo(400);
            OutboundFixture wrongSecret = new OutboundFixture(north.tenant(), north.integrationId(), north.salesforceOrgId(), north.instanceUrl(),
                    north.clientId(), south.clientSecret());
            assertThat(redeem(wrongSecret, code, verifier).status()).isEqualTo(401);
        }

        @Test
        void an_admin_of_another_organization_cannot_approve_and_is_not_told_whose_it_is() {
            OutboundFixture south = OutboundFixture.create(jdbc, clients, TenantData.create(organizations, jdbc, "Southbay"));
            String verifier = OutboundBrowser.verifier();
            OutboundBrowser.Reply r = browser.authorize(OutboundBrowser.authorizePath(north.clientId(), north.redirectUri(), "s",
                    OutboundBrowser.challenge(verifier), "S256", SCOPES), south.tenant().adminEmail, south.tenant().password,
                    UnaryOperator.identity());
            // The page offers only Cancel; Cancel is access_denied at the client's callback.
            assertThat(r.location()).startsWith(north.redirectUri());
            assertThat(r.param("error")).contains("access_denied");
            assertThat(r.param("code")).isEmpty();
        }

        @Test
        void a_forged_organization_in_the_consent_form_is_denied() {
            OutboundFixture south = OutboundFixture.create(jdbc, clients, TenantData.create(organizations, jdbc, "Southbay"));
            OutboundBrowser.Reply r = authorize(north, OutboundBrowser.verifier(), f -> {
                f.put("organization", List.of(south.tenant().organizationId.toString()));
                return f;
            });
            assertThat(r.param("error")).contains("access_denied");
            assertThat(r.param("code")).isEmpty();
            OutboundBrowser.Reply none = authorize(north, OutboundBrowser.verifier(), f -> {
                f.remove("organization");
                return f;
            });
            assertThat(none.param("error")).contains("access_denied");
            assertThat(clients.status(north.tenant().organizationId, north.integrationId()).orElseThrow().lastRefusedReason())
                    .contains("Select the Crosswalk organization");
        }

        @Test
        void a_member_who_is_not_admin_cannot_approve() {
            UUID org = north.tenant().organizationId;
            String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@northwind.example";
            jdbc.sql("insert into member (id, organization_id, email, display_name, password_hash, role, created_at)"
                    + " select ?, ?, ?, 'Viewer', password_hash, 'VIEWER', now() from member where email = ?")
                    .params(UUID.randomUUID(), org, viewer, north.tenant().adminEmail).update();
            OutboundBrowser.Reply r = browser.authorize(OutboundBrowser.authorizePath(north.clientId(), north.redirectUri(), "s",
                    OutboundBrowser.challenge(OutboundBrowser.verifier()), "S256", SCOPES), viewer, north.tenant().password,
                    f -> {
                        f.put("organization", List.of(org.toString()));
                        f.put("scope", List.of("overlaps:read", "setup"));
                        return f;
                    });
            assertThat(r.param("error")).contains("access_denied");
            assertThat(r.param("code")).isEmpty();
        }

        @Test
        void a_token_presented_for_another_salesforce_org_is_refused() {
            Tokens t = connect(north);
            assertThat(browser.bearer("/api/package/v1/status", t.access(), Map.of(PackageCalls.ORG_HEADER, north.salesforceOrgId()))
                    .status()).isEqualTo(200);
            assertThat(browser.bearer("/api/package/v1/status", t.access(),
                    Map.of(PackageCalls.ORG_HEADER, north.salesforceOrgId().substring(0, 15))).status()).isEqualTo(200);
            OutboundBrowser.Reply other = browser.bearer("/api/package/v1/status", t.access(), Map.of(PackageCalls.ORG_HEADER, "00D000000000999"));
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.body()).contains(PackageCalls.ORG_HEADER);
        }

        @Test
        void a_token_not_signed_by_crosswalk_or_tampered_is_refused() {
            Tokens t = connect(north);
            String[] parts = t.access().split("\\.");
            String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                    .replace(north.tenant().organizationId.toString(), UUID.randomUUID().toString());
            String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
            assertThat(browser.bearer("/api/package/v1/status", forged, Map.of()).status()).isEqualTo(401);
            assertThat(browser.bearer("/api/package/v1/status", "cw_pat_not-a-jwt", Map.of()).status()).isEqualTo(401);
        }

        @Test
        void a_signed_in_browser_session_does_not_open_the_package_api() {
            browser.signIn(north.tenant().adminEmail, north.tenant().password);
            assertThat(browser.get("/api/package/v1/status").status()).isEqualTo(401);
        }
    }
}
