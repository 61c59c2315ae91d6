package dev.crosswalk.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.data.TestObjects;
import dev.crosswalk.emulator.model.Org;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Upsert by external id, sObject Collections and Composite over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordWritesIT {
    private SalesforceEmulator sf;
    private Org org;
    private RestClient admin;
    private RestClient standard;

    @BeforeAll
    void start() {
        sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0).build());
        EmulatorState state = sf.state();
        org = state.createOrg("Writes Org");
        org.addType(TestObjects.thingType(org));
        admin = client(state, "admin@writes.example", EmulatorState.PROFILE_ADMIN);
        standard = client(state, "std@writes.example", EmulatorState.PROFILE_STANDARD);
    }

    private RestClient client(EmulatorState state, String username, String profile) {
        String userId = state.createUser(org, new NewUser(username, "W", "User", username, profile), "pw");
        return RestClient.of(sf.baseUrl(), state.tokens().issueSession(org, userId, "test", Set.of("api"), null).token());
    }

    @AfterAll
    void stop() {
        sf.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> rec(String type, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attributes", Map.of("type", type));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private int count(String soqlWhere) {
        return org.read(() -> (int) org.store("Account").all().stream()
                .filter(r -> !Boolean.TRUE.equals(r.get(org.type("Account").orElseThrow().require("IsDeleted"))))
                .filter(r -> String.valueOf(r.get(org.type("Account").orElseThrow().require("Name"))).startsWith(soqlWhere))
                .count());
    }

    @Nested
    class UpsertByExternalId {
        @Test
        void creates_with_201_then_updates_with_200_and_created_false() {
            String ext = "U-" + unique();
            RestClient.Reply created = admin.patch("/sobjects/Thing__c/Ext__c/" + ext, Map.of("Name", "First"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().get("created").asBoolean()).isTrue();
            assertThat(created.json().get("success").asBoolean()).isTrue();
            String id = created.json().get("id").asString();
            RestClient.Reply updated = admin.patch("/sobjects/Thing__c/Ext__c/" + ext.toLowerCase(), Map.of("Name", "Second"));
            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.json().get("id").asString()).isEqualTo(id);
            assertThat(updated.json().get("created").asBoolean()).isFalse();
            assertThat(admin.get("/sobjects/Thing__c/Ext__c/" + ext).json().get("Name").asString()).isEqualTo("Second");
        }

        @Test
        void answers_204_without_body_before_api_46() {
            String ext = "Old-" + unique();
            RestClient old = admin.withVersion("v45.0");
            assertThat(old.patch("/sobjects/Thing__c/Ext__c/" + ext, Map.of("Name", "A")).status()).isEqualTo(201);
            RestClient.Reply updated = old.patch("/sobjects/Thing__c/Ext__c/" + ext, Map.of("Name", "B"));
            assertThat(updated.status()).isEqualTo(204);
            assertThat(updated.raw().body()).isEmpty();
        }

        @Test
        void answers_300_with_the_matches_when_several_records_share_the_value() {
            String ext = "M-" + unique();
            admin.post("/sobjects/Thing__c", Map.of("Name", "One", "Ext__c", ext));
            admin.post("/sobjects/Thing__c", Map.of("Name", "Two", "Ext__c", ext.toUpperCase()));
            RestClient.Reply r = admin.patch("/sobjects/Thing__c/Ext__c/" + ext, Map.of("Name", "Three"));
            assertThat(r.status()).isEqualTo(300);
            assertThat(r.json().size()).isEqualTo(2);
            assertThat(r.json().get(0).asString()).startsWith("/services/data/v62.0/sobjects/Thing__c/");
            assertThat(admin.get("/sobjects/Thing__c/Ext__c/" + ext).status()).isEqualTo(300);
        }

        @Test
        void answers_404_for_a_field_that_is_not_an_external_id() {
            RestClient.Reply r = admin.patch("/sobjects/Thing__c/Name/x", Map.of("Active__c", true));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
            assertThat(admin.patch("/sobjects/Thing__c/Nope__c/x", Map.of()).status()).isEqualTo(404);
        }

        @Test
        void post_to_the_id_field_creates() {
            RestClient.Reply r = admin.post("/sobjects/Account/Id", Map.of("Name", "Via Id " + unique()));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.json().get("id").asString()).startsWith("001");
        }

        @Test
        void update_only_does_not_insert() {
            RestClient.Reply r = admin.patch("/sobjects/Thing__c/Ext__c/none-" + unique() + "?updateOnly=true", Map.of("Name", "x"));
            assertThat(r.status()).isEqualTo(404);
        }

        @Test
        void deletes_by_external_id() {
            String ext = "D-" + unique();
            admin.patch("/sobjects/Thing__c/Ext__c/" + ext, Map.of("Name", "Doomed"));
            assertThat(admin.delete("/sobjects/Thing__c/Ext__c/" + ext).status()).isEqualTo(204);
            assertThat(admin.get("/sobjects/Thing__c/Ext__c/" + ext).status()).isEqualTo(404);
        }
    }

    @Nested
    class Collections {
        @Test
        void creates_updates_and_deletes_200_records() {
            String prefix = "Coll " + unique();
            List<Object> records = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                records.add(rec("Account", "Name", prefix + " " + i));
            }
            RestClient.Reply created = admin.post("/composite/sobjects", Map.of("allOrNone", false, "records", records));
            assertThat(created.status()).isEqualTo(200);
            assertThat(created.json().size()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            created.json().forEach(n -> {
                assertThat(n.get("success").asBoolean()).as(n.toString()).isTrue();
                assertThat(n.get("errors").isEmpty()).isTrue();
                ids.add(n.get("id").asString());
            });
            assertThat(Set.copyOf(ids)).hasSize(200);
            assertThat(count(prefix)).isEqualTo(200);

            List<Object> updates = new ArrayList<>();
            ids.forEach(id -> updates.add(rec("Account", "id", id, "Industry", "Banking")));
            RestClient.Reply updated = admin.patch("/composite/sobjects", Map.of("records", updates));
            assertThat(updated.json()).allSatisfy(n -> assertThat(n.get("success").asBoolean()).isTrue());
            assertThat(updated.json().get(0).get("id").asString()).isEqualTo(ids.get(0));

            RestClient.Reply deleted = admin.delete("/composite/sobjects?ids=" + String.join(",", ids) + "&allOrNone=true");
            assertThat(deleted.json().size()).isEqualTo(200);
            assertThat(deleted.json()).allSatisfy(n -> assertThat(n.get("success").asBoolean()).isTrue());
            assertThat(count(prefix)).isZero();
        }

        @Test
        void refuses_more_than_200_records() {
            List<Object> records = new ArrayList<>();
            for (int i = 0; i < 201; i++) {
                records.add(rec("Account", "Name", "Too many " + i));
            }
            RestClient.Reply r = admin.post("/composite/sobjects", Map.of("records", records));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("EXCEEDED_ID_LIMIT");
            assertThat(r.message()).isEqualTo("record limit reached. cannot submit more than 200 records into this call");
        }

        @Test
        void reports_per_record_errors_with_status_code_when_not_all_or_none() {
            String name = "Partial " + unique();
            RestClient.Reply r = admin.post("/composite/sobjects", Map.of("allOrNone", false, "records",
                    List.of(rec("Account", "Name", name), rec("Account", "Website", "https://x.example"), rec("Contact", "LastName", "Mixed"))));
            JsonNode res = r.json();
            assertThat(res.get(0).get("success").asBoolean()).isTrue();
            assertThat(res.get(1).get("success").asBoolean()).isFalse();
            assertThat(res.get(1).has("id")).isFalse();
            JsonNode err = res.get(1).get("errors").get(0);
            assertThat(err.get("statusCode").asString()).isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(err.has("errorCode")).isFalse();
            assertThat(err.get("fields").get(0).asString()).isEqualTo("Name");
            assertThat(res.get(2).get("id").asString()).startsWith("003");
        }

        @Test
        void rolls_everything_back_with_all_or_none() {
            String name = "AllOrNone " + unique();
            RestClient.Reply r = admin.post("/composite/sobjects", Map.of("allOrNone", true, "records",
                    List.of(rec("Account", "Name", name), rec("Account", "Website", "https://x.example"))));
            JsonNode res = r.json();
            assertThat(res.get(0).get("success").asBoolean()).isFalse();
            assertThat(res.get(0).get("errors").get(0).get("statusCode").asString()).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
            assertThat(res.get(0).get("errors").get(0).get("message").asString())
                    .isEqualTo("Record rolled back because not all records were valid and the request was using AllOrNone header");
            assertThat(res.get(1).get("errors").get(0).get("statusCode").asString()).isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(count(name)).isZero();
        }

        @Test
        void refuses_more_than_ten_type_chunks() {
            List<Object> records = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                records.add(i % 2 == 0 ? rec("Account", "Name", "Chunk " + i) : rec("Contact", "LastName", "Chunk " + i));
            }
            RestClient.Reply r = admin.post("/composite/sobjects", Map.of("records", records));
            assertThat(r.json()).allSatisfy(n -> assertThat(n.get("errors").get(0).get("statusCode").asString())
                    .isEqualTo("EXCEEDED_MAX_TYPES_LIMIT"));
        }

        @Test
        void refuses_to_mix_setup_and_data_objects() {
            RestClient.Reply r = admin.post("/composite/sobjects", Map.of("records", List.of(
                    rec("Account", "Name", "Data " + unique()), rec("PermissionSet", "Name", "Mixed", "Label", "Mixed"))));
            assertThat(r.json().get(0).get("success").asBoolean()).isTrue();
            assertThat(r.json().get(1).get("errors").get(0).get("statusCode").asString()).isEqualTo("MIXED_DML_OPERATION");
        }

        @Test
        void requires_attributes_type() {
            RestClient.Reply r = admin.post("/composite/sobjects", Map.of("records", List.of(Map.of("Name", "typeless"))));
            assertThat(r.json().get(0).get("success").asBoolean()).isFalse();
            assertThat(r.json().get(0).get("errors").get(0).get("statusCode").asString()).isEqualTo("INVALID_TYPE");
        }

        @Test
        void upserts_by_external_id_with_created_flags() {
            String a = "CA-" + unique();
            admin.patch("/sobjects/Thing__c/Ext__c/" + a, Map.of("Name", "Existing"));
            String b = "CB-" + unique();
            RestClient.Reply r = admin.patch("/composite/sobjects/Thing__c/Ext__c", Map.of("allOrNone", false, "records", List.of(
                    rec("Thing__c", "Ext__c", a, "Name", "Updated"), rec("Thing__c", "Ext__c", b, "Name", "New"))));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get(0).get("created").asBoolean()).isFalse();
            assertThat(r.json().get(1).get("created").asBoolean()).isTrue();
            assertThat(r.json()).allSatisfy(n -> assertThat(n.get("success").asBoolean()).isTrue());
            assertThat(admin.get("/sobjects/Thing__c/Ext__c/" + a).json().get("Name").asString()).isEqualTo("Updated");
        }

        @Test
        void retrieves_records_in_id_order_with_null_for_missing() {
            String id1 = admin.post("/sobjects/Account", Map.of("Name", "R1")).json().get("id").asString();
            String id2 = admin.post("/sobjects/Account", Map.of("Name", "R2")).json().get("id").asString();
            RestClient.Reply r = admin.get("/composite/sobjects/Account?ids=" + id2 + ",001000000000000AAA," + id1.substring(0, 15)
                    + "&fields=Id,Name");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get(0).get("Name").asString()).isEqualTo("R2");
            assertThat(r.json().get(1).isNull()).isTrue();
            assertThat(r.json().get(2).get("Id").asString()).isEqualTo(id1);
            RestClient.Reply p = admin.post("/composite/sobjects/Account", Map.of("ids", List.of(id1), "fields", List.of("Name")));
            assertThat(p.json().get(0).get("Name").asString()).isEqualTo("R1");
        }

        @Test
        void a_standard_user_cannot_write_setup_objects() {
            RestClient.Reply r = standard.post("/composite/sobjects", Map.of("records",
                    List.of(rec("PermissionSet", "Name", "Nope", "Label", "Nope"))));
            assertThat(r.json().get(0).get("errors").get(0).get("statusCode").asString()).isEqualTo("INVALID_TYPE");
        }
    }

    @Nested
    class Composite {
        private Map<String, Object> sub(String method, String url, String ref, Object body) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", method);
            m.put("url", url);
            m.put("referenceId", ref);
            if (body != null) {
                m.put("body", body);
            }
            return m;
        }

        @Test
        void runs_subrequests_with_references_to_earlier_results() {
            String name = "Composite " + unique();
            RestClient.Reply r = admin.post("/composite", Map.of("allOrNone", true, "compositeRequest", List.of(
                    sub("POST", "/services/data/v62.0/sobjects/Account", "refAccount", Map.of("Name", name)),
                    sub("POST", "/services/data/v62.0/sobjects/Contact", "refContact",
                            Map.of("LastName", "Doe", "AccountId", "@{refAccount.id}")),
                    sub("GET", "/services/data/v62.0/sobjects/Contact/@{refContact.id}?fields=AccountId", "refRead", null))));
            assertThat(r.status()).isEqualTo(200);
            JsonNode res = r.json().get("compositeResponse");
            assertThat(res.get(0).get("httpStatusCode").asInt()).as(res.toString()).isEqualTo(201);
            assertThat(res.get(0).get("referenceId").asString()).isEqualTo("refAccount");
            assertThat(res.get(0).get("httpHeaders").get("Location").asString()).startsWith("/services/data/v62.0/sobjects/Account/");
            String accountId = res.get(0).get("body").get("id").asString();
            assertThat(res.get(1).get("httpStatusCode").asInt()).as(res.toString()).isEqualTo(201);
            assertThat(res.get(2).get("body").get("AccountId").asString()).isEqualTo(accountId);
        }

        @Test
        void counts_as_one_api_request() {
            long before = org.apiUsage().used();
            admin.post("/composite", Map.of("compositeRequest", List.of(
                    sub("POST", "/services/data/v62.0/sobjects/Account", "a", Map.of("Name", "Billed once " + unique())),
                    sub("GET", "/services/data/v62.0/sobjects/Account/@{a.id}", "b", null))));
            assertThat(org.apiUsage().used() - before).isEqualTo(1);
        }

        @Test
        void all_or_none_rolls_back_and_halts_the_others() {
            String name = "Halted " + unique();
            RestClient.Reply r = admin.post("/composite", Map.of("allOrNone", true, "compositeRequest", List.of(
                    sub("POST", "/services/data/v62.0/sobjects/Account", "ok", Map.of("Name", name)),
                    sub("POST", "/services/data/v62.0/sobjects/Account", "bad", Map.of("Website", "x")),
                    sub("POST", "/services/data/v62.0/sobjects/Account", "later", Map.of("Name", name)))));
            JsonNode res = r.json().get("compositeResponse");
            assertThat(res.get(0).get("httpStatusCode").asInt()).isEqualTo(400);
            assertThat(res.get(0).get("body").get(0).get("errorCode").asString()).isEqualTo("PROCESSING_HALTED");
            assertThat(res.get(1).get("body").get(0).get("errorCode").asString()).isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(res.get(2).get("body").get(0).get("errorCode").asString()).isEqualTo("PROCESSING_HALTED");
            assertThat(count(name)).isZero();
        }

        @Test
        void without_all_or_none_dependents_of_a_failure_are_halted_and_the_rest_runs() {
            String name = "Independent " + unique();
            RestClient.Reply r = admin.post("/composite", Map.of("allOrNone", false, "compositeRequest", List.of(
                    sub("POST", "/services/data/v62.0/sobjects/Account", "bad", Map.of("Website", "x")),
                    sub("POST", "/services/data/v62.0/sobjects/Contact", "dependent", Map.of("LastName", "D", "AccountId", "@{bad.id}")),
                    sub("POST", "/services/data/v62.0/sobjects/Account", "fine", Map.of("Name", name)))));
            JsonNode res = r.json().get("compositeResponse");
            assertThat(res.get(0).get("httpStatusCode").asInt()).isEqualTo(400);
            assertThat(res.get(1).get("body").get(0).get("errorCode").asString()).isEqualTo("PROCESSING_HALTED");
            assertThat(res.get(1).get("body").get(0).get("message").asString()).startsWith("Invalid reference specified. No value for bad.id found in bad.");
            assertThat(res.get(2).get("httpStatusCode").asInt()).isEqualTo(201);
            assertThat(count(name)).isEqualTo(1);
        }
    }

    @Nested
    class BatchAndTree {
        @Test
        void batch_runs_independent_subrequests_and_halts_on_error_when_asked() {
            String id = admin.post("/sobjects/Account", Map.of("Name", "Batch " + unique())).json().get("id").asString();
            RestClient.Reply r = admin.post("/composite/batch", Map.of("haltOnError", true, "batchRequests", List.of(
                    Map.of("method", "PATCH", "url", "v62.0/sobjects/Account/" + id, "richInput", Map.of("Name", "Batched")),
                    Map.of("method", "GET", "url", "v62.0/sobjects/Account/" + id + "?fields=Name"),
                    Map.of("method", "POST", "url", "v62.0/sobjects/Account", "richInput", Map.of("Website", "x")),
                    Map.of("method", "GET", "url", "v62.0/sobjects/Account/" + id))));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("hasErrors").asBoolean()).isTrue();
            JsonNode results = r.json().get("results");
            assertThat(results.get(0).get("statusCode").asInt()).isEqualTo(204);
            assertThat(results.get(1).get("result").get("Name").asString()).isEqualTo("Batched");
            assertThat(results.get(2).get("statusCode").asInt()).isEqualTo(400);
            assertThat(results.get(3).get("statusCode").asInt()).isEqualTo(412);
            assertThat(results.get(3).get("result").get(0).get("errorCode").asString()).isEqualTo("BATCH_PROCESSING_HALTED");
        }

        @Test
        void tree_inserts_parents_with_children_and_reports_reference_ids() {
            String name = "Tree " + unique();
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("attributes", Map.of("type", "Account", "referenceId", "acc1"));
            account.put("Name", name);
            account.put("Contacts", Map.of("records", List.of(
                    Map.of("attributes", Map.of("type", "Contact", "referenceId", "con1"), "LastName", "Leaf"))));
            RestClient.Reply r = admin.post("/composite/tree/Account", Map.of("records", List.of(account)));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.json().get("hasErrors").asBoolean()).isFalse();
            JsonNode results = r.json().get("results");
            assertThat(results.get(0).get("referenceId").asString()).isEqualTo("acc1");
            String accountId = results.get(0).get("id").asString();
            String contactId = results.get(1).get("id").asString();
            assertThat(admin.get("/sobjects/Contact/" + contactId).json().get("AccountId").asString()).isEqualTo(accountId);
        }

        @Test
        void tree_saves_nothing_when_a_record_fails() {
            String name = "Tree fail " + unique();
            RestClient.Reply r = admin.post("/composite/tree/Account", Map.of("records", List.of(
                    Map.of("attributes", Map.of("type", "Account", "referenceId", "ok"), "Name", name),
                    Map.of("attributes", Map.of("type", "Account", "referenceId", "bad"), "Website", "x"))));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("hasErrors").asBoolean()).isTrue();
            assertThat(r.json().get("results").get(0).get("referenceId").asString()).isEqualTo("bad");
            assertThat(r.json().get("results").get(0).get("errors").get(0).get("statusCode").asString())
                    .isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(count(name)).isZero();
        }
    }
}
