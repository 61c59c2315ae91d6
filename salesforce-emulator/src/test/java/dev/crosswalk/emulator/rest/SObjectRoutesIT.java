package dev.crosswalk.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.data.TestObjects;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.security.ObjectAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SObjectRoutesIT {
    private SalesforceEmulator sf;
    private Org org;
    private RestClient admin;
    private RestClient readOnly;
    private RestClient minimal;

    @BeforeAll
    void start() {
        sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0).build());
        EmulatorState state = sf.state();
        org = state.createOrg("REST Org");
        org.addType(TestObjects.thingType(org));
        admin = client(state, "admin@rest.example", EmulatorState.PROFILE_ADMIN);
        // Minimum Access + a permission set granting API and read-only Account.
        String min = state.createUser(org, new NewUser("ro@rest.example", "R", "Only", "ro@rest.example",
                EmulatorState.PROFILE_MINIMUM), "pw");
        String ps = PermissionAdmin.createPermissionSet(org, "ReadAccounts", "Read Accounts", Map.of("PermissionsApiEnabled", true));
        PermissionAdmin.setObjectPermissions(org, ps, "Account", ObjectAccess.READ);
        PermissionAdmin.assign(org, min, ps);
        readOnly = RestClient.of(sf.baseUrl(), token(state, min));
        String bare = state.createUser(org, new NewUser("min@rest.example", "M", "Min", "min@rest.example",
                EmulatorState.PROFILE_MINIMUM), "pw");
        String apiOnly = PermissionAdmin.createPermissionSet(org, "ApiOnly", "API only", Map.of("PermissionsApiEnabled", true));
        PermissionAdmin.assign(org, bare, apiOnly);
        minimal = RestClient.of(sf.baseUrl(), token(state, bare));
    }

    private RestClient client(EmulatorState state, String username, String profile) {
        String userId = state.createUser(org, new NewUser(username, "A", "User", username, profile), "pw");
        return RestClient.of(sf.baseUrl(), token(state, userId));
    }

    private String token(EmulatorState state, String userId) {
        return state.tokens().issueSession(org, userId, "test", Set.of("api"), null).token();
    }

    @AfterAll
    void stop() {
        sf.close();
    }

    private String createAccount(String name) {
        RestClient.Reply r = admin.post("/sobjects/Account", Map.of("Name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Nested
    class Crud {
        @Test
        void create_answers_201_with_id_success_and_location() {
            RestClient.Reply r = admin.post("/sobjects/Account", Map.of("Name", "Created", "Website", "https://created.example"));
            assertThat(r.status()).isEqualTo(201);
            String id = r.json().get("id").asString();
            assertThat(id).startsWith("001").hasSize(18);
            assertThat(r.json().get("success").asBoolean()).isTrue();
            assertThat(r.json().get("errors").isEmpty()).isTrue();
            assertThat(r.header("Location")).isEqualTo("/services/data/v62.0/sobjects/Account/" + id);
            assertThat(r.header("Sforce-Limit-Info")).startsWith("api-usage=");
        }

        @Test
        void get_reads_by_18_and_15_character_ids_with_attributes_and_salesforce_datetimes() {
            String id = createAccount("Readable");
            RestClient.Reply by18 = admin.get("/sobjects/Account/" + id);
            assertThat(by18.status()).isEqualTo(200);
            assertThat(by18.json().get("attributes").get("type").asString()).isEqualTo("Account");
            assertThat(by18.json().get("attributes").get("url").asString()).isEqualTo("/services/data/v62.0/sobjects/Account/" + id);
            assertThat(by18.json().get("Id").asString()).isEqualTo(id);
            assertThat(by18.json().get("Name").asString()).isEqualTo("Readable");
            assertThat(by18.json().get("CreatedDate").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
            RestClient.Reply by15 = admin.get("/sobjects/Account/" + id.substring(0, 15));
            assertThat(by15.json().get("Id").asString()).isEqualTo(id);
            RestClient.Reply lower18 = admin.get("/sobjects/Account/" + id.substring(0, 15) + id.substring(15).toLowerCase());
            assertThat(lower18.json().get("Id").asString()).isEqualTo(id);
        }

        @Test
        void get_with_fields_returns_only_those_fields() {
            String id = createAccount("Fields");
            RestClient.Reply r = admin.get("/sobjects/Account/" + id + "?fields=Name,Owner.Name");
            assertThat(r.json().propertyNames()).containsExactly("attributes", "Name", "Owner");
            assertThat(r.json().get("Owner").get("Name").asString()).isEqualTo("A User");
            RestClient.Reply bad = admin.get("/sobjects/Account/" + id + "?fields=Nope__c");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.errorCode()).isEqualTo("INVALID_FIELD");
        }

        @Test
        void patch_updates_with_204_and_delete_soft_deletes_with_204() {
            String id = createAccount("Patchable");
            RestClient.Reply p = admin.patch("/sobjects/Account/" + id.substring(0, 15), Map.of("Name", "Patched"));
            assertThat(p.status()).as(p.toString()).isEqualTo(204);
            assertThat(p.raw().body()).isEmpty();
            assertThat(admin.get("/sobjects/Account/" + id).json().get("Name").asString()).isEqualTo("Patched");
            assertThat(admin.delete("/sobjects/Account/" + id).status()).isEqualTo(204);
            RestClient.Reply gone = admin.get("/sobjects/Account/" + id);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.errorCode()).isEqualTo("ENTITY_IS_DELETED");
            assertThat(admin.delete("/sobjects/Account/" + id).errorCode()).isEqualTo("ENTITY_IS_DELETED");
            assertThat(admin.patch("/sobjects/Account/" + id, Map.of("Name", "x")).errorCode()).isEqualTo("ENTITY_IS_DELETED");
        }

        @Test
        void post_with_http_method_override_updates_and_deletes() {
            String id = createAccount("Override");
            assertThat(admin.post("/sobjects/Account/" + id + "?_HttpMethod=PATCH", Map.of("Name", "Overridden")).status())
                    .isEqualTo(204);
            assertThat(admin.get("/sobjects/Account/" + id).json().get("Name").asString()).isEqualTo("Overridden");
            assertThat(admin.post("/sobjects/Account/" + id + "?_HttpMethod=DELETE", null).status()).isEqualTo(204);
            assertThat(admin.get("/sobjects/Account/" + id).errorCode()).isEqualTo("ENTITY_IS_DELETED");
        }

        @Test
        void unknown_ids_types_and_non_id_segments_are_404() {
            RestClient.Reply unknown = admin.get("/sobjects/Account/001000000000000AAA");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
            assertThat(unknown.message()).isEqualTo("The requested resource does not exist");
            RestClient.Reply segment = admin.get("/sobjects/Account/Foo");
            assertThat(segment.status()).isEqualTo(404);
            assertThat(segment.message()).isEqualTo("Provided external ID field does not exist or is not accessible: Foo");
            assertThat(admin.get("/sobjects/Nope__c/001000000000000AAA").status()).isEqualTo(404);
        }
    }

    @Nested
    class ChangedRecords {
        @Test
        void lists_updated_ids_and_deleted_records_in_a_window() {
            String kept = createAccount("Changed");
            String removed = createAccount("Removed");
            admin.delete("/sobjects/Account/" + removed);
            java.time.Instant now = java.time.Instant.now();
            String window = "?start=" + now.minusSeconds(3600) + "&end=" + now.plusSeconds(120);
            RestClient.Reply updated = admin.get("/sobjects/Account/updated/" + window);
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            assertThat(updated.json().get("ids").toString()).contains(kept).doesNotContain(removed);
            assertThat(updated.json().get("latestDateCovered").asString()).endsWith(":00.000+0000");
            RestClient.Reply deleted = admin.get("/sobjects/Account/deleted/" + window);
            assertThat(deleted.json().get("deletedRecords").toString()).contains(removed).doesNotContain(kept);
            assertThat(deleted.json().get("deletedRecords").get(0).get("deletedDate").asString()).endsWith("+0000");
            assertThat(admin.get("/sobjects/Account/updated/").errorCode()).isEqualTo("MISSING_ARGUMENT");
        }
    }

    @Nested
    class Errors {
        @Test
        void missing_required_field_is_400_with_the_field() {
            RestClient.Reply r = admin.post("/sobjects/Account", Map.of("Website", "https://x.example"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(r.message()).isEqualTo("Required fields are missing: [Name]");
            assertThat(r.json().get(0).get("fields").get(0).asString()).isEqualTo("Name");
        }

        @Test
        void id_in_the_body_unknown_fields_and_bad_json_are_400() {
            assertThat(admin.post("/sobjects/Account", Map.of("Id", "001000000000000AAA", "Name", "x")).message())
                    .isEqualTo("The Id field should not be specified in the sobject data.");
            assertThat(admin.post("/sobjects/Account", Map.of("Name", "x", "Nope__c", 1)).message())
                    .isEqualTo("No such column 'Nope__c' on sobject of type Account");
            RestClient.Reply bool = admin.post("/sobjects/Thing__c", Map.of("Name", "x", "Active__c", "x"));
            assertThat(bool.errorCode()).isEqualTo("JSON_PARSER_ERROR");
            assertThat(bool.message()).startsWith("Cannot deserialize instance of boolean from VALUE_STRING value x");
            assertThat(admin.post("/sobjects/Account", "{not json").errorCode()).isEqualTo("JSON_PARSER_ERROR");
        }
    }

    @Nested
    class Permissions {
        @Test
        void read_only_user_can_read_but_not_write() {
            String id = createAccount("Guarded");
            assertThat(readOnly.get("/sobjects/Account/" + id).status()).isEqualTo(200);
            RestClient.Reply create = readOnly.post("/sobjects/Account", Map.of("Name", "x"));
            assertThat(create.status()).isEqualTo(400);
            assertThat(create.errorCode()).isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
            assertThat(readOnly.patch("/sobjects/Account/" + id, Map.of("Name", "x")).errorCode())
                    .isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
            assertThat(readOnly.delete("/sobjects/Account/" + id).errorCode()).isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
        }

        @Test
        void an_object_the_user_cannot_read_does_not_exist_for_it() {
            String id = createAccount("Invisible");
            assertThat(minimal.get("/sobjects/Account/" + id).status()).isEqualTo(404);
            assertThat(minimal.post("/sobjects/Account", Map.of("Name", "x")).status()).isEqualTo(404);
        }

        @Test
        void fields_hidden_by_field_level_security_are_left_out_of_reads() {
            String id = admin.post("/sobjects/Account", Map.of("Name", "FLS", "Industry", "Banking")).json().get("id").asString();
            RestClient.Reply r = readOnly.get("/sobjects/Account/" + id);
            assertThat(r.json().has("Name")).isTrue();
            assertThat(r.json().has("Industry")).isFalse();
        }
    }
}
