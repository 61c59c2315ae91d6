package dev.crosswalk.app.population;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.AppIntegrationTest;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.org.Role;
import dev.crosswalk.app.overlap.TenantData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class PopulationsIT extends AppIntegrationTest {
    @Autowired
    OrganizationService organizations;
    @Autowired
    PopulationService populations;
    @Autowired
    JdbcClient jdbc;

    TenantData tenant;
    ApiClient admin;

    @BeforeEach
    void tenant() {
        tenant = TenantData.create(organizations, jdbc, "Populi");
        admin = new ApiClient(baseUrl(), tenant.adminEmail, tenant.password);
    }

    private static Map<String, Object> condition(String field, String operator, String value) {
        return Map.of("type", "condition", "field", field, "operator", operator, "value", value);
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new java.util.HashMap<>();
        admin.get("/api/v1/populations").json().forEach(v -> out.put(v.get("population").get("name").asString(),
                v.get("memberCount").asLong()));
        return out;
    }

    @Nested
    class Standard_populations {
        @Test
        void every_organization_starts_with_customers_open_opportunities_and_prospects() {
            JsonNode list = admin.get("/api/v1/populations").json();
            assertThat(list.valueStream().map(v -> v.get("population").get("name").asString()))
                    .containsExactly("Customers", "Open Opportunities", "Prospects");
            assertThat(list.valueStream().map(v -> v.get("population").get("standardKind").asString()))
                    .containsExactly("CUSTOMERS", "OPEN_OPPORTUNITIES", "PROSPECTS");
        }

        @Test
        void their_membership_follows_syncs_incrementally_including_open_opportunities_and_deletions() {
            tenant.nextSync();
            String customer = tenant.account("Acme", "acme.com", "Customer - Direct");
            String prospect = tenant.account("Globex", "globex.com", "Prospect");
            String other = tenant.account("Initech", "initech.com", "Partner");
            tenant.put("Opportunity", TenantData.newSfId("006"), Map.of("AccountId", other, "IsClosed", "false"), false);
            populations.refreshAfterSync(tenant.organizationId, tenant.integrationId);
            assertThat(counts()).containsEntry("Customers", 1L).containsEntry("Prospects", 1L).containsEntry("Open Opportunities", 1L);

            tenant.nextSync();
            tenant.put("Account", prospect, Map.of("Name", "Globex", "Type", "Customer"), false);
            tenant.put("Account", customer, Map.of("Name", "Acme", "Type", "Customer"), true);
            populations.refreshAfterSync(tenant.organizationId, tenant.integrationId);
            assertThat(counts()).containsEntry("Customers", 1L).containsEntry("Prospects", 0L);
            assertThat(jdbc.sql("select sf_id from population_member m join population p on p.id = m.population_id"
                    + " where p.organization_id = ? and p.standard_kind = 'CUSTOMERS'").param(tenant.organizationId)
                    .query(String.class).list()).containsExactly(prospect);
        }

        @Test
        void their_default_filter_can_be_edited_but_they_cannot_be_deleted() {
            tenant.nextSync();
            tenant.account("Acme", "acme.com", "Partner");
            populations.refreshAfterSync(tenant.organizationId, tenant.integrationId);
            String id = populations.idsByName(tenant.organizationId).get("Customers").toString();
            ApiClient.Reply edited = admin.patch("/api/v1/populations/" + id,
                    Map.of("filter", Map.of("type", "group", "logic", "OR", "children",
                            List.of(condition("Type", "EQUALS", "customer"), condition("Type", "EQUALS", "partner")))));
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);
            assertThat(edited.json().get("memberCount").asLong()).isEqualTo(1);
            assertThat(admin.delete("/api/v1/populations/" + id).status()).isEqualTo(409);
        }
    }

    @Nested
    class Custom_populations {
        @Test
        void preview_counts_and_samples_without_saving_then_create_materializes_the_same_members() {
            tenant.nextSync();
            for (int i = 0; i < 15; i++) {
                tenant.put("Account", TenantData.newSfId("001"),
                        Map.of("Name", "Big " + i, "NumberOfEmployees", String.valueOf(1000 + i), "Industry", "Technology"), false);
            }
            tenant.put("Account", TenantData.newSfId("001"), Map.of("Name", "Small", "NumberOfEmployees", "12", "Industry", "Technology"),
                    false);
            tenant.put("Account", TenantData.newSfId("001"), Map.of("Name", "Odd", "NumberOfEmployees", "n/a"), false);
            Map<String, Object> filter = Map.of("type", "group", "logic", "AND", "children",
                    List.of(condition("NumberOfEmployees", "GREATER_THAN", "500"), condition("Industry", "CONTAINS", "TECH")));

            ApiClient.Reply preview = admin.post("/api/v1/populations/preview", Map.of("baseObject", "Account", "filter", filter));
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            assertThat(preview.json().get("count").asLong()).isEqualTo(15);
            assertThat(preview.json().get("sample").size()).isEqualTo(10);
            assertThat(counts()).doesNotContainKey("Big companies");

            ApiClient.Reply created = admin.post("/api/v1/populations",
                    Map.of("name", "Big companies", "baseObject", "Account", "filter", filter));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().get("memberCount").asLong()).isEqualTo(15);
        }

        @Test
        void deleting_a_population_removes_its_members_and_only_its_own() {
            tenant.nextSync();
            for (int i = 0; i < 3; i++) {
                tenant.put("Account", TenantData.newSfId("001"), Map.of("Name", "Doomed " + i, "Industry", "Technology"), false);
            }
            Map<String, Object> filter = condition("Industry", "EQUALS", "Technology");
            ApiClient.Reply doomed = admin.post("/api/v1/populations", Map.of("name", "Doomed", "baseObject", "Account", "filter", filter));
            ApiClient.Reply kept = admin.post("/api/v1/populations", Map.of("name", "Kept", "baseObject", "Account", "filter", filter));
            assertThat(doomed.json().get("memberCount").asLong()).isEqualTo(3);
            String doomedId = doomed.json().get("population").get("id").asString();

            assertThat(admin.delete("/api/v1/populations/" + doomedId).status()).isEqualTo(204);

            // Membership has no foreign key to its population (writing it stays cheap): a trigger removes it.
            assertThat(jdbc.sql("select count(*) from population_member where population_id = ?")
                    .param(java.util.UUID.fromString(doomedId)).query(Long.class).single()).isZero();
            assertThat(admin.get("/api/v1/populations/" + kept.json().get("population").get("id").asString()).json()
                    .get("memberCount").asLong()).isEqualTo(3);
        }

        @Test
        void a_filter_on_a_field_that_is_not_synced_is_refused_with_every_problem_named() {
            ApiClient.Reply r = admin.post("/api/v1/populations", Map.of("name", "Bad", "baseObject", "Account", "filter",
                    Map.of("type", "group", "logic", "AND", "children", List.of(condition("Secret__c", "EQUALS", "x"),
                            Map.of("type", "condition", "field", "NumberOfEmployees", "operator", "GREATER_THAN", "value", "many")))));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.json().get("detail").asString()).contains("Account.Secret__c is not a synced field").contains("not a number");
        }

        @Test
        void lead_populations_use_lead_fields_and_values_never_reach_the_sql_text() {
            tenant.nextSync();
            tenant.put("Lead", TenantData.newSfId("00Q"), Map.of("LastName", "x", "Company", "O'Brien; drop table x", "Status", "Open"),
                    false);
            ApiClient.Reply r = admin.post("/api/v1/populations", Map.of("name", "Odd leads", "baseObject", "Lead", "filter",
                    condition("Company", "STARTS_WITH", "o'brien; DROP")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("memberCount").asLong()).isEqualTo(1);
        }

        @Test
        void only_admins_create_populations_and_other_tenants_do_not_see_them() {
            String viewerEmail = "viewer-" + UUID.randomUUID() + "@populi.example";
            assertThat(admin.post("/api/v1/members", Map.of("email", viewerEmail, "password", "viewer-password", "role",
                    Role.VIEWER.name())).status()).isEqualTo(201);
            ApiClient viewer = new ApiClient(baseUrl(), viewerEmail, "viewer-password");
            ApiClient.Reply refused = viewer.post("/api/v1/populations", Map.of("name", "Mine", "baseObject", "Account", "filter",
                    condition("Type", "EQUALS", "Customer")));
            assertThat(refused.status()).isEqualTo(403);

            String id = admin.post("/api/v1/populations", Map.of("name", "Private", "baseObject", "Account", "filter",
                    condition("Type", "EQUALS", "Customer"))).json().get("population").get("id").asString();
            TenantData other = TenantData.create(organizations, jdbc, "Otherco");
            ApiClient stranger = new ApiClient(baseUrl(), other.adminEmail, other.password);
            assertThat(stranger.get("/api/v1/populations/" + id).status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/populations").body()).doesNotContain("Private");
        }
    }
}
