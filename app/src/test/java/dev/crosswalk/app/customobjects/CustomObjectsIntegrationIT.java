package dev.crosswalk.app.customobjects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.SalesforceFixture;
import dev.crosswalk.app.SalesforceFixture.TestOrg;
import dev.crosswalk.app.Syncs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Custom Objects integration over the API against the emulator with the package installed:
 * created for an org that is a data source, reauthorized in place, another org refused, and the
 * Inbound connection verified at once (preflight with every package requirement, read and write
 * probes that leave nothing behind), errors naming their connection and cleared when fixed.
 */
class CustomObjectsIntegrationIT extends AppIntegrationTest {
    private static final String PATH = "/api/v1/integrations/salesforce-custom-objects";
    private static final AtomicInteger ORGS = new AtomicInteger();

    private ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = new ApiClient(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private record Connected(TestOrg sf, String sourceId, String id) {
    }

    private Connected connected() {
        TestOrg sf = CustomObjectsFixture.orgWithPackage("Overlaps " + ORGS.incrementAndGet());
        String source = Syncs.connect(admin, sf);
        ApiClient.Reply callback = CustomObjectsFixture.authorize(admin, source, sf.integrationUsername());
        assertThat(callback.status()).as(callback.body()).isEqualTo(302);
        return new Connected(sf, source, forSource(source).get("integration").get("id").asString());
    }

    private JsonNode forSource(String sourceId) {
        return admin.get(PATH).json().valueStream()
                .filter(i -> i.get("integration").get("sourceIntegrationId").asString().equals(sourceId))
                .findFirst().orElseThrow(() -> new AssertionError("no Custom Objects integration for " + sourceId));
    }

    private JsonNode health(String id) {
        return admin.get(PATH + "/" + id + "/health").json();
    }

    private static List<String> codes(JsonNode errors) {
        return errors.valueStream().map(e -> e.get("code").asString() + ":" + (e.hasNonNull("object") ? e.get("object").asString()
                : "")).toList();
    }

    @Nested
    class Creating {
        @Test
        void the_callback_creates_the_integration_and_its_inbound_connection_as_the_integration_user() {
            Connected c = connected();
            JsonNode co = forSource(c.sourceId());
            assertThat(co.get("integration").get("name").asString()).startsWith("Salesforce Custom Objects");
            assertThat(co.get("inbound").get("direction").asString()).isEqualTo("INBOUND");
            assertThat(co.get("inbound").get("salesforceUsername").asString()).isEqualTo(c.sf().integrationUsername());
            assertThat(co.get("inbound").get("salesforceOrgId").asString()).isEqualTo(c.sf().org().id());
            assertThat(co.toString()).doesNotContainIgnoringCase("token");
            // A data source's list and API never show (or act on) the Custom Objects integration.
            assertThat(admin.get("/api/v1/integrations").body()).doesNotContain(c.id());
            assertThat(admin.get("/api/v1/integrations/" + c.id()).status()).isEqualTo(404);
        }

        @Test
        void the_preflight_lists_every_package_requirement_and_all_pass_for_a_correct_setup() {
            Connected c = connected();
            JsonNode h = health(c.id());
            List<String> requirements = h.get("preflight").valueStream().map(l -> l.get("requirement").asString()).toList();
            assertThat(requirements).contains("API Enabled", "Permission set Crosswalk_Setup_User assigned",
                    "Access to Visualforce page CrosswalkSetup", "Read on Account", "Read on Lead",
                    "Read/Create/Edit on Ecosystem_Overlap__c", "Read/Edit on field Ecosystem_Overlap__c.Crosswalk_Key__c",
                    "Read/Edit on field Account.Crosswalk_Partner_Count__c", "Read/Edit on field Account.Crosswalk_Partners__c",
                    InboundChecks.READ_PROBE, InboundChecks.WRITE_PROBE);
            assertThat(h.get("preflight").valueStream().filter(l -> !l.get("status").asString().equals("PASS")).toList())
                    .as(h.toString()).isEmpty();
            assertThat(h.get("errors").valueStream().toList()).as(h.toString()).isEmpty();
            // The write probe left nothing behind.
            assertThat(c.sf().live("Ecosystem_Overlap__c")).isEmpty();
        }

        @Test
        void reauthorizing_replaces_the_tokens_of_the_same_integration_and_connection() {
            Connected c = connected();
            JsonNode before = forSource(c.sourceId());
            ApiClient.Reply again = CustomObjectsFixture.authorize(admin, c.sourceId(), c.sf().integrationUsername());
            assertThat(again.status()).isEqualTo(302);
            JsonNode after = forSource(c.sourceId());
            assertThat(after.get("integration").get("id").asString()).isEqualTo(c.id());
            assertThat(after.get("inbound").get("id").asString()).isEqualTo(before.get("inbound").get("id").asString());
            assertThat(after.get("inbound").get("authorizedAt").asString())
                    .isNotEqualTo(before.get("inbound").get("authorizedAt").asString());
            assertThat(admin.get(PATH).json().valueStream()
                    .filter(i -> i.get("integration").get("sourceIntegrationId").asString().equals(c.sourceId())).count())
                    .isEqualTo(1);
        }

        @Test
        void signing_in_to_another_org_is_refused_and_changes_nothing() {
            TestOrg sf = CustomObjectsFixture.orgWithPackage("Overlaps " + ORGS.incrementAndGet());
            String source = Syncs.connect(admin, sf);
            TestOrg other = CustomObjectsFixture.orgWithPackage("Elsewhere " + ORGS.incrementAndGet());
            ApiClient.Reply refused = CustomObjectsFixture.authorize(admin, source, other.integrationUsername());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("SALESFORCE_ORG_MISMATCH").contains(other.org().id()).contains(sf.org().id());
            assertThat(admin.get(PATH).body()).doesNotContain(source);
        }
    }

    @Nested
    class BadRequests {
        @Test
        void a_missing_or_malformed_source_is_a_problem_naming_the_field() {
            for (Object body : List.of(Map.of(), Map.of("sourceIntegrationId", "not-a-uuid"))) {
                ApiClient.Reply r = admin.post(PATH + "/authorize", body);
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
                assertThat(r.json().get("detail").asString()).contains("sourceIntegrationId");
            }
        }

        @Test
        void an_unknown_source_is_not_found() {
            ApiClient.Reply r = admin.post(PATH + "/authorize", Map.of("sourceIntegrationId", java.util.UUID.randomUUID().toString()));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("detail").asString()).contains("sourceIntegrationId");
        }

        @Test
        void a_custom_objects_integration_is_not_a_source() {
            Connected c = connected();
            ApiClient.Reply r = admin.post(PATH + "/authorize", Map.of("sourceIntegrationId", c.id()));
            assertThat(r.status()).isEqualTo(404);
        }
    }

