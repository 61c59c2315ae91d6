package dev.crosswalk.emulator.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import dev.crosswalk.emulator.security.ObjectAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DataServiceTest {
    private EmulatorState state;
    private Org org;
    private DataService data;
    private String admin;

    @BeforeEach
    void setUp() {
        state = new EmulatorState(EmulatorOptions.builder().build());
        org = state.createOrg("Test Org");
        org.addType(TestObjects.thingType(org));
        data = new DataService(state);
        admin = state.createUser(org, new NewUser("admin@data.example", "Ada", "Admin", "admin@data.example",
                EmulatorState.PROFILE_ADMIN), "pw");
    }

    private static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private SaveResult create(String type, Object... kv) {
        return data.create(org, admin, type, RecordInput.of(values(kv)));
    }

    private Record record(String type, String id) {
        return org.read(() -> org.store(type).get(id));
    }

    private Object value(String type, String id, String field) {
        return record(type, id).get(org.type(type).orElseThrow().require(field));
    }

    @Nested
    class Create {
        @Test
        void stores_the_record_with_audit_fields_and_the_caller_as_owner() {
            SaveResult r = create("Account", "Name", "Acme", "Industry", "Technology");
            assertThat(r.success()).isTrue();
            assertThat(r.created()).isTrue();
            assertThat(r.id()).startsWith("001").hasSize(18);
            assertThat(value("Account", r.id(), "Name")).isEqualTo("Acme");
            assertThat(value("Account", r.id(), "OwnerId")).isEqualTo(admin);
            assertThat(value("Account", r.id(), "CreatedById")).isEqualTo(admin);
            assertThat(value("Account", r.id(), "SystemModstamp")).isInstanceOf(Instant.class);
            assertThat(value("Account", r.id(), "IsDeleted")).isEqualTo(false);
        }

        @Test
        void a_null_user_is_the_system_context_without_permission_checks_but_with_validation() {
            SaveResult r = data.create(org, null, "PermissionSet", RecordInput.of(values("Name", "Sys", "Label", "Sys")));
            assertThat(r.success()).as(String.valueOf(r.errors())).isTrue();
            assertThat(value("PermissionSet", r.id(), "CreatedById")).isNull();
            assertThat(data.create(org, null, "Account", RecordInput.of(values("Website", "x"))).firstError().statusCode())
                    .isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(data.create(org, null, "Account", RecordInput.of(values("Name", "x", "CreatedDate", "2024-01-01")))
                    .firstError().statusCode()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
        }

        @Test
        void reports_every_missing_required_field() {
            SaveResult r = create("Lead", "FirstName", "Jo");
            assertThat(r.success()).isFalse();
            assertThat(r.firstError()).isEqualTo(ApiError.requiredMissing(List.of("LastName", "Company")));
            assertThat(r.firstError().message()).isEqualTo("Required fields are missing: [LastName, Company]");
        }

        @Test
        void defaults_a_required_picklist_that_is_defaulted_on_create() {
            SaveResult r = create("Lead", "LastName", "Doe", "Company", "Acme");
            assertThat(value("Lead", r.id(), "Status")).isEqualTo("Open - Not Contacted");
            assertThat(value("Lead", r.id(), "Name")).isEqualTo("Doe");
        }

        @Test
        void rejects_an_id_in_the_body() {
            SaveResult r = create("Account", "Id", "001000000000000AAA", "Name", "X");
            assertThat(r.firstError().statusCode()).isEqualTo("INVALID_FIELD");
            assertThat(r.firstError().message()).isEqualTo("The Id field should not be specified in the sobject data.");
        }

        @Test
        void rejects_an_unknown_field_naming_it_and_the_object() {
            SaveResult r = create("Account", "Name", "X", "Nope__c", "y");
            assertThat(r.firstError()).isEqualTo(ApiError.of("INVALID_FIELD", "No such column 'Nope__c' on sobject of type Account"));
        }

        @Test
        void rejects_system_fields_as_not_writable() {
            SaveResult r = create("Account", "Name", "X", "CreatedDate", "2024-01-01T00:00:00Z");
            assertThat(r.firstError().statusCode()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
            assertThat(r.firstError().message()).startsWith("Unable to create/update fields: CreatedDate. Please check");
            assertThat(r.firstError().fields()).containsExactly("CreatedDate");
        }

        @Test
        void rejects_an_unknown_type() {
            SaveResult r = create("Nope__c", "Name", "X");
            assertThat(r.firstError().statusCode()).isEqualTo("INVALID_TYPE");
            assertThat(r.firstError().message()).startsWith("sObject type 'Nope__c' is not supported.");
        }

        @Test
        void matches_field_names_case_insensitively() {
            SaveResult r = create("Account", "name", "lower");
            assertThat(value("Account", r.id(), "Name")).isEqualTo("lower");
        }

        @Test
        void lets_a_user_insert_a_user_that_can_then_be_found_by_username() {
            String profileId = PermissionAdmin.profileId(org, EmulatorState.PROFILE_STANDARD).orElseThrow();
            SaveResult r = create("User", "Username", "new@data.example", "LastName", "New", "Email", "new@data.example",
                    "ProfileId", profileId);
            assertThat(r.success()).as(String.valueOf(r.errors())).isTrue();
            assertThat(state.user("new@data.example")).isPresent();
        }
    }

    @Nested
    class SetupObjects {
        @Test
        void a_permission_set_assignment_inserted_through_the_api_grants_access_at_once() {
            String user = state.createUser(org, new NewUser("later@data.example", "L", "Later", "later@data.example",
                    EmulatorState.PROFILE_MINIMUM), "pw");
            String ps = PermissionAdmin.createPermissionSet(org, "Acc", "Acc", Map.of("PermissionsApiEnabled", true));
            PermissionAdmin.setObjectPermissions(org, ps, "Account", ObjectAccess.READ);
            assertThat(state.permissions().access(org, user).canRead(org.type("Account").orElseThrow())).isFalse();
            SaveResult r = create("PermissionSetAssignment", "AssigneeId", user, "PermissionSetId", ps);
            assertThat(r.success()).as(String.valueOf(r.errors())).isTrue();
            assertThat(value("PermissionSetAssignment", r.id(), "IsActive")).isEqualTo(true);
            assertThat(state.permissions().access(org, user).canRead(org.type("Account").orElseThrow())).isTrue();
        }

        @Test
        void usernames_are_unique_across_orgs() {
            Org other = state.createOrg("Other Org");
            state.createUser(other, new NewUser("taken@other.example", "T", "Taken", "taken@other.example",
                    EmulatorState.PROFILE_STANDARD), "pw");
            String profileId = PermissionAdmin.profileId(org, EmulatorState.PROFILE_STANDARD).orElseThrow();
            SaveResult r = create("User", "Username", "TAKEN@other.example", "LastName", "X", "Email", "x@data.example",
                    "ProfileId", profileId);
            assertThat(r.firstError().statusCode()).isEqualTo("DUPLICATE_USERNAME");
        }

        @Test
        void an_inactive_user_cannot_own_records() {
            String user = state.createUser(org, new NewUser("gone@data.example", "G", "Gone", "gone@data.example",
                    EmulatorState.PROFILE_STANDARD), "pw");
            state.setUserActive(org, user, false);
            SaveResult r = create("Account", "Name", "Orphan", "OwnerId", user);
            assertThat(r.firstError()).isEqualTo(ApiError.of("INACTIVE_OWNER_OR_USER",
                    "operation performed with inactive user [" + user + "] as owner of [Account]"));
        }
    }

    @Nested
    class Coercion {
        @Test
        void converts_json_values_to_the_field_types() {
            SaveResult r = create("Thing__c", "Name", "T", "Active__c", true, "Count__c", 12, "Amount__c", 10.555,
                    "Due__c", "2024-02-29", "Seen__c", "2024-01-01T10:00:00.000+0000", "Kind__c", "red");
            assertThat(r.success()).as(String.valueOf(r.errors())).isTrue();
            assertThat(value("Thing__c", r.id(), "Active__c")).isEqualTo(true);
            assertThat(value("Thing__c", r.id(), "Count__c")).isEqualTo(12);
            assertThat(value("Thing__c", r.id(), "Amount__c")).isEqualTo(10.56);
            assertThat(value("Thing__c", r.id(), "Due__c")).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(value("Thing__c", r.id(), "Seen__c")).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
            assertThat(value("Thing__c", r.id(), "Kind__c")).as("restricted picklists store the defined spelling").isEqualTo("Red");
        }

        @Test
        void accepts_the_datetime_forms_salesforce_accepts() {
            for (String s : List.of("2024-01-01T11:00:00.000+0100", "2024-01-01T10:00:00Z", "2024-01-01T11:00:00+01:00",
                    "2024-01-01T10:00:00.000Z", "2024-01-01T10:00:00")) {
                assertThat(ValueCoercer.parseDateTime(s)).as(s).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
            }
            assertThat(ValueCoercer.parseDateTime("yesterday")).isNull();
        }

        @Test
        void reports_a_json_type_mismatch_like_the_salesforce_json_parser() {
            SaveResult r = create("Thing__c", "Name", "T", "Active__c", "x");
            assertThat(r.firstError().statusCode()).isEqualTo("JSON_PARSER_ERROR");
            assertThat(r.firstError().message()).startsWith("Cannot deserialize instance of boolean from VALUE_STRING value x");
        }

        @Test
        void converts_csv_text_and_treats_na_as_null_and_empty_as_no_change() {
            SaveResult r = data.create(org, admin, List.of(RecordWrite.create("Thing__c", RecordInput.fromCsv(
                    List.of("Name", "Active__c", "Count__c", "Due__c", "Email__c"),
                    List.of("T", "true", "7", "2024-03-01", "#N/A")))), false).get(0);
            assertThat(r.success()).as(String.valueOf(r.errors())).isTrue();
            assertThat(value("Thing__c", r.id(), "Count__c")).isEqualTo(7);
            SaveResult u = data.update(org, admin, List.of(RecordWrite.updateFromValues("Thing__c", RecordInput.fromCsv(
                    List.of("Id", "Name", "Count__c"), List.of(r.id(), "", "#N/A")))), false).get(0);
            assertThat(u.success()).as(String.valueOf(u.errors())).isTrue();
            assertThat(value("Thing__c", r.id(), "Name")).as("empty cell leaves the value").isEqualTo("T");
            assertThat(value("Thing__c", r.id(), "Count__c")).as("#N/A clears").isNull();
        }

        @Test
        void reports_a_csv_type_mismatch_as_invalid_type_on_field() {
            SaveResult r = data.create(org, admin, List.of(RecordWrite.create("Thing__c", RecordInput.fromCsv(
                    List.of("Name", "Count__c"), List.of("T", "many")))), false).get(0);
            assertThat(r.firstError()).isEqualTo(ApiError.of("INVALID_TYPE_ON_FIELD_IN_RECORD",
                    "Count: value not of required type: many", List.of("Count__c")));
        }

        @Test
        void reports_an_object_for_a_plain_field_as_a_json_parser_error() {
            SaveResult r = data.create(org, admin, "Account", RecordInput.fromJson(
                    dev.crosswalk.emulator.http.Json.MAPPER.readTree("{\"Name\": {\"x\": 1}}")));
            assertThat(r.firstError().statusCode()).isEqualTo("JSON_PARSER_ERROR");
        }

        @Test
        void rejects_a_value_longer_than_the_field() {
            SaveResult r = create("Account", "Name", "x".repeat(256));
            assertThat(r.firstError().statusCode()).isEqualTo("STRING_TOO_LONG");
            assertThat(r.firstError().message()).startsWith("Account Name: data value too large: xxx").endsWith("(max length=255)");
            assertThat(r.firstError().fields()).containsExactly("Name");
        }

        @Test
        void rejects_a_bad_value_for_a_restricted_picklist() {
            SaveResult r = create("Thing__c", "Name", "T", "Kind__c", "Green");
            assertThat(r.firstError().statusCode()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
            assertThat(r.firstError().message()).endsWith("bad value for restricted picklist field: Green");
        }

        @Test
        void rejects_numbers_outside_the_fields_precision() {
            SaveResult r = create("Thing__c", "Name", "T", "Count__c", 12345);
            assertThat(r.firstError().statusCode()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
        }

        @Test
        void rejects_an_invalid_email() {
            SaveResult r = create("Thing__c", "Name", "T", "Email__c", "not-an-email");
            assertThat(r.firstError().statusCode()).isEqualTo("INVALID_EMAIL_ADDRESS");
        }

        @Test
        void stores_empty_text_as_null() {
            SaveResult r = create("Account", "Name", "X", "Website", "");
            assertThat(value("Account", r.id(), "Website")).isNull();
        }
    }

    @Nested
    class References {
        @Test
        void accepts_a_15_character_id_and_stores_the_18_character_form() {
            String acc = create("Account", "Name", "Parent").id();
            SaveResult c = create("Contact", "LastName", "Kid", "AccountId", acc.substring(0, 15));
            assertThat(value("Contact", c.id(), "AccountId")).isEqualTo(acc);
        }

        @Test
        void rejects_a_malformed_a_wrong_type_and_a_missing_target() {
            assertThat(create("Contact", "LastName", "K", "AccountId", "nope").firstError().statusCode()).isEqualTo("MALFORMED_ID");
            String lead = create("Lead", "LastName", "L", "Company", "C").id();
            assertThat(create("Contact", "LastName", "K", "AccountId", lead).firstError().statusCode())
                    .isEqualTo("FIELD_INTEGRITY_EXCEPTION");
            assertThat(create("Contact", "LastName", "K", "AccountId", "001000000000000AAA").firstError())
                    .isEqualTo(ApiError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of("AccountId")));
        }

        @Test
        void resolves_an_owner_by_username_from_a_csv_column() {
            String other = state.createUser(org, new NewUser("owner@data.example", "O", "Owner", "owner@data.example",
                    EmulatorState.PROFILE_STANDARD), "pw");
            SaveResult r = data.create(org, admin, List.of(RecordWrite.create("Account", RecordInput.fromCsv(
                    List.of("Name", "Owner.Username"), List.of("Owned", "OWNER@data.example")))), false).get(0);
            assertThat(r.success()).as(String.valueOf(r.errors())).isTrue();
            assertThat(value("Account", r.id(), "OwnerId")).isEqualTo(other);
            SaveResult missing = data.create(org, admin, List.of(RecordWrite.create("Account", RecordInput.fromCsv(
                    List.of("Name", "Owner.Username"), List.of("Orphan", "nobody@data.example")))), false).get(0);
            assertThat(missing.firstError().message())
                    .isEqualTo("Foreign key external ID: nobody@data.example not found for field Username in entity User");
        }

        @Test
        void resolves_a_parent_by_its_external_id() {
            String acc = create("Account", "Name", "Parent", "AccountNumber", "A-1").id();
            SaveResult t = data.create(org, admin, List.of(RecordWrite.create("Thing__c", RecordInput.fromCsv(
                    List.of("Name", "Account__r.AccountNumber"), List.of("T", "a-1")))), false).get(0);
            assertThat(t.success()).as(String.valueOf(t.errors())).isTrue();
            assertThat(value("Thing__c", t.id(), "Account__c")).isEqualTo(acc);
        }
    }

    @Nested
    class Concurrency {
        @Test
        void parallel_batches_never_lose_or_duplicate_records() throws Exception {
            int threads = 4;
            int perThread = 50;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            List<java.util.concurrent.Future<List<SaveResult>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<SaveResult> all = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        all.addAll(data.upsert(org, admin, "Thing__c", "Ext__c", List.of(
                                RecordInput.of(values("Ext__c", "P-" + thread + "-" + i, "Name", "N")),
                                RecordInput.of(values("Ext__c", "SHARED-" + i, "Name", "T" + thread))), false));
                    }
                    return all;
                }));
            }
            List<SaveResult> results = new ArrayList<>();
            for (var f : futures) {
                results.addAll(f.get());
            }
            pool.shutdown();
            assertThat(results).allMatch(SaveResult::success);
            long created = results.stream().filter(SaveResult::created).count();
            assertThat(created).as("each own key once, each shared key once").isEqualTo(threads * perThread + perThread);
            assertThat(org.read(() -> org.store("Thing__c").size())).isEqualTo(threads * perThread + perThread);
        }
    }

    @Nested
    class UpdateAndDelete {
        @Test
        void updates_only_the_given_fields_and_moves_system_modstamp_forward() {
            String id = create("Account", "Name", "Old", "Industry", "Banking").id();
            Instant before = (Instant) value("Account", id, "SystemModstamp");
            SaveResult r = data.update(org, admin, "Account", id.substring(0, 15), RecordInput.of(values("Name", "New")));
            assertThat(r.success()).isTrue();
            assertThat(r.id()).isEqualTo(id);
            assertThat(value("Account", id, "Name")).isEqualTo("New");
            assertThat(value("Account", id, "Industry")).isEqualTo("Banking");
            assertThat((Instant) value("Account", id, "SystemModstamp")).isAfter(before);
        }

        @Test
        void refuses_to_clear_a_required_field() {
            String id = create("Account", "Name", "Keep").id();
            SaveResult r = data.update(org, admin, "Account", id, RecordInput.of(values("Name", null)));
            assertThat(r.firstError().statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        }

        @Test
        void soft_deletes_into_the_recycle_bin_and_undeletes() {
            String id = create("Account", "Name", "Bin").id();
            assertThat(data.delete(org, admin, id).success()).isTrue();
            assertThat(RecordLifecycle.isDeleted(org.type("Account").orElseThrow(), record("Account", id))).isTrue();
            assertThat(data.update(org, admin, "Account", id, RecordInput.of(values("Name", "x"))).firstError())
                    .isEqualTo(ApiError.entityIsDeleted());
            assertThat(data.delete(org, admin, id).firstError()).isEqualTo(ApiError.entityIsDeleted());
            assertThat(data.undelete(org, admin, id).success()).isTrue();
            assertThat(value("Account", id, "IsDeleted")).isEqualTo(false);
        }

        @Test
        void reports_malformed_and_unknown_ids() {
            assertThat(data.delete(org, admin, "xyz").firstError().statusCode()).isEqualTo("MALFORMED_ID");
            assertThat(data.delete(org, admin, "001000000000000AAA").firstError().statusCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        }

        @Test
        void hard_deletes_setup_rows_and_invalidates_permissions() {
            String user = state.createUser(org, new NewUser("std@data.example", "S", "Std", "std@data.example",
                    EmulatorState.PROFILE_STANDARD), "pw");
            String ps = PermissionAdmin.createPermissionSet(org, "Extra", "Extra", Map.of());
            String assignment = PermissionAdmin.assign(org, user, ps);
            long version = org.setupVersion();
            assertThat(data.delete(org, admin, assignment).success()).isTrue();
            assertThat(record("PermissionSetAssignment", assignment)).isNull();
            assertThat(org.setupVersion()).isGreaterThan(version);
        }
    }

    @Nested
    class Uniqueness {
        @Test
        void rejects_a_duplicate_of_a_unique_field_case_insensitively() {
            String first = create("Thing__c", "Name", "A", "Code__c", "C-1").id();
            SaveResult r = create("Thing__c", "Name", "B", "Code__c", "c-1");
            assertThat(r.firstError()).isEqualTo(ApiError.of("DUPLICATE_VALUE",
                    "duplicate value found: Code__c duplicates value on record with id: " + first));
        }

        @Test
        void lets_a_record_keep_its_own_unique_value() {
            String id = create("Thing__c", "Name", "A", "Code__c", "C-1").id();
            assertThat(data.update(org, admin, "Thing__c", id, RecordInput.of(values("Code__c", "C-1", "Name", "B"))).success()).isTrue();
        }
    }

    @Nested
    class Upsert {
        @Test
        void creates_then_updates_matching_case_insensitively() {
            SaveResult first = data.upsert(org, admin, "Thing__c", "Ext__c", RecordInput.of(values("Ext__c", "E-1", "Name", "One")));
            assertThat(first.success()).isTrue();
            assertThat(first.created()).isTrue();
            SaveResult second = data.upsert(org, admin, "Thing__c", "Ext__c", RecordInput.of(values("Ext__c", "e-1", "Name", "Uno")));
            assertThat(second.created()).isFalse();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(value("Thing__c", first.id(), "Name")).isEqualTo("Uno");
            assertThat(value("Thing__c", first.id(), "Ext__c")).as("the match key is kept").isEqualTo("E-1");
        }

        @Test
        void sees_records_written_outside_the_service_between_batches() {
            data.upsert(org, admin, "Thing__c", "Ext__c", RecordInput.of(values("Ext__c", "warm-up", "Name", "W")));
            SObjectType t = org.type("Thing__c").orElseThrow();
            String outside = org.write(() -> {
                Record r = RecordLifecycle.create(org, t, admin);
                r.set(t.require("Name"), "Seeded");
                r.set(t.require("Ext__c"), "SEEDED-1");
                return r.id();
            });
            SaveResult r = data.upsert(org, admin, "Thing__c", "Ext__c", RecordInput.of(values("Ext__c", "seeded-1", "Name", "Found")));
            assertThat(r.created()).isFalse();
            assertThat(r.id()).isEqualTo(outside);
        }

        @Test
        void forgets_records_of_a_rolled_back_batch() {
            List<SaveResult> rolledBack = data.upsert(org, admin, "Thing__c", "Ext__c", List.of(
                    RecordInput.of(values("Ext__c", "ghost", "Name", "G")), RecordInput.of(values("Ext__c", "bad"))), true);
            assertThat(rolledBack).extracting(SaveResult::success).containsExactly(false, false);
            SaveResult again = data.upsert(org, admin, "Thing__c", "Ext__c", RecordInput.of(values("Ext__c", "ghost", "Name", "G")));
            assertThat(again.success()).isTrue();
            assertThat(again.created()).isTrue();
            assertThat(DataService.findMatching(org, org.type("Thing__c").orElseThrow(),
                    org.type("Thing__c").orElseThrow().require("Ext__c"), "GHOST")).hasSize(1);
        }

        @Test
        void refuses_when_several_records_match() {
            create("Thing__c", "Name", "A", "Ext__c", "DUP");
            create("Thing__c", "Name", "B", "Ext__c", "dup");
            SaveResult r = data.upsert(org, admin, "Thing__c", "Ext__c", RecordInput.of(values("Ext__c", "Dup", "Name", "C")));
            assertThat(r.firstError().statusCode()).isEqualTo("DUPLICATE_EXTERNAL_ID");
        }

        @Test
        void refuses_the_same_external_id_twice_in_one_batch() {
            List<SaveResult> r = data.upsert(org, admin, "Thing__c", "Ext__c", List.of(
                    RecordInput.of(values("Ext__c", "X", "Name", "1")), RecordInput.of(values("Ext__c", "x", "Name", "2")),
                    RecordInput.of(values("Ext__c", "Y", "Name", "3"))), false);
            assertThat(r).extracting(SaveResult::success).containsExactly(false, false, true);
            assertThat(r.get(0).firstError().statusCode()).isEqualTo("DUPLICATE_EXTERNAL_ID");
        }

        @Test
        void on_id_inserts_without_a_value_and_updates_with_one() {
            SaveResult c = data.upsert(org, admin, "Account", "Id", RecordInput.of(values("Name", "ById")));
            assertThat(c.created()).isTrue();
            SaveResult u = data.upsert(org, admin, "Account", "Id", RecordInput.of(values("Id", c.id(), "Name", "ById2")));
            assertThat(u.created()).isFalse();
            assertThat(value("Account", c.id(), "Name")).isEqualTo("ById2");
        }

        @Test
        void rejects_a_field_that_is_not_an_external_id() {
            SaveResult r = data.upsert(org, admin, "Thing__c", "Name", RecordInput.of(values("Name", "x")));
            assertThat(r.firstError().message()).isEqualTo("Provided external ID field does not exist or is not accessible: Name");
        }
    }

    @Nested
    class AllOrNone {
        @Test
        void rolls_back_every_write_when_one_record_fails() {
            String existing = create("Account", "Name", "Before").id();
            int accountsBefore = org.read(() -> org.store("Account").size());
            List<SaveResult> r = data.update(org, admin, List.of(
                    RecordWrite.update("Account", existing, RecordInput.of(values("Name", "Changed"))),
                    RecordWrite.update("Account", existing, RecordInput.of(values("Name", null)))), true);
            assertThat(r.get(0).firstError()).isEqualTo(ApiError.rolledBack());
            assertThat(r.get(0).id()).isEqualTo(existing);
            assertThat(r.get(1).firstError().statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(value("Account", existing, "Name")).isEqualTo("Before");

            List<SaveResult> c = data.create(org, admin, List.of(
                    RecordWrite.create("Account", RecordInput.of(values("Name", "A"))),
                    RecordWrite.create("Account", RecordInput.of(values("Website", "b.example")))), true);
            assertThat(c).extracting(SaveResult::success).containsExactly(false, false);
            assertThat(c.get(0).id()).isNull();
            assertThat(org.read(() -> org.store("Account").size())).isEqualTo(accountsBefore);
        }

        @Test
        void keeps_the_good_records_without_it() {
            List<SaveResult> c = data.create(org, admin, List.of(
                    RecordWrite.create("Account", RecordInput.of(values("Name", "A"))),
                    RecordWrite.create("Account", RecordInput.of(values("Website", "b.example")))), false);
            assertThat(c).extracting(SaveResult::success).containsExactly(true, false);
            assertThat(record("Account", c.get(0).id())).isNotNull();
        }

        @Test
        void a_transaction_undoes_several_batches() {
            List<String> ids = new ArrayList<>();
            data.transaction(org, () -> {
                ids.add(create("Account", "Name", "In tx").id());
                String other = create("Account", "Name", "Other").id();
                data.update(org, admin, "Account", other, RecordInput.of(values("Name", "Changed in tx")));
                ids.add(other);
                return false;
            });
            assertThat(ids).allSatisfy(id -> assertThat(record("Account", id)).isNull());
        }
    }

    @Nested
    class Permissions {
        private String minimal;
        private String ps;

        @BeforeEach
        void minimumAccessUserWithAPermissionSet() {
            minimal = state.createUser(org, new NewUser("min@data.example", "M", "Min", "min@data.example",
                    EmulatorState.PROFILE_MINIMUM), "pw");
            ps = PermissionAdmin.createPermissionSet(org, "Things", "Things", Map.of("PermissionsApiEnabled", true));
            PermissionAdmin.assign(org, minimal, ps);
        }

        @Test
        void an_unreadable_object_is_an_invalid_type() {
            SaveResult r = data.create(org, minimal, "Account", RecordInput.of(values("Name", "X")));
            assertThat(r.firstError().statusCode()).isEqualTo("INVALID_TYPE");
        }

        @Test
        void read_without_create_edit_or_delete_is_insufficient_access() {
            PermissionAdmin.setObjectPermissions(org, ps, "Account", ObjectAccess.READ);
            String id = create("Account", "Name", "Admin's").id();
            assertThat(data.create(org, minimal, "Account", RecordInput.of(values("Name", "X"))).firstError())
                    .isEqualTo(ApiError.insufficientAccess());
            assertThat(data.update(org, minimal, "Account", id, RecordInput.of(values("Name", "X"))).firstError())
                    .isEqualTo(ApiError.insufficientAccess());
            assertThat(data.delete(org, minimal, id).firstError()).isEqualTo(ApiError.insufficientAccess());
        }

        @Test
        void field_level_security_hides_or_protects_fields() {
            PermissionAdmin.setObjectPermissions(org, ps, "Account", ObjectAccess.READ_CREATE_EDIT);
            SaveResult hidden = data.create(org, minimal, "Account", RecordInput.of(values("Name", "X", "Industry", "Banking")));
            assertThat(hidden.firstError()).isEqualTo(ApiError.noSuchColumn("Industry", "Account"));
            PermissionAdmin.setFieldPermission(org, ps, "Account.Industry", true, false);
            SaveResult readOnly = data.create(org, minimal, "Account", RecordInput.of(values("Name", "X", "Industry", "Banking")));
            assertThat(readOnly.firstError().statusCode()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
            PermissionAdmin.setFieldPermission(org, ps, "Account.Industry", true, true);
            assertThat(data.create(org, minimal, "Account", RecordInput.of(values("Name", "X", "Industry", "Banking"))).success())
                    .isTrue();
        }
    }
    @Nested
    class CreateOnlyFields {
        @Test
        void are_set_on_create_and_refused_on_update_with_invalid_field_for_insert_update() {
            String campaign = create("Campaign", "Name", "Spring").id();
            String ada = create("Contact", "LastName", "Ada").id();
            String bob = create("Contact", "LastName", "Bob").id();
            SaveResult member = create("CampaignMember", "CampaignId", campaign, "ContactId", ada, "Status", "Sent");
            assertThat(member.success()).as(String.valueOf(member.firstError())).isTrue();

            SaveResult moved = data.update(org, admin, "CampaignMember", member.id(), RecordInput.of(values("ContactId", bob)));
            assertThat(moved.firstError()).isEqualTo(ApiError.notWritable(List.of("ContactId")));
            assertThat(data.update(org, admin, "CampaignMember", member.id(), RecordInput.of(values("Status", "Responded")))
                    .success()).isTrue();
            assertThat(value("CampaignMember", member.id(), "ContactId")).isEqualTo(ada);
            FieldDef contactId = org.type("CampaignMember").orElseThrow().require("ContactId");
            assertThat(contactId.createable()).isTrue();
            assertThat(contactId.updateable()).isFalse();
        }
    }
}
