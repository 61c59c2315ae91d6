package dev.crosswalk.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoqlEngineTest {
    private static final String FIELD_HINT = ". If you are attempting to use a custom field, be sure to append the '__c' "
            + "after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";

    private TestOrg t;
    private Record profile;
    private Record ada;
    private Record bob;
    private Record acme;
    private Record globex;
    private Record initech;
    private Record umbrella;

    @BeforeEach
    void seed() {
        t = new TestOrg();
        profile = t.insert("Profile", "Name", "System Administrator", "PermissionsApiEnabled", true);
        ada = t.insert("User", "Username", "ada@example.com", "FirstName", "Ada", "LastName", "Admin", "Name", "Ada Admin",
                "IsActive", true, "ProfileId", profile.id());
        bob = t.insert("User", "Username", "bob@example.com", "FirstName", "Bob", "LastName", "Builder",
                "Name", "Bob Builder", "IsActive", false, "ProfileId", profile.id());
        ada.set(t.org.type("User").orElseThrow().require("CreatedById"), ada.id());
        acme = t.insert("Account", "Name", "Acme", "Industry", "Technology", "NumberOfEmployees", 100,
                "AnnualRevenue", 1_500_000.0, "Website", "https://acme.example", "OwnerId", ada.id(), "CreatedById", ada.id(),
                "CreatedDate", Instant.parse("2024-03-14T09:00:00Z"));
        globex = t.insert("Account", "Name", "Globex", "Industry", "Banking", "NumberOfEmployees", 50,
                "AnnualRevenue", 250_000.0, "OwnerId", bob.id(), "CreatedById", ada.id(),
                "CreatedDate", Instant.parse("2024-01-02T00:00:00Z"));
        initech = t.insert("Account", "Name", "initech", "ParentId", acme.id(), "OwnerId", ada.id(),
                "CreatedDate", Instant.parse("2023-06-01T00:00:00Z"));
        umbrella = t.insert("Account", "Name", "Umbrella", "Industry", "Technology", "OwnerId", ada.id());
        t.delete(umbrella);
    }

    private List<Object> names(String soql) {
        return t.column(soql);
    }

    private List<Object> accountNames(String where) {
        return names("SELECT Name FROM Account WHERE " + where);
    }

    @Nested
    class Selecting {
        @Test
        void rows_are_the_stored_records_in_insertion_order() {
            List<Record> rows = t.rows("SELECT Id, Name FROM Account");

            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).isSameAs(acme);
            assertThat(rows.get(1)).isSameAs(globex);
            assertThat(rows.get(2)).isSameAs(initech);
        }

        @Test
        void columns_carry_schema_casing_whatever_the_query_casing() {
            PreparedQuery q = t.prepare("select id, NAME, owner.name, createdby.profile.NAME from ACCOUNT");

            assertThat(q.type().name()).isEqualTo("Account");
            assertThat(q.columns()).extracting(Column::header)
                    .containsExactly("Id", "Name", "Owner.Name", "CreatedBy.Profile.Name");
            Column profileName = q.columns().get(3);
            assertThat(profileName.relationshipPath()).containsExactly("CreatedBy", "Profile");
            assertThat(profileName.path()).containsExactly("CreatedBy", "Profile", "Name");
            assertThat(profileName.objectType().name()).isEqualTo("Profile");
            assertThat(profileName.field().name()).isEqualTo("Name");
            assertThat(profileName.isAggregate()).isFalse();
            assertThat(q.isCount()).isFalse();
            assertThat(q.isAggregate()).isFalse();
        }

        @Test
        void values_follow_lookups_to_any_depth_and_are_null_when_a_lookup_is_empty() {
            PreparedQuery q = t.prepare("SELECT Id, Owner.Name, CreatedBy.Profile.Name, Parent.Name, Parent.Owner.Username FROM Account");
            List<Record> rows = t.org.read(q::execute);
            List<Column> c = q.columns();

            assertThat(q.value(rows.get(0), c.get(0))).isEqualTo(acme.id());
            assertThat(q.value(rows.get(0), c.get(1))).isEqualTo("Ada Admin");
            assertThat(q.value(rows.get(0), c.get(2))).isEqualTo("System Administrator");
            assertThat(q.value(rows.get(0), c.get(3))).isNull();
            assertThat(q.value(rows.get(1), c.get(1))).isEqualTo("Bob Builder");
            assertThat(q.value(rows.get(2), c.get(2))).isNull();
            assertThat(q.value(rows.get(2), c.get(3))).isEqualTo("Acme");
            assertThat(q.value(rows.get(2), c.get(4))).isEqualTo("ada@example.com");
        }

        @Test
        void parent_returns_the_record_behind_a_relationship_path_or_null() {
            PreparedQuery q = t.prepare("SELECT Parent.Owner.Name FROM Account");

            assertThat(q.parent(initech, List.of("Parent"))).isSameAs(acme);
            assertThat(q.parent(initech, List.of("Parent", "Owner"))).isSameAs(ada);
            assertThat(q.parent(acme, List.of("Parent"))).isNull();
            assertThat(q.parent(acme, List.of("Parent", "Owner"))).isNull();
            assertThat(q.parent(acme, List.of("owner"))).isSameAs(ada);
        }

        @Test
        void parent_refuses_a_path_that_is_not_a_relationship() {
            PreparedQuery q = t.prepare("SELECT Name FROM Account");

            assertThatThrownBy(() -> q.parent(acme, List.of("Name"))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void setup_objects_are_queried_like_any_other() {
            Record ps = t.insert("PermissionSet", "Name", "Crosswalk_Setup_User", "Label", "Crosswalk Setup User",
                    "PermissionsApiEnabled", true);
            t.insert("PermissionSetAssignment", "AssigneeId", ada.id(), "PermissionSetId", ps.id());
            PreparedQuery q = t.prepare("SELECT PermissionSetId, PermissionSet.Name, PermissionSet.PermissionsApiEnabled, "
                    + "Assignee.Username FROM PermissionSetAssignment WHERE AssigneeId = '" + ada.id() + "'");
            Record row = t.org.read(q::execute).get(0);

            assertThat(q.columns()).extracting(c -> q.value(row, c))
                    .containsExactly(ps.id(), "Crosswalk_Setup_User", true, "ada@example.com");
        }

        @Test
        void custom_lookups_are_traversed_with_their_r_relationship_name() {
            SObjectType overlap = customObject("Ecosystem_Overlap__c");
            overlap.addField(FieldDef.builder("Account__c", FieldType.REFERENCE).reference("Account__r", "Account").build());
            t.insert("Ecosystem_Overlap__c", "Account__c", globex.id());
            PreparedQuery q = t.prepare("SELECT Account__c, account__r.name, Account__r.Owner.Name FROM Ecosystem_Overlap__c");
            Record row = t.org.read(q::execute).get(0);

            assertThat(q.columns()).extracting(Column::header)
                    .containsExactly("Account__c", "Account__r.Name", "Account__r.Owner.Name");
            assertThat(q.columns()).extracting(c -> q.value(row, c)).containsExactly(globex.id(), "Globex", "Bob Builder");
        }

        @Test
        void polymorphic_lookups_pick_the_parent_type_from_the_key_prefix() {
            SObjectType note = customObject("Note__c");
            note.addField(FieldDef.builder("Related__c", FieldType.REFERENCE).reference("Related__r", "Account", "User").build());
            t.insert("Note__c", "Related__c", acme.id());
            t.insert("Note__c", "Related__c", bob.id());
            t.insert("Note__c");

            assertThat(names("SELECT Related__r.Name FROM Note__c")).containsExactly("Acme", "Bob Builder", null);
            assertThat(names("SELECT Id FROM Note__c WHERE Related__r.Name = 'bob builder'")).hasSize(1);
        }

        @Test
        void a_field_may_be_prefixed_with_the_queried_object_name() {
            PreparedQuery q = t.prepare("SELECT Account.Name FROM Account");

            assertThat(q.columns().get(0).header()).isEqualTo("Name");
        }

        @Test
        void fields_standard_lists_every_standard_field_in_schema_order() {
            SObjectType account = t.org.type("Account").orElseThrow();
            account.addField(FieldDef.builder("Tier__c", FieldType.PICKLIST).build());
            PreparedQuery q = t.prepare("SELECT FIELDS(STANDARD) FROM Account");

            assertThat(q.columns()).extracting(Column::header).containsExactlyElementsOf(account.fields().stream()
                    .filter(f -> !f.custom()).map(FieldDef::name).toList());
            assertThat(q.value(acme, q.columns().get(0))).isEqualTo(acme.id());
        }

        @Test
        void fields_all_and_custom_need_a_limit_of_at_most_200() {
            SObjectType account = t.org.type("Account").orElseThrow();
            account.addField(FieldDef.builder("Tier__c", FieldType.PICKLIST).build());

            assertThat(t.prepare("SELECT Id, FIELDS(ALL) FROM Account LIMIT 200").columns()).hasSize(account.fields().size());
            assertThat(t.prepare("SELECT FIELDS(CUSTOM) FROM Account LIMIT 10").columns()).extracting(Column::header)
                    .containsExactly("Tier__c");
            assertThat(t.error("SELECT FIELDS(ALL) FROM Account").getMessage())
                    .endsWith("The SOQL FIELDS function must have a LIMIT of at most 200");
            assertThat(t.error("SELECT FIELDS(CUSTOM) FROM Account LIMIT 201").errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(t.error("SELECT FIELDS(ALL), COUNT(Id) FROM Account LIMIT 1").errorCode()).isEqualTo("MALFORMED_QUERY");
        }

        @Test
        void selecting_the_same_field_twice_is_malformed() {
            SoqlException e = t.error("SELECT Name, name FROM Account");

            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.getMessage()).endsWith("duplicate field selected: Name");
        }
    }

    @Nested
    class Counting {
        @Test
        void count_returns_no_rows_and_the_number_of_matches() {
            PreparedQuery q = t.prepare("SELECT COUNT() FROM Account");

            assertThat(q.isCount()).isTrue();
            assertThat(q.columns()).isEmpty();
            assertThat(t.org.read(q::execute)).isEmpty();
            assertThat(t.org.read(q::count)).isEqualTo(3);
        }

        @Test
        void count_honours_where_and_limit() {
            assertThat(t.org.read(t.prepare("SELECT COUNT() FROM Account WHERE Industry != null")::count)).isEqualTo(2);
            assertThat(t.org.read(t.prepare("SELECT COUNT() FROM Account LIMIT 2")::count)).isEqualTo(2);
        }

        @Test
        void count_of_a_field_is_one_aggregate_row_with_expr_aliases() {
            PreparedQuery q = t.prepare("SELECT COUNT(Id), COUNT(Industry), COUNT(Parent.Name) parents FROM Account");
            List<Record> rows = t.org.read(q::execute);

            assertThat(q.isAggregate()).isTrue();
            assertThat(q.columns()).extracting(Column::header).containsExactly("expr0", "expr1", "parents");
            assertThat(q.columns()).allMatch(Column::isAggregate);
            assertThat(rows).singleElement().satisfies(row -> assertThat(row.id()).isNull());
            assertThat(q.columns()).extracting(c -> q.value(rows.get(0), c)).containsExactly(3, 2, 1);
            assertThat(t.org.read(q::count)).isEqualTo(1);
        }

        @Test
        void aggregates_without_group_by_give_one_row_even_over_no_records() {
            PreparedQuery q = t.prepare("SELECT COUNT(Id), MAX(Name), SUM(AnnualRevenue) FROM Account WHERE Name = 'none'");
            List<Record> rows = t.org.read(q::execute);

            assertThat(rows).hasSize(1);
            assertThat(q.columns()).extracting(c -> q.value(rows.get(0), c)).containsExactly(0, null, null);
        }

        @Test
        void group_by_yields_one_row_per_key_in_first_seen_order() {
            t.insert("Account", "Name", "Hooli", "Industry", "Technology", "OwnerId", bob.id(), "NumberOfEmployees", 7);
            PreparedQuery q = t.prepare("SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry");
            List<Record> rows = t.org.read(q::execute);

            assertThat(q.isAggregate()).isTrue();
            assertThat(q.columns()).extracting(Column::header).containsExactly("Industry", "expr0");
            assertThat(q.columns().get(0).isAggregate()).isFalse();
            assertThat(q.columns().get(1).isAggregate()).isTrue();
            assertThat(rows).extracting(r -> q.value(r, q.columns().get(0))).containsExactly("Technology", "Banking", null);
            assertThat(rows).extracting(r -> q.value(r, q.columns().get(1))).containsExactly(2, 1, 1);
            assertThat(t.org.read(q::count)).isEqualTo(3);
        }

        @Test
        void every_aggregate_function_is_computed_per_group() {
            PreparedQuery q = t.prepare("SELECT Owner.Name, COUNT(Id) cnt, MAX(NumberOfEmployees), MIN(Name), "
                    + "SUM(AnnualRevenue), AVG(NumberOfEmployees), COUNT_DISTINCT(Industry), SUM(NumberOfEmployees), "
                    + "MAX(CreatedDate) FROM Account GROUP BY Owner.Name ORDER BY Owner.Name DESC");
            List<Record> rows = t.org.read(q::execute);

            assertThat(q.columns()).extracting(Column::header)
                    .containsExactly("Name", "cnt", "expr0", "expr1", "expr2", "expr3", "expr4", "expr5", "expr6");
            assertThat(q.columns()).extracting(c -> q.value(rows.get(0), c)).containsExactly("Bob Builder", 1, 50,
                    "Globex", 250_000.0, 50.0, 1, 50, Instant.parse("2024-01-02T00:00:00Z"));
            assertThat(q.columns()).extracting(c -> q.value(rows.get(1), c)).containsExactly("Ada Admin", 2, 100,
                    "Acme", 1_500_000.0, 100.0, 1, 100, Instant.parse("2024-03-14T09:00:00Z"));
            assertThat(q.columns().get(2).field().type()).isEqualTo(FieldType.INT);
            assertThat(q.columns().get(4).field().type()).isEqualTo(FieldType.DOUBLE);
        }

        @Test
        void groups_can_be_ordered_by_an_unselected_aggregate_and_windowed() {
            t.insert("Account", "Name", "Hooli", "Industry", "Banking");
            t.insert("Account", "Name", "Pied Piper", "Industry", "Banking");

            assertThat(names("SELECT Industry FROM Account GROUP BY Industry ORDER BY COUNT(Id) DESC, Industry NULLS LAST"))
                    .containsExactly("Banking", "Technology", null);
            assertThat(names("SELECT Industry FROM Account GROUP BY Industry ORDER BY Industry LIMIT 1 OFFSET 1"))
                    .containsExactly("Banking");
        }

        @Test
        void grouped_fields_must_be_groupable_and_selected_fields_grouped() {
            assertThat(t.error("SELECT Name, COUNT(Id) FROM Account GROUP BY Industry").getMessage())
                    .endsWith("Field must be grouped or aggregated: Name");
            assertThat(t.error("SELECT COUNT(Id) FROM Account GROUP BY AnnualRevenue").getMessage())
                    .endsWith("field 'AnnualRevenue' can not be grouped in a query call");
            assertThat(t.error("SELECT Industry FROM Account GROUP BY Industry ORDER BY Name").getMessage())
                    .endsWith("Ordered field must be grouped or aggregated: Name");
        }

        @Test
        void sum_and_avg_need_numbers_and_min_max_refuse_booleans() {
            SoqlException sum = t.error("SELECT SUM(Name) FROM Account");
            SoqlException max = t.error("SELECT MAX(IsActive) FROM User");

            assertThat(sum.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(sum.getMessage()).endsWith("field Name does not support aggregate operator SUM");
            assertThat(max.getMessage()).endsWith("field IsActive does not support aggregate operator MAX");
        }

        @Test
        void count_is_alone_in_the_select_list() {
            SoqlException e = t.error("SELECT COUNT(), Name FROM Account");

            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
        }

        @Test
        void aggregates_cannot_be_mixed_with_plain_fields_without_group_by() {
            SoqlException e = t.error("SELECT COUNT(Id), Name FROM Account");

            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.getMessage()).endsWith("Field must be grouped or aggregated: Name");
        }

        @Test
        void count_cannot_be_ordered() {
            assertThat(t.error("SELECT COUNT() FROM Account ORDER BY Name").errorCode()).isEqualTo("MALFORMED_QUERY");
        }
    }

    @Nested
    class Filtering {
        @ParameterizedTest(name = "WHERE {0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "Name = 'acme'                                  | Acme",
                "Name != 'Acme'                                 | Globex,initech",
                "Name <> 'Acme'                                 | Globex,initech",
                "Industry = null                                | initech",
                "Industry != null                               | Acme,Globex",
                "Industry != 'Banking'                          | Acme,initech",
                "Website = ''                                   | Globex,initech",
                "NumberOfEmployees > 50                         | Acme",
                "NumberOfEmployees >= 50                        | Acme,Globex",
                "NumberOfEmployees < 100                        | Globex",
                "NumberOfEmployees <= 100                       | Acme,Globex",
                "AnnualRevenue > 1000000.5                      | Acme",
                "AnnualRevenue > -1                             | Acme,Globex",
                "AnnualRevenue = 250000                         | Globex",
                "Name LIKE 'ac%'                                | Acme",
                "Name LIKE '%E%'                                | Acme,Globex,initech",
                "Name LIKE 'Glob_x'                             | Globex",
                "Name LIKE '_CME'                               | Acme",
                "Name LIKE 'cme'                                | \"\"",
                "Name IN ('acme', 'GLOBEX')                     | Acme,Globex",
                "Name NOT IN ('acme')                           | Globex,initech",
                "Industry IN ('Banking', null)                  | Globex,initech",
                "Industry NOT IN ('Banking')                    | Acme,initech",
                "Name > 'B'                                     | Globex,initech",
                "Name < 'globex'                                | Acme",
                "NOT Name = 'Acme'                              | Globex,initech",
                "NOT Name LIKE 'a%'                             | Globex,initech",
                "(Name = 'Acme' OR Name = 'Globex') AND NumberOfEmployees < 100 | Globex",
                "NOT (Industry = 'Banking' OR Industry = null)  | Acme",
                "Name = 'Acme' OR (Industry = null AND Parent.Name = 'acme') | Acme,initech",
                "Owner.Username = 'ada@example.com'             | Acme,initech",
                "Owner.IsActive = false                         | Globex",
                "Parent.Name = 'Acme'                           | initech",
                "Parent.Name = null                             | Acme,Globex",
                "CreatedDate > 2024-01-01T00:00:00Z             | Acme,Globex",
                "CreatedDate >= 2024-01-02T01:00:00+01:00       | Acme,Globex",
                "CreatedDate < 2024-01-01T19:00:00-05:00        | initech",
                "CreatedDate = 2024-01-02T00:00:00.000Z         | Globex",
                "CreatedBy.Profile.PermissionsApiEnabled = true | Acme,Globex"})
        void where_clause_selects(String where, String expected) {
            List<Object> want = expected.isEmpty() ? List.of() : List.of((Object[]) expected.split(","));

            assertThat(accountNames(where)).containsExactlyElementsOf(want);
        }

        @Test
        void booleans_compare_with_true_and_false_and_unset_means_false() {
            t.insert("User", "Username", "nobody@example.com", "LastName", "Nobody", "Name", "Nobody", "ProfileId", profile.id());

            assertThat(names("SELECT Name FROM User WHERE IsActive = TRUE")).containsExactly("Ada Admin");
            assertThat(names("SELECT Name FROM User WHERE IsActive = false")).containsExactly("Bob Builder", "Nobody");
            assertThat(names("SELECT Name FROM User WHERE IsActive != true")).containsExactly("Bob Builder", "Nobody");
        }

        @Test
        void like_treats_escaped_wildcards_as_characters() {
            t.insert("Account", "Name", "50% off");
            t.insert("Account", "Name", "500 off");
            t.insert("Account", "Name", "a_b");
            t.insert("Account", "Name", "axb");

            assertThat(accountNames("Name LIKE '50\\%%'")).containsExactly("50% off");
            assertThat(accountNames("Name LIKE '50%'")).containsExactly("50% off", "500 off");
            assertThat(accountNames("Name LIKE 'a\\_b'")).containsExactly("a_b");
            assertThat(accountNames("Name LIKE 'a_b'")).containsExactly("a_b", "axb");
        }

        @Test
        void string_literals_with_escapes_match_stored_text() {
            t.insert("Account", "Name", "O'Brien & Sons");
            t.insert("Account", "Name", "Back\\slash");

            assertThat(accountNames("Name = 'o\\'brien & sons'")).containsExactly("O'Brien & Sons");
            assertThat(accountNames("Name = 'Back\\\\slash'")).containsExactly("Back\\slash");
        }

        @Test
        void long_in_lists_behave_like_short_ones() {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                names.add("'Nope" + i + "'");
            }
            names.add("'GLOBEX'");
            names.add("null");

            assertThat(accountNames("Name IN (" + String.join(",", names) + ")")).containsExactly("Globex");
            assertThat(accountNames("Industry IN ('x1','x2','x3','x4','x5','x6','x7','x8','x9',null,'banking')"))
                    .containsExactly("Globex", "initech");
            assertThat(accountNames("Name NOT IN (" + String.join(",", names) + ")")).containsExactly("Acme", "initech");
        }

        @Test
        void multi_select_picklists_support_includes_excludes_and_set_equality() {
            SObjectType account = t.org.type("Account").orElseThrow();
            FieldDef tags = account.addField(FieldDef.builder("Tags__c", FieldType.MULTIPICKLIST).build());
            acme.set(tags, "Red;Green");
            globex.set(tags, "Blue");

            assertThat(accountNames("Tags__c INCLUDES ('red')")).containsExactly("Acme");
            assertThat(accountNames("Tags__c INCLUDES ('red;blue')")).isEmpty();
            assertThat(accountNames("Tags__c INCLUDES ('green;red', 'blue')")).containsExactly("Acme", "Globex");
            assertThat(accountNames("Tags__c EXCLUDES ('blue')")).containsExactly("Acme", "initech");
            assertThat(accountNames("Tags__c = 'green;red'")).containsExactly("Acme");
            assertThat(accountNames("Tags__c = 'green'")).isEmpty();
        }
    }

    @Nested
    class Dates {
        @BeforeEach
        void opportunities() {
            for (String d : List.of("2023-12-15", "2023-12-16", "2023-12-31", "2024-02-29", "2024-03-09", "2024-03-10",
                    "2024-03-14", "2024-03-15", "2024-03-16", "2024-03-17", "2024-04-01", "2024-06-13", "2024-06-14")) {
                t.insert("Opportunity", "Name", d, "StageName", "Prospecting", "CloseDate", LocalDate.parse(d));
            }
        }

        private List<Object> closing(String where) {
            return names("SELECT Name FROM Opportunity WHERE " + where + " ORDER BY CloseDate");
        }

        @ParameterizedTest(name = "CloseDate {0}")
        @CsvSource(delimiter = '|', value = {
                "= TODAY            | 2024-03-15",
                "= YESTERDAY        | 2024-03-14",
                "= TOMORROW         | 2024-03-16",
                "= LAST_WEEK        | 2024-03-09",
                "= THIS_WEEK        | 2024-03-10,2024-03-14,2024-03-15,2024-03-16",
                "= NEXT_WEEK        | 2024-03-17",
                "= LAST_MONTH       | 2024-02-29",
                "= THIS_MONTH       | 2024-03-09,2024-03-10,2024-03-14,2024-03-15,2024-03-16,2024-03-17",
                "= NEXT_MONTH       | 2024-04-01",
                "= LAST_90_DAYS     | 2023-12-16,2023-12-31,2024-02-29,2024-03-09,2024-03-10,2024-03-14,2024-03-15",
                "= NEXT_90_DAYS     | 2024-03-16,2024-03-17,2024-04-01,2024-06-13",
                "= LAST_N_DAYS:1    | 2024-03-14,2024-03-15",
                "= NEXT_N_DAYS:2    | 2024-03-16,2024-03-17",
                "= N_DAYS_AGO:6     | 2024-03-09",
                "= LAST_YEAR        | 2023-12-15,2023-12-16,2023-12-31",
                "= THIS_QUARTER     | 2024-02-29,2024-03-09,2024-03-10,2024-03-14,2024-03-15,2024-03-16,2024-03-17",
                "= NEXT_QUARTER     | 2024-04-01,2024-06-13,2024-06-14",
                "> TODAY            | 2024-03-16,2024-03-17,2024-04-01,2024-06-13,2024-06-14",
                ">= THIS_WEEK       | 2024-03-10,2024-03-14,2024-03-15,2024-03-16,2024-03-17,2024-04-01,2024-06-13,2024-06-14",
                "< THIS_WEEK        | 2023-12-15,2023-12-16,2023-12-31,2024-02-29,2024-03-09",
                "<= LAST_MONTH      | 2023-12-15,2023-12-16,2023-12-31,2024-02-29",
                "!= THIS_YEAR       | 2023-12-15,2023-12-16,2023-12-31",
                "IN (YESTERDAY, TOMORROW) | 2024-03-14,2024-03-16",
                "= 2024-02-29       | 2024-02-29",
                ">= 2024-06-13      | 2024-06-13,2024-06-14"})
        void relative_and_absolute_date_literals_select_day_ranges(String condition, String expected) {
            assertThat(closing("CloseDate " + condition)).containsExactly((Object[]) expected.split(","));
        }

        @Test
        void relative_literals_on_datetime_fields_use_utc_day_boundaries() {
            assertThat(accountNames("CreatedDate = YESTERDAY")).containsExactly("Acme");
            assertThat(accountNames("CreatedDate = LAST_N_DAYS:7")).containsExactly("Acme");
            assertThat(accountNames("CreatedDate = LAST_YEAR")).containsExactly("initech");
            assertThat(accountNames("CreatedDate < THIS_YEAR")).containsExactly("initech");
            assertThat(accountNames("CreatedDate > LAST_N_MONTHS:1")).containsExactly("Acme");
        }
    }

    @Nested
    class SemiJoins {
        private Record setupUser;
        private Record profileSet;
        private Record unassigned;

        @BeforeEach
        void permissions() {
            setupUser = t.insert("PermissionSet", "Name", "Crosswalk_Setup_User", "Label", "Crosswalk Setup User");
            profileSet = t.insert("PermissionSet", "Name", "X00ex000000", "Label", "Admin profile", "IsOwnedByProfile", true,
                    "ProfileId", profile.id());
            unassigned = t.insert("PermissionSet", "Name", "Sales", "Label", "Sales");
            t.insert("PermissionSetAssignment", "AssigneeId", ada.id(), "PermissionSetId", setupUser.id());
            t.insert("PermissionSetAssignment", "AssigneeId", ada.id(), "PermissionSetId", profileSet.id());
            t.insert("PermissionSetAssignment", "AssigneeId", bob.id(), "PermissionSetId", unassigned.id());
            t.insert("ObjectPermissions", "ParentId", setupUser.id(), "SobjectType", "Account", "PermissionsRead", true);
            t.insert("ObjectPermissions", "ParentId", profileSet.id(), "SobjectType", "Lead", "PermissionsRead", true);
            t.insert("ObjectPermissions", "ParentId", unassigned.id(), "SobjectType", "Contact", "PermissionsRead", true);
        }

        @Test
        void the_preflight_object_permission_query_sees_only_the_users_permission_sets() {
            List<Object> types = names("SELECT SobjectType, PermissionsRead FROM ObjectPermissions WHERE ParentId IN "
                    + "(SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '" + ada.id() + "') "
                    + "AND SobjectType IN ('Account', 'Contact', 'Lead')");

            assertThat(types).containsExactly("Account", "Lead");
        }

        @Test
        void not_in_a_subquery_excludes_its_ids() {
            List<Object> types = names("SELECT SobjectType FROM ObjectPermissions WHERE ParentId NOT IN "
                    + "(SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '" + ada.id() + "')");

            assertThat(types).containsExactly("Contact");
        }

        @Test
        void the_subquery_is_evaluated_when_the_query_runs() {
            PreparedQuery q = t.prepare("SELECT SobjectType FROM ObjectPermissions WHERE ParentId IN "
                    + "(SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '" + bob.id() + "')");
            assertThat(t.org.read(q::execute)).hasSize(1);

            t.insert("PermissionSetAssignment", "AssigneeId", bob.id(), "PermissionSetId", setupUser.id());

            assertThat(t.org.read(q::execute)).hasSize(2);
        }

        @Test
        void deleted_rows_never_feed_a_subquery_even_for_query_all() {
            Record extra = t.insert("PermissionSetAssignment", "AssigneeId", bob.id(), "PermissionSetId", setupUser.id());
            t.delete(extra);

            List<Record> rows = t.rows("SELECT Id FROM ObjectPermissions WHERE ParentId IN "
                    + "(SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '" + bob.id() + "')",
                    QueryOptions.QUERY_ALL);

            assertThat(rows).hasSize(1);
        }

        @Test
        void a_semi_join_on_id_matches_the_records_themselves() {
            assertThat(names("SELECT Name FROM PermissionSet WHERE Id IN (SELECT ParentId FROM ObjectPermissions "
                    + "WHERE SobjectType = 'Lead')")).containsExactly("X00ex000000");
        }

        @Test
        void a_subquery_must_select_one_id_field() {
            SoqlException e = t.error("SELECT Id FROM ObjectPermissions WHERE ParentId IN (SELECT Name FROM PermissionSet)");

            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.getMessage()).contains("exactly one Id or reference field");
        }

        @Test
        void the_left_operand_must_be_an_id_field() {
            assertThat(t.error("SELECT Id FROM PermissionSet WHERE Name IN (SELECT ParentId FROM ObjectPermissions)")
                    .errorCode()).isEqualTo("MALFORMED_QUERY");
        }

        @Test
        void an_unknown_subquery_object_is_an_invalid_type() {
            SoqlException e = t.error("SELECT Id FROM ObjectPermissions WHERE ParentId IN (SELECT Id FROM Nope)");

            assertThat(e.errorCode()).isEqualTo("INVALID_TYPE");
            assertThat(e.column()).isEqualTo(68);
        }
    }

    @Nested
    class Ordering {
        @ParameterizedTest(name = "ORDER BY {0}")
        @CsvSource(delimiter = '|', value = {
                "Name                               | Acme,Globex,initech",
                "Name ASC                           | Acme,Globex,initech",
                "Name DESC                          | initech,Globex,Acme",
                "Industry                           | initech,Globex,Acme",
                "Industry NULLS LAST                | Globex,Acme,initech",
                "Industry DESC                      | initech,Acme,Globex",
                "Industry DESC NULLS LAST           | Acme,Globex,initech",
                "Industry ASC NULLS FIRST           | initech,Globex,Acme",
                "NumberOfEmployees DESC NULLS LAST  | Acme,Globex,initech",
                "Owner.Name, Name DESC              | initech,Acme,Globex",
                "Owner.Name DESC, Name              | Globex,Acme,initech",
                "Parent.Name NULLS LAST, CreatedDate DESC | initech,Acme,Globex",
                "CreatedDate                        | initech,Globex,Acme",
                "OwnerId, Name                      | Acme,initech,Globex"})
        void rows_are_sorted(String orderBy, String expected) {
            assertThat(names("SELECT Name FROM Account ORDER BY " + orderBy)).containsExactly((Object[]) expected.split(","));
        }

        @Test
        void ties_keep_store_order() {
            t.insert("Account", "Name", "Zeta", "Industry", "Banking");

            assertThat(names("SELECT Name FROM Account WHERE Industry = 'Banking' ORDER BY Industry"))
                    .containsExactly("Globex", "Zeta");
        }

        @Test
        void booleans_sort_false_first() {
            assertThat(names("SELECT Name FROM User ORDER BY IsActive")).containsExactly("Bob Builder", "Ada Admin");
        }
    }

    @Nested
    class LimitAndOffset {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "LIMIT 2                    | Acme,Globex",
                "LIMIT 0                    | ''",
                "LIMIT 10                   | Acme,Globex,initech",
                "OFFSET 1                   | Globex,initech",
                "LIMIT 1 OFFSET 1           | Globex",
                "OFFSET 5                   | ''",
                "ORDER BY Name DESC LIMIT 2 | initech,Globex",
                "ORDER BY Name LIMIT 1 OFFSET 2 | initech",
                "ORDER BY Name OFFSET 3     | ''"})
        void window_the_result(String clauses, String expected) {
            List<Object> want = expected.isEmpty() ? List.of() : List.of((Object[]) expected.split(","));

            assertThat(names("SELECT Name FROM Account " + clauses)).containsExactlyElementsOf(want);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Industry", "Industry DESC, Name", "NumberOfEmployees NULLS LAST", "Name DESC"})
        void a_small_window_of_a_large_sort_equals_the_window_of_the_full_sort(String orderBy) {
            for (int i = 0; i < 200; i++) {
                t.insert("Account", "Name", "Co " + (i * 37 % 101), "Industry", i % 7 == 0 ? null : "Ind" + (i % 5),
                        "NumberOfEmployees", i % 3 == 0 ? null : i % 11);
            }
            List<Object> full = names("SELECT Name FROM Account ORDER BY " + orderBy);

            assertThat(names("SELECT Name FROM Account ORDER BY " + orderBy + " LIMIT 5")).isEqualTo(full.subList(0, 5));
            assertThat(names("SELECT Name FROM Account ORDER BY " + orderBy + " LIMIT 7 OFFSET 4"))
                    .isEqualTo(full.subList(4, 11));
            assertThat(t.rows("SELECT Name FROM Account ORDER BY " + orderBy + " LIMIT 0")).isEmpty();
        }

        @Test
        void count_reports_the_rows_after_offset_and_limit() {
            assertThat(t.org.read(t.prepare("SELECT Id FROM Account LIMIT 2")::count)).isEqualTo(2);
            assertThat(t.org.read(t.prepare("SELECT Id FROM Account OFFSET 1")::count)).isEqualTo(2);
            assertThat(t.org.read(t.prepare("SELECT Id FROM Account ORDER BY Name LIMIT 1 OFFSET 1")::count)).isEqualTo(1);
            assertThat(t.org.read(t.prepare("SELECT Id FROM Account")::count)).isEqualTo(3);
        }

        @Test
        void offset_up_to_2000_is_allowed() {
            assertThat(t.rows("SELECT Id FROM Account OFFSET 2000")).isEmpty();
        }

        @Test
        void offset_above_2000_is_outside_the_valid_range() {
            SoqlException e = t.error("SELECT Id FROM Account OFFSET 2001");

            assertThat(e.errorCode()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
            assertThat(e.getMessage()).isEqualTo("\nSELECT Id FROM Account OFFSET 2001\n"
                    + "                              ^\nERROR at Row:1:Column:31\nMaximum SOQL offset allowed is 2000");
        }
    }

    @Nested
    class RecycleBin {
        @Test
        void query_never_returns_deleted_rows_even_when_asked_for_them() {
            assertThat(accountNames("IsDeleted = true")).isEmpty();
            assertThat(names("SELECT Name FROM Account")).doesNotContain("Umbrella");
            assertThat(t.org.read(t.prepare("SELECT COUNT() FROM Account")::count)).isEqualTo(3);
        }

        @Test
        void query_all_includes_deleted_rows() {
            List<Record> all = t.rows("SELECT Id, IsDeleted FROM Account", QueryOptions.QUERY_ALL);
            List<Record> deleted = t.rows("SELECT Id FROM Account WHERE IsDeleted = true", QueryOptions.QUERY_ALL);
            PreparedQuery count = t.prepare("SELECT COUNT() FROM Account", QueryOptions.QUERY_ALL);

            assertThat(all).hasSize(4);
            assertThat(deleted).containsExactly(umbrella);
            assertThat(t.org.read(count::count)).isEqualTo(4);
        }
    }

    @Nested
    class Ids {
        @Test
        void a_15_character_id_matches_the_stored_18_character_id() {
            String id15 = acme.id().substring(0, 15);

            assertThat(accountNames("Id = '" + id15 + "'")).containsExactly("Acme");
            assertThat(accountNames("OwnerId = '" + ada.id().substring(0, 15) + "'")).containsExactly("Acme", "initech");
            assertThat(accountNames("Id IN ('" + id15 + "', '" + globex.id() + "')")).containsExactly("Acme", "Globex");
            assertThat(accountNames("Id != '" + id15 + "'")).containsExactly("Globex", "initech");
        }

        @Test
        void a_lookup_by_id_still_applies_the_rest_of_the_filter_and_the_recycle_bin() {
            assertThat(accountNames("Id = '" + acme.id() + "' AND Industry = 'Technology'")).containsExactly("Acme");
            assertThat(accountNames("Id = '" + acme.id() + "' AND Industry = 'Banking'")).isEmpty();
            assertThat(accountNames("Industry = 'Technology' AND Id = '" + acme.id().substring(0, 15) + "'"))
                    .containsExactly("Acme");
            assertThat(accountNames("Id = '" + umbrella.id() + "'")).isEmpty();
            assertThat(t.rows("SELECT Id FROM Account WHERE Id = '" + umbrella.id() + "'", QueryOptions.QUERY_ALL))
                    .containsExactly(umbrella);
            assertThat(names("SELECT Name FROM User WHERE Id = '" + acme.id() + "'")).isEmpty();
            assertThat(t.org.read(t.prepare("SELECT COUNT() FROM Account WHERE Id = '" + globex.id() + "'")::count))
                    .isEqualTo(1);
        }

        @Test
        void an_18_character_id_matches_in_any_case() {
            assertThat(accountNames("Id = '" + acme.id().toLowerCase() + "'")).containsExactly("Acme");
            assertThat(accountNames("Id = '" + acme.id().toUpperCase() + "'")).containsExactly("Acme");
        }

        @Test
        void long_id_lists_accept_15_character_ids() {
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                in.append("'001Rx00000099").append(String.format("%02d", i)).append("',");
            }
            in.append("'").append(globex.id(), 0, 15).append("'");

            assertThat(accountNames("Id IN (" + in + ")")).containsExactly("Globex");
        }

        @Test
        void an_unset_lookup_equals_null_and_empty_string() {
            assertThat(accountNames("ParentId = null")).containsExactly("Acme", "Globex");
            assertThat(accountNames("ParentId = ''")).containsExactly("Acme", "Globex");
            assertThat(accountNames("ParentId != null")).containsExactly("initech");
        }

        @ParameterizedTest
        @ValueSource(strings = {"001xyz", "not an id", "001Rx0000000001AA$"})
        void a_malformed_id_literal_is_an_invalid_filter(String bad) {
            SoqlException e = t.error("SELECT Id FROM Account WHERE Id = '" + bad + "'");

            assertThat(e.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
            assertThat(e.getMessage()).endsWith("\ninvalid ID field: " + bad);
        }
    }

    @Nested
    class AccessHook {
        private final QueryAccess noLeads = new QueryAccess() {
            @Override
            public boolean canReadObject(SObjectType type) {
                return !type.name().equals("Lead") && !type.name().equals("Profile");
            }

            @Override
            public boolean canReadField(SObjectType type, FieldDef field) {
                return !(type.name().equals("Account") && (field.name().equals("AnnualRevenue") || field.name().equals("ParentId")));
            }
        };

        private SoqlException error(String soql) {
            try {
                t.engine.prepare(t.org, noLeads, soql, QueryOptions.QUERY);
            } catch (SoqlException e) {
                return e;
            }
            throw new AssertionError("expected an error for " + soql);
        }

        @Test
        void an_unreadable_object_looks_like_it_does_not_exist() {
            SoqlException e = error("SELECT Id FROM Lead");

            assertThat(e.errorCode()).isEqualTo("INVALID_TYPE");
            assertThat(e.getMessage()).isEqualTo("\nSELECT Id FROM Lead\n               ^\nERROR at Row:1:Column:16\n"
                    + "sObject type 'Lead' is not supported. If you are attempting to use a custom object, be sure to "
                    + "append the '__c' after the entity name. Please reference your WSDL or the describe call for the "
                    + "appropriate names.");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "SELECT Id, AnnualRevenue FROM Account",
                "SELECT Id FROM Account WHERE AnnualRevenue > 5",
                "SELECT Id FROM Account ORDER BY AnnualRevenue",
                "SELECT COUNT(AnnualRevenue) FROM Account"})
        void a_hidden_field_looks_like_it_does_not_exist(String soql) {
            SoqlException e = error(soql);

            assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
            assertThat(e.getMessage()).endsWith("\nNo such column 'AnnualRevenue' on entity 'Account'" + FIELD_HINT);
            assertThat(e.column()).isEqualTo(soql.indexOf("AnnualRevenue") + 1);
        }

        @Test
        void fields_leaves_hidden_fields_out() {
            PreparedQuery q = t.engine.prepare(t.org, noLeads, "SELECT FIELDS(STANDARD) FROM Account", QueryOptions.QUERY);

            assertThat(q.columns()).extracting(Column::header).contains("Name").doesNotContain("AnnualRevenue", "ParentId");
        }

        @Test
        void a_hidden_lookup_field_hides_its_relationship() {
            SoqlException e = error("SELECT Parent.Name FROM Account");

            assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
            assertThat(e.getMessage()).contains("Didn't understand relationship 'Parent' in field path");
        }

        @Test
        void an_unreadable_parent_object_hides_the_relationship() {
            SoqlException e = error("SELECT Name, Profile.Name FROM User");

            assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
            assertThat(e.getMessage()).contains("Didn't understand relationship 'Profile' in field path");
        }

        @Test
        void readable_things_still_work() {
            PreparedQuery q = t.engine.prepare(t.org, noLeads, "SELECT Name, Owner.Name FROM Account", QueryOptions.QUERY);

            assertThat(t.org.read(q::execute)).hasSize(3);
        }
    }

    @Nested
    class Errors {
        @Test
        void an_unknown_object_is_an_invalid_type_at_its_column() {
            SoqlException e = t.error("SELECT Id FROM Foo");

            assertThat(e.errorCode()).isEqualTo("INVALID_TYPE");
            assertThat(e.getMessage()).startsWith("\nSELECT Id FROM Foo\n               ^\nERROR at Row:1:Column:16\n"
                    + "sObject type 'Foo' is not supported.");
        }

        @Test
        void an_unknown_field_is_an_invalid_field_in_salesforce_words() {
            SoqlException e = t.error("SELECT Id, Nmae FROM Account");

            assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
            assertThat(e.getMessage()).isEqualTo("\nSELECT Id, Nmae FROM Account\n           ^\nERROR at Row:1:Column:12\n"
                    + "No such column 'Nmae' on entity 'Account'" + FIELD_HINT);
        }

        @Test
        void an_unknown_parent_field_names_the_parent_entity() {
            assertThat(t.error("SELECT Owner.Nmae FROM Account").getMessage())
                    .endsWith("No such column 'Nmae' on entity 'User'" + FIELD_HINT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Foo.Name", "OwnerId.Name", "Name.Foo", "Owner.Foo.Name"})
        void an_unknown_relationship_is_an_invalid_field(String path) {
            SoqlException e = t.error("SELECT " + path + " FROM Account");

            assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
            assertThat(e.getMessage()).contains("Didn't understand relationship '");
            assertThat(e.column()).isEqualTo(8);
        }

        @Test
        void a_relationship_name_is_not_a_column() {
            assertThat(t.error("SELECT Owner FROM Account").getMessage())
                    .endsWith("No such column 'Owner' on entity 'Account'" + FIELD_HINT);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "SELECT Id FROM Account WHERE Name = 5                    | Name         | string   | should be",
                "SELECT Id FROM Account WHERE Name = true                 | Name         | string   | should be",
                "SELECT Id FROM Account WHERE Name = TODAY                | Name         | string   | should be",
                "SELECT Id FROM Account WHERE NumberOfEmployees = '5'     | NumberOfEmployees | integer | should not be",
                "SELECT Id FROM Account WHERE AnnualRevenue = '5'         | AnnualRevenue | double  | should not be",
                "SELECT Id FROM User WHERE IsActive = 'true'              | IsActive     | boolean  | should not be",
                "SELECT Id FROM Account WHERE CreatedDate > 2024-01-01    | CreatedDate  | dateTime | should not be",
                "SELECT Id FROM Account WHERE CreatedDate > '2024-01-01T00:00:00Z' | CreatedDate | dateTime | should not be",
                "SELECT Id FROM Opportunity WHERE CloseDate > 2024-01-01T00:00:00Z | CloseDate | date  | should not be",
                "SELECT Id FROM Account WHERE OwnerId = 5                 | OwnerId      | id       | should be"})
        void a_literal_of_the_wrong_type_is_an_invalid_field(String soql, String field, String type, String quotes) {
            SoqlException e = t.error(soql);

            assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
            assertThat(e.getMessage()).endsWith("\nvalue of filter criterion for field '" + field + "' must be of type "
                    + type + " and " + quotes + " enclosed in quotes");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "SELECT Id FROM User WHERE IsActive > true                  | invalid operator on boolean field",
                "SELECT Id FROM User WHERE IsActive LIKE 'true'             | invalid operator on boolean field",
                "SELECT Id FROM Account WHERE NumberOfEmployees LIKE '1%'   | invalid operator on int field",
                "SELECT Id FROM Account WHERE Name INCLUDES ('a')           | includes or excludes operator only valid on multipicklist field",
                "SELECT Id FROM Account WHERE Name > null                   | invalid operator for null: >"})
        void an_operator_the_field_type_does_not_support_is_an_invalid_filter_operator(String soql, String message) {
            SoqlException e = t.error(soql);

            assertThat(e.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
            assertThat(e.getMessage()).endsWith("\n" + message);
        }
    }

    @Nested
    class BulkMode {
        @ParameterizedTest
        @ValueSource(strings = {"SELECT COUNT() FROM Account", "SELECT COUNT(Id) FROM Account",
                "SELECT MAX(Name) FROM Account", "SELECT Industry FROM Account GROUP BY Industry",
                "SELECT FIELDS(STANDARD) FROM Account",
                "SELECT Id FROM Account ORDER BY Name OFFSET 10"})
        void bulk_refuses_count_aggregates_group_by_and_offset(String soql) {
            SoqlException e = t.error(soql, QueryOptions.BULK_QUERY);

            assertThat(e.errorCode()).isEqualTo("API_ERROR");
            assertThat(e.getMessage()).contains("not supported in Bulk API 2.0 query jobs");
            assertThat(e.row()).isZero();
        }

        @Test
        void bulk_serves_parent_paths_order_and_limit() {
            PreparedQuery q = t.prepare("SELECT Id, Name, Owner.Name FROM Account ORDER BY Name DESC LIMIT 2",
                    QueryOptions.BULK_QUERY);

            assertThat(t.org.read(q::execute)).containsExactly(initech, globex);
        }

        @Test
        void bulk_query_all_includes_deleted_rows() {
            assertThat(t.rows("SELECT Id FROM Account", QueryOptions.BULK_QUERY_ALL)).hasSize(4);
        }
    }

    private SObjectType customObject(String name) {
        SObjectType type = StandardSchema.withAudit(StandardSchema.newType(name, name, name, t.org.nextCustomKeyPrefix(),
                SObjectType.AccessModel.CRUD));
        t.org.addType(type);
        return type;
    }

    @Test
    void queries_are_reusable_and_see_new_records() {
        PreparedQuery q = t.prepare("SELECT Name FROM Account WHERE Industry = 'Banking'");
        assertThat(t.org.read(q::execute)).hasSize(1);

        t.insert("Account", "Name", "Hooli", "Industry", "Banking");

        assertThat(t.org.read(q::execute)).hasSize(2);
        assertThat(Set.copyOf(t.org.read(q::execute))).contains(globex);
    }
}
