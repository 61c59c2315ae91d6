package dev.crosswalk.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import dev.crosswalk.emulator.rest.RecordJson.FieldPath;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class RecordJsonTest {
    private static final Instant CREATED = Instant.parse("2013-05-20T20:49:32.123Z");

    private Org org;
    private SObjectType accountType;
    private SObjectType userType;
    private Record owner;
    private Record account;
    private RecordJson json;

    @BeforeEach
    void setUp() {
        org = new Org(Ids.to18(Ids.id15("00D", 1)), "Test", Clock.fixed(CREATED, ZoneOffset.UTC), 1000);
        StandardSchema.install(org);
        accountType = org.type("Account").orElseThrow();
        userType = org.type("User").orElseThrow();
        org.writeRun(() -> {
            owner = RecordLifecycle.create(org, userType, null);
            owner.set(userType.require("FirstName"), "Ada");
            owner.set(userType.require("LastName"), "Lovelace");
            owner.set(userType.require("Email"), "ada@acme.example");
            RecordLifecycle.recomputeName(userType, owner);
            account = RecordLifecycle.create(org, accountType, owner.id());
            account.set(accountType.require("Name"), "Acme");
            account.set(accountType.require("NumberOfEmployees"), 42);
            account.set(accountType.require("AnnualRevenue"), 1500000.5);
        });
        json = new RecordJson(org, "59.0");
    }

    @Test
    void attributes_come_first_with_type_and_versioned_url() {
        ObjectNode n = json.select(accountType, account, List.of(FieldPath.of("Name")));
        assertThat(n.propertyNames().iterator().next()).isEqualTo("attributes");
        assertThat(n.get("attributes").get("type").asString()).isEqualTo("Account");
        assertThat(n.get("attributes").get("url").asString())
                .isEqualTo("/services/data/v59.0/sobjects/Account/" + account.id());
    }

    @Nested
    class Values {
        @Test
        void datetimes_render_in_utc_with_milliseconds_and_a_colonless_offset() {
            org.writeRun(() -> account.set(accountType.require("CreatedDate"), CREATED));
            ObjectNode n = json.select(accountType, account, List.of(FieldPath.of("CreatedDate")));
            assertThat(n.get("CreatedDate").asString()).isEqualTo("2013-05-20T20:49:32.123+0000");
        }

        @Test
        void dates_render_as_iso_dates() {
            assertThat(RecordJson.value(LocalDate.of(2024, 2, 29)).asString()).isEqualTo("2024-02-29");
        }

        @Test
        void numbers_and_booleans_stay_json_numbers_and_booleans() {
            ObjectNode n = json.select(accountType, account,
                    List.of(FieldPath.of("NumberOfEmployees"), FieldPath.of("AnnualRevenue"), FieldPath.of("IsDeleted")));
            assertThat(n.get("NumberOfEmployees").isInt()).isTrue();
            assertThat(n.get("NumberOfEmployees").asInt()).isEqualTo(42);
            assertThat(n.get("AnnualRevenue").isNumber()).isTrue();
            assertThat(n.get("AnnualRevenue").asDouble()).isEqualTo(1500000.5);
            assertThat(n.get("IsDeleted").isBoolean()).isTrue();
        }

        @Test
        void empty_fields_are_json_null() {
            ObjectNode n = json.select(accountType, account, List.of(FieldPath.of("Website")));
            assertThat(n.has("Website")).isTrue();
            assertThat(n.get("Website").isNull()).isTrue();
        }
    }

    @Nested
    class SelectedPaths {
        @Test
        void fields_appear_in_select_order_with_schema_casing() {
            ObjectNode n = json.select(accountType, account,
                    List.of(FieldPath.of("name"), FieldPath.of("ID"), FieldPath.of("numberofemployees")));
            assertThat(names(n)).containsExactly("attributes", "Name", "Id", "NumberOfEmployees");
            assertThat(n.get("Id").asString()).isEqualTo(account.id());
        }

        @Test
        void parent_fields_nest_under_the_relationship_with_their_own_attributes() {
            ObjectNode n = json.select(accountType, account, List.of(FieldPath.of("Name"),
                    FieldPath.parse("owner.Name"), FieldPath.of("Id"), FieldPath.parse("Owner.Email")));
            assertThat(names(n)).containsExactly("attributes", "Name", "Owner", "Id");
            ObjectNode ownerNode = (ObjectNode) n.get("Owner");
            assertThat(names(ownerNode)).containsExactly("attributes", "Name", "Email");
            assertThat(ownerNode.get("attributes").get("type").asString()).isEqualTo("User");
            assertThat(ownerNode.get("attributes").get("url").asString()).endsWith("/sobjects/User/" + owner.id());
            assertThat(ownerNode.get("Name").asString()).isEqualTo("Ada Lovelace");
        }

        @Test
        void an_empty_lookup_renders_the_relationship_as_null() {
            ObjectNode n = json.select(accountType, account, List.of(FieldPath.parse("Parent.Name")));
            assertThat(n.has("Parent")).isTrue();
            assertThat(n.get("Parent").isNull()).isTrue();
        }

        @Test
        void two_levels_of_parents_nest_twice() {
            ObjectNode n = json.select(accountType, account, List.of(FieldPath.parse("Owner.CreatedBy.Id")));
            // The owner was created by the system (no user), so the second level is null.
            assertThat(n.get("Owner").get("CreatedBy").isNull()).isTrue();
        }
    }

    @Test
    void full_record_mode_lists_every_field_in_schema_order() {
        ObjectNode n = json.fields(accountType, account, accountType.fields());
        List<String> expected = new ArrayList<>();
        expected.add("attributes");
        accountType.fields().forEach(f -> expected.add(f.name()));
        assertThat(names(n)).containsExactlyElementsOf(expected);
        assertThat(n.get("OwnerId").asString()).isEqualTo(owner.id());
    }

    private static List<String> names(ObjectNode n) {
        List<String> out = new ArrayList<>();
        n.propertyNames().forEach(out::add);
        return out;
    }
}
