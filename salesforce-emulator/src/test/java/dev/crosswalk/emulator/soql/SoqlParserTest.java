package dev.crosswalk.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoqlParserTest {

    private static Ast.Query parse(String soql) {
        return Parser.parse(soql, new QueryErrors(soql));
    }

    private static Ast.Literal literalOf(String literal) {
        Ast.Compare c = (Ast.Compare) parse("SELECT Id FROM Account WHERE Name = " + literal).where();
        return c.value();
    }

    private static SoqlException syntaxError(String soql) {
        try {
            parse(soql);
        } catch (SoqlException e) {
            return e;
        }
        throw new AssertionError("expected a syntax error for " + soql);
    }

    @Nested
    class Clauses {
        @Test
        void select_list_keeps_fields_and_relationship_paths_in_order() {
            Ast.Query q = parse("SELECT Id, Name, Owner.Name, CreatedBy.Profile.Name FROM Account");

            assertThat(q.select()).extracting(i -> ((Ast.FieldItem) i).name().text())
                    .containsExactly("Id", "Name", "Owner.Name", "CreatedBy.Profile.Name");
            assertThat(q.from().text()).isEqualTo("Account");
            assertThat(q.from().offset()).isEqualTo(57);
        }

        @Test
        void keywords_are_case_insensitive_and_every_clause_is_read() {
            Ast.Query q = parse("select id from account where name = 'x' order by name desc nulls last, id "
                    + "limit 5 offset 2 for view");

            assertThat(q.where()).isInstanceOf(Ast.Compare.class);
            assertThat(q.orderBy()).hasSize(2);
            assertThat(q.orderBy().get(0).descending()).isTrue();
            assertThat(q.orderBy().get(0).nullsLast()).isTrue();
            assertThat(q.orderBy().get(1).descending()).isFalse();
            assertThat(q.orderBy().get(1).nullsLast()).isFalse();
            assertThat(q.limit()).isEqualTo(5);
            assertThat(q.offset()).isEqualTo(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"FOR VIEW", "FOR REFERENCE", "FOR UPDATE", "WITH SECURITY_ENFORCED", "USING SCOPE Everything"})
        void optional_trailing_clauses_are_accepted(String clause) {
            String soql = clause.startsWith("USING") ? "SELECT Id FROM Account " + clause : "SELECT Id FROM Account " + clause;
            assertThat(parse(soql).from().text()).isEqualTo("Account");
        }

        @Test
        void fields_takes_all_standard_or_custom() {
            assertThat(parse("SELECT Id, FIELDS(standard) FROM Account").select().get(1))
                    .isEqualTo(new Ast.FieldsItem("STANDARD", 11));
            assertThat(syntaxError("SELECT FIELDS(SOME) FROM Account").getMessage()).endsWith("unexpected token: SOME");
        }

        @Test
        void count_without_argument_is_count_all() {
            assertThat(parse("SELECT COUNT() FROM Lead").select()).singleElement().isInstanceOf(Ast.CountAll.class);
        }

        @Test
        void count_of_a_field_takes_an_optional_alias() {
            List<Ast.SelectItem> items = parse("SELECT COUNT(Id), count(Name) total FROM Lead").select();

            assertThat(items).extracting(i -> ((Ast.Aggregate) i).alias()).containsExactly(null, "total");
            assertThat(((Ast.Aggregate) items.get(1)).field().text()).isEqualTo("Name");
        }

        @Test
        void group_by_lists_fields_and_order_by_may_name_aggregates() {
            Ast.Query q = parse("SELECT Industry, Owner.Name, MAX(AnnualRevenue) top, sum(NumberOfEmployees) FROM Account "
                    + "GROUP BY Industry, Owner.Name ORDER BY COUNT(Id) DESC, Industry");

            assertThat(q.groupBy()).extracting(Ast.Name::text).containsExactly("Industry", "Owner.Name");
            assertThat(q.select().subList(2, 4)).extracting(i -> ((Ast.Aggregate) i).function()).containsExactly("MAX", "SUM");
            assertThat(q.orderBy().get(0).function()).isEqualTo("COUNT");
            assertThat(q.orderBy().get(0).descending()).isTrue();
            assertThat(q.orderBy().get(1).function()).isNull();
        }

        @Test
        void and_chains_and_or_chains_become_junctions() {
            Ast.Junction and = (Ast.Junction) parse("SELECT Id FROM Account WHERE Name = 'a' AND Type = 'b' AND Id != null").where();
            Ast.Junction or = (Ast.Junction) parse("SELECT Id FROM Account WHERE Name = 'a' OR Type = 'b'").where();

            assertThat(and.and()).isTrue();
            assertThat(and.parts()).hasSize(3);
            assertThat(or.and()).isFalse();
        }

        @Test
        void parentheses_group_and_not_negates() {
            Ast.Junction q = (Ast.Junction) parse(
                    "SELECT Id FROM Account WHERE (Name = 'a' OR Name = 'b') AND NOT (Type = 'c' OR Type = 'd')").where();

            assertThat(q.parts().get(0)).isInstanceOf(Ast.Junction.class);
            assertThat(q.parts().get(1)).isInstanceOf(Ast.Not.class);
        }

        @Test
        void mixing_and_with_or_without_parentheses_is_malformed() {
            SoqlException e = syntaxError("SELECT Id FROM Account WHERE Name = 'a' AND Type = 'b' OR Id = null");

            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.getMessage()).endsWith("unexpected token: OR");
        }

        @Test
        void in_not_in_includes_and_excludes_take_literal_lists() {
            Ast.Junction q = (Ast.Junction) parse("SELECT Id FROM Account WHERE Name IN ('a', 'b') AND Type NOT IN ('c') "
                    + "AND Tags__c INCLUDES ('x;y', 'z') AND Tags__c EXCLUDES ('w')").where();

            Ast.InList in = (Ast.InList) q.parts().get(0);
            Ast.InList notIn = (Ast.InList) q.parts().get(1);
            Ast.Includes includes = (Ast.Includes) q.parts().get(2);
            Ast.Includes excludes = (Ast.Includes) q.parts().get(3);
            assertThat(in.negated()).isFalse();
            assertThat(in.values()).hasSize(2);
            assertThat(notIn.negated()).isTrue();
            assertThat(includes.excludes()).isFalse();
            assertThat(includes.values()).hasSize(2);
            assertThat(excludes.excludes()).isTrue();
        }

        @Test
        void in_with_a_select_is_a_semi_join() {
            Ast.SemiJoin sj = (Ast.SemiJoin) parse("SELECT Id FROM ObjectPermissions WHERE ParentId NOT IN "
                    + "(SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '005Rx0000000001AAA')").where();

            assertThat(sj.negated()).isTrue();
            assertThat(sj.field().text()).isEqualTo("ParentId");
            assertThat(sj.subquery().from().text()).isEqualTo("PermissionSetAssignment");
            assertThat(sj.subquery().where()).isInstanceOf(Ast.Compare.class);
        }

        @Test
        void not_equal_has_two_spellings() {
            Ast.Compare a = (Ast.Compare) parse("SELECT Id FROM Account WHERE Name <> 'a'").where();
            Ast.Compare b = (Ast.Compare) parse("SELECT Id FROM Account WHERE Name != 'a'").where();

            assertThat(a.op()).isEqualTo("!=").isEqualTo(b.op());
        }
    }

    @Nested
    class Literals {
        @Test
        void null_true_and_false_are_case_insensitive() {
            assertThat(literalOf("NULL")).isInstanceOf(Ast.NullLit.class);
            assertThat(literalOf("True")).isEqualTo(new Ast.BoolLit(true, "True", 36));
            assertThat(literalOf("false")).isEqualTo(new Ast.BoolLit(false, "false", 36));
        }

        @ParameterizedTest
        @CsvSource({"42, 42", "-7, -7", "3.25, 3.25", "-0.5, -0.5", "+12, 12", "1000000000000, 1000000000000"})
        void numbers_keep_their_exact_value(String literal, BigDecimal expected) {
            assertThat(((Ast.NumberLit) literalOf(literal)).value()).isEqualByComparingTo(expected);
        }

        @Test
        void date_literals_are_unquoted() {
            assertThat(((Ast.DateLit) literalOf("2024-02-29")).value()).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @ParameterizedTest
        @CsvSource({
                "2024-01-01T00:00:00Z, 2024-01-01T00:00:00Z",
                "2024-01-01T00:00:00.000Z, 2024-01-01T00:00:00Z",
                "2024-01-01T10:15:30.123Z, 2024-01-01T10:15:30.123Z",
                "2024-01-01T02:00:00+02:00, 2024-01-01T00:00:00Z",
                "2023-12-31T19:00:00-05:00, 2024-01-01T00:00:00Z",
                "2024-01-01T02:00:00+0200, 2024-01-01T00:00:00Z"})
        void datetime_literals_are_converted_to_utc(String literal, Instant expected) {
            assertThat(((Ast.DateTimeLit) literalOf(literal)).value()).isEqualTo(expected);
        }

        @Test
        void an_impossible_date_is_malformed() {
            assertThat(syntaxError("SELECT Id FROM Account WHERE CreatedDate > 2024-02-30").errorCode())
                    .isEqualTo("MALFORMED_QUERY");
        }

        static Stream<Arguments> escapes() {
            return Stream.of(
                    Arguments.of("'plain'", "plain"),
                    Arguments.of("'it\\'s'", "it's"),
                    Arguments.of("'back\\\\slash'", "back\\slash"),
                    Arguments.of("'line\\nbreak'", "line\nbreak"),
                    Arguments.of("'tab\\there'", "tab\there"),
                    Arguments.of("'cr\\rx'", "cr\rx"),
                    Arguments.of("'quote\\\"d'", "quote\"d"),
                    Arguments.of("'bs\\bx'", "bs\bx"),
                    Arguments.of("'ff\\fx'", "ff\fx"),
                    Arguments.of("'caf\\u00e9'", "caf\u00e9"),
                    Arguments.of("'50\\%'", "50%"),
                    Arguments.of("'a\\_b'", "a_b"));
        }

        @ParameterizedTest
        @MethodSource("escapes")
        void string_escapes_are_decoded(String literal, String expected) {
            assertThat(((Ast.StringLit) literalOf(literal)).value()).isEqualTo(expected);
        }

        @Test
        void like_form_keeps_escaped_wildcards_escaped() {
            Ast.StringLit s = (Ast.StringLit) literalOf("'50\\%\\_%'");

            assertThat(s.value()).isEqualTo("50%_%");
            assertThat(s.like()).isEqualTo("50\\%\\_%");
        }

        @Test
        void an_unknown_escape_is_malformed() {
            SoqlException e = syntaxError("SELECT Id FROM Account WHERE Name = 'a\\qb'");

            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.getMessage()).contains("Illegal character sequence '\\q'");
        }

        @Test
        void an_unterminated_string_is_malformed() {
            SoqlException e = syntaxError("SELECT Id FROM Account WHERE Name = 'abc");

            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.column()).isEqualTo(37);
        }

        @ParameterizedTest
        @CsvSource({"TODAY, 0", "yesterday, 0", "LAST_N_DAYS:30, 30", "next_n_days:7, 7", "N_DAYS_AGO:3, 3",
                "THIS_QUARTER, 0", "LAST_N_MONTHS:2, 2"})
        void relative_date_literals_carry_their_number(String literal, int n) {
            Ast.RelativeDate rd = (Ast.RelativeDate) literalOf(literal);

            assertThat(rd.name()).isEqualTo(literal.split(":")[0].toUpperCase());
            assertThat(rd.n()).isEqualTo(n);
        }

        @Test
        void an_n_literal_needs_its_number() {
            assertThat(syntaxError("SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS").getMessage())
                    .endsWith("unexpected token: <EOF>");
        }
    }

    @Nested
    class SyntaxErrors {
        @Test
        void message_points_at_the_token_with_salesforce_row_and_column() {
            SoqlException e = syntaxError("SELECT FROM Account");

            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.getMessage()).isEqualTo("\nSELECT FROM Account\n       ^\nERROR at Row:1:Column:8\nunexpected token: FROM");
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(8);
        }

        @Test
        void end_of_input_is_named_eof() {
            SoqlException e = syntaxError("SELECT Id FROM");

            assertThat(e.getMessage()).endsWith("ERROR at Row:1:Column:15\nunexpected token: <EOF>");
        }

        @Test
        void rows_count_lines_of_a_multi_line_query() {
            SoqlException e = syntaxError("SELECT Id\nFROM Account\nWHERE Name = 'a' 'b'");

            assertThat(e.getMessage()).isEqualTo("\nWHERE Name = 'a' 'b'\n                 ^\nERROR at Row:3:Column:18\nunexpected token: 'b'");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "SELECT Id, FROM Account|FROM",
                "SELECT Id FROM Account WHERE|<EOF>",
                "SELECT Id FROM Account WHERE Name|<EOF>",
                "SELECT Id FROM Account WHERE Name 'x'|'x'",
                "SELECT Id FROM Account LIMIT -1|-1",
                "SELECT Id FROM Account LIMIT 1.5|1.5",
                "SELECT Id FROM Account ORDER Name|Name",
                "SELECT Id FROM Account ORDER BY Name NULLS MIDDLE|MIDDLE",
                "SELECT Id FROM Account Acct|Acct",
                "SELECT * FROM Account|*",
                "SELECT Id FROM Account WHERE Name = 'a' AND|<EOF>",
                "SELECT Id FROM Account WHERE Name IN ('a' 'b')|'b'",
                "SELECT Id FROM Account WHERE (Name = 'a'|<EOF>",
                "SELECT Id FROM Account FOR LUNCH|LUNCH",
                "SELECT Id FROM Account WHERE Name = SOMETHING|SOMETHING"})
        void malformed_queries_name_the_unexpected_token(String soql, String token) {
            SoqlException e = syntaxError(soql);

            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.getMessage()).endsWith("\nunexpected token: " + token);
        }

        @Test
        void having_and_rollup_are_refused_with_a_clear_message() {
            assertThat(syntaxError("SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry HAVING COUNT(Id) > 1")
                    .getMessage()).endsWith("HAVING is not supported by the Salesforce emulator");
            assertThat(syntaxError("SELECT Industry, COUNT(Id) FROM Account GROUP BY ROLLUP(Industry)").getMessage())
                    .endsWith("GROUP BY ROLLUP is not supported by the Salesforce emulator");
        }

        @Test
        void child_subqueries_parse_into_a_subquery_item_and_nesting_them_is_refused() {
            Ast.Query q = parse("SELECT Id, (SELECT Id, Name FROM Contacts ORDER BY Name LIMIT 2) FROM Account");
            Ast.SubQuery sub = (Ast.SubQuery) q.select().get(1);
            assertThat(sub.query().from().text()).isEqualTo("Contacts");
            assertThat(sub.query().limit()).isEqualTo(2);
            assertThat(syntaxError("SELECT Id, (SELECT Id, (SELECT Id FROM Cases) FROM Contacts) FROM Account").getMessage())
                    .contains("nested parent-to-child subqueries are not supported");
        }

        @Test
        void unsupported_functions_are_named() {
            assertThatThrownBy(() -> parse("SELECT CALENDAR_YEAR(CreatedDate) FROM Account"))
                    .isInstanceOf(SoqlException.class)
                    .hasMessageEndingWith("CALENDAR_YEAR() is not supported by the Salesforce emulator");
        }
    }
}
