package dev.crosswalk.app.partner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.overlap.TenantData;
import dev.crosswalk.app.population.PopulationService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class PartnershipsIT extends AppIntegrationTest {
    @Autowired
    OrganizationService organizations;
    @Autowired
    PopulationService populations;
    @Autowired
    JdbcClient jdbc;

    TenantData north;
    TenantData south;
    ApiClient northAdmin;
    ApiClient southAdmin;

    @BeforeEach
    void tenants() {
        north = TenantData.create(organizations, jdbc, "North");
        south = TenantData.create(organizations, jdbc, "South");
        northAdmin = new ApiClient(baseUrl(), north.adminEmail, north.password);
        southAdmin = new ApiClient(baseUrl(), south.adminEmail, south.password);
    }

    private String invite(String partner) {
        ApiClient.Reply r = northAdmin.post("/api/v1/partnerships", Map.of("partner", partner));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Nested
    class Dual_opt_in {
        @Test
        void an_invitation_by_name_waits_for_the_invited_side_and_only_it_can_accept() {
            String id = invite(south.name.toUpperCase());
            JsonNode seenBySouth = southAdmin.get("/api/v1/partnerships/" + id).json();
            assertThat(seenBySouth.get("status").asString()).isEqualTo("PENDING");
            assertThat(seenBySouth.get("awaitingMyResponse").asBoolean()).isTrue();
            assertThat(seenBySouth.get("partnerName").asString()).isEqualTo(north.name);

            assertThat(northAdmin.post("/api/v1/partnerships/" + id + "/accept", Map.of()).status()).isEqualTo(403);
            ApiClient.Reply accepted = southAdmin.post("/api/v1/partnerships/" + id + "/accept", Map.of());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(northAdmin.get("/api/v1/partnerships/" + id).json().get("status").asString()).isEqualTo("ACCEPTED");
        }

        @Test
        void an_invitation_by_domain_finds_the_organization_its_members_sign_in_with() {
            String domain = south.adminEmail.substring(south.adminEmail.indexOf('@') + 1);
            String id = invite(domain);
            assertThat(southAdmin.get("/api/v1/partnerships/" + id).json().get("partnerName").asString()).isEqualTo(north.name);
        }

        @Test
        void a_second_live_invitation_between_the_same_organizations_is_refused_either_way() {
            invite(south.name);
            assertThat(northAdmin.post("/api/v1/partnerships", Map.of("partner", south.name)).status()).isEqualTo(409);
            assertThat(southAdmin.post("/api/v1/partnerships", Map.of("partner", north.name)).status()).isEqualTo(409);
        }

        @Test
        void declined_and_revoked_partnerships_are_final_and_a_new_invitation_is_possible_afterwards() {
            String id = invite(south.name);
            assertThat(southAdmin.post("/api/v1/partnerships/" + id + "/decline", Map.of()).status()).isEqualTo(200);
            assertThat(southAdmin.post("/api/v1/partnerships/" + id + "/accept", Map.of()).status()).isEqualTo(409);
            String again = invite(south.name);
            southAdmin.post("/api/v1/partnerships/" + again + "/accept", Map.of());
            ApiClient.Reply revoked = southAdmin.post("/api/v1/partnerships/" + again + "/revoke", Map.of());
            assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
            assertThat(northAdmin.post("/api/v1/partnerships/" + again + "/revoke", Map.of()).status()).isEqualTo(409);
        }

        @Test
        void unknown_partners_and_own_organization_are_not_invitable_and_strangers_see_nothing() {
            assertThat(northAdmin.post("/api/v1/partnerships", Map.of("partner", "No Such Org " + UUID.randomUUID())).status())
                    .isEqualTo(404);
            assertThat(northAdmin.post("/api/v1/partnerships", Map.of("partner", north.name)).status()).isEqualTo(404);
            String id = invite(south.name);
            TenantData stranger = TenantData.create(organizations, jdbc, "Stranger");
            ApiClient strangerAdmin = new ApiClient(baseUrl(), stranger.adminEmail, stranger.password);
            assertThat(strangerAdmin.get("/api/v1/partnerships/" + id).status()).isEqualTo(404);
            assertThat(strangerAdmin.post("/api/v1/partnerships/" + id + "/accept", Map.of()).status()).isEqualTo(404);
        }
    }

    @Nested
    class Sharing_rules {
        @Test
        void populations_are_hidden_until_an_admin_shares_them_and_overrides_beat_the_default() {
            String id = invite(south.name);
            UUID customers = populations.idsByName(north.organizationId).get("Customers");
            JsonNode initial = northAdmin.get("/api/v1/sharing/populations/" + customers).json();
            assertThat(initial.get("defaultRule").get("level").asString()).isEqualTo("HIDDEN");

            ApiClient.Reply def = northAdmin.put("/api/v1/sharing/populations/" + customers + "/default",
                    Map.of("level", "OVERLAPPING", "fields", Map.of("Account", List.of("Name", "Type"))));
            assertThat(def.status()).as(def.body()).isEqualTo(200);
            ApiClient.Reply override = northAdmin.put("/api/v1/sharing/populations/" + customers + "/partners/" + south.organizationId,
                    Map.of("level", "COUNTS_ONLY"));
            assertThat(override.status()).as(override.body()).isEqualTo(200);
            assertThat(override.json().get("overrides").get(south.organizationId.toString()).get("level").asString())
                    .isEqualTo("COUNTS_ONLY");
            assertThat(id).isNotBlank();
        }

        @Test
        void fields_that_are_not_synced_cannot_be_shared_and_only_admins_change_sharing() {
            UUID customers = populations.idsByName(north.organizationId).get("Customers");
            ApiClient.Reply bad = northAdmin.put("/api/v1/sharing/populations/" + customers + "/default",
                    Map.of("level", "ALL", "fields", Map.of("Account", List.of("Name", "SSN__c"))));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("detail").asString()).contains("SSN__c");

            String viewerEmail = "viewer-" + UUID.randomUUID() + "@north.example";
            northAdmin.post("/api/v1/members", Map.of("email", viewerEmail, "password", "viewer-password", "role", "VIEWER"));
            ApiClient viewer = new ApiClient(baseUrl(), viewerEmail, "viewer-password");
            assertThat(viewer.put("/api/v1/sharing/populations/" + customers + "/default", Map.of("level", "ALL")).status())
                    .isEqualTo(403);
            assertThat(viewer.post("/api/v1/partnerships", Map.of("partner", south.name)).status()).isEqualTo(403);
        }

        @Test
        void an_override_needs_a_partnership_with_that_organization() {
            UUID customers = populations.idsByName(north.organizationId).get("Customers");
            ApiClient.Reply r = northAdmin.put("/api/v1/sharing/populations/" + customers + "/partners/" + south.organizationId,
                    Map.of("level", "ALL"));
            assertThat(r.status()).isEqualTo(404);
        }
    }
}