    @Nested
    class Verification {
        @Test
        void an_unassigned_permission_set_is_an_inbound_error_with_its_fix_cleared_by_the_next_test() {
            Connected c = connected();
            CustomObjectsFixture.unassign(c.sf());
            JsonNode v = admin.post(PATH + "/" + c.id() + "/verify", Map.of()).json();
            JsonNode h = health(c.id());
            assertThat(codes(h.get("errors"))).contains("PERMISSION_MISSING:Crosswalk_Setup_User");
            JsonNode e = h.get("errors").valueStream().filter(x -> x.get("object").asString().equals("Crosswalk_Setup_User"))
                    .findFirst().orElseThrow();
            assertThat(e.get("message").asString()).startsWith("Inbound connection");
            assertThat(e.get("fix").asString()).contains("Assign permission set Crosswalk Setup User")
                    .contains("Advanced Settings → Inbound → ⋯ Actions → Test");
            assertThat(h.get("status").asString()).isEqualTo("ERROR");
            assertThat(v.get("inbound").get("works").asBoolean()).isFalse();

            CustomObjectsFixture.assign(c.sf());
            JsonNode fixed = admin.post(PATH + "/" + c.id() + "/verify", Map.of()).json();
            assertThat(codes(fixed.get("cleared"))).contains("PERMISSION_MISSING:Crosswalk_Setup_User");
            assertThat(health(c.id()).get("errors").valueStream().toList()).isEmpty();
        }

        @Test
        void a_revoked_inbound_connection_is_an_auth_error_naming_the_inbound_row() {
            Connected c = connected();
            SalesforceFixture.emulator().admin().revokeRefreshTokens(c.sf().integrationUsername());
            SalesforceFixture.emulator().admin().expireSessions(c.sf().integrationUsername());
            admin.post(PATH + "/" + c.id() + "/verify", Map.of());
            JsonNode e = health(c.id()).get("errors").get(0);
            assertThat(e.get("code").asString()).isEqualTo("AUTH_REVOKED");
            assertThat(e.get("message").asString()).startsWith("Inbound connection");
            assertThat(e.get("fix").asString()).contains("Advanced Settings → Inbound → ⋯ Actions → Update");

            CustomObjectsFixture.authorize(admin, c.sourceId(), c.sf().integrationUsername());
            assertThat(health(c.id()).get("errors").valueStream().toList()).isEmpty();
        }
    }
}
