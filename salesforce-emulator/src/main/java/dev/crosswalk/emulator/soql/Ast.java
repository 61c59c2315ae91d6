package dev.crosswalk.emulator.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The syntax tree the {@link Parser} produces: names are still unresolved text with their source
 * offsets, so the {@link QueryCompiler} can report {@code ERROR at Row:1:Column:N} at the right place.
 */
final class Ast {
    private Ast() {
    }

    record Query(List<SelectItem> select, Name from, Condition where, List<Name> groupBy, List<OrderItem> orderBy,
                 Integer limit, Integer offset, int offsetPosition) {
    }

    /** A possibly dotted name ({@code Owner.Profile.Name}) at a source offset. */
    record Name(String text, int offset) {
        List<String> parts() {
            return Arrays.asList(text.split("\\."));
        }
    }

    sealed interface SelectItem permits FieldItem, CountAll, Aggregate, FieldsItem, SubQuery {
    }

    /** {@code (SELECT Id FROM Contacts …)}: a parent-to-child subquery; its FROM is a child relationship name. */
    record SubQuery(Query query, int offset) implements SelectItem {
    }

    /** {@code FIELDS(ALL | STANDARD | CUSTOM)}; {@code kind} upper case. */
    record FieldsItem(String kind, int offset) implements SelectItem {
    }

    record FieldItem(Name name) implements SelectItem {
    }

    /** {@code COUNT()}. */
    record CountAll(int offset) implements SelectItem {
    }

    /** {@code COUNT(field) [alias]}, {@code MAX(field)}…; {@code function} upper case. */
    record Aggregate(String function, Name field, String alias, int offset) implements SelectItem {
    }

    sealed interface Condition permits Junction, Not, Compare, InList, SemiJoin, Includes {
    }

    /** {@code a AND b AND c} or {@code a OR b OR c}; SOQL needs parentheses to mix the two. */
    record Junction(boolean and, List<Condition> parts) implements Condition {
    }

    record Not(Condition inner) implements Condition {
    }

    /** {@code field op value} where op is one of {@code = != < <= > >= LIKE} ({@code <>} arrives as {@code !=}). */
    record Compare(Name field, String op, Literal value, int opOffset) implements Condition {
    }

    record InList(Name field, boolean negated, List<Literal> values) implements Condition {
    }

    /** {@code field [NOT] IN (SELECT field FROM ...)}. */
    record SemiJoin(Name field, boolean negated, Query subquery, int offset) implements Condition {
    }

    /** {@code field INCLUDES|EXCLUDES ('a;b', 'c')} on multi-select picklists. */
    record Includes(Name field, boolean excludes, List<Literal> values, int opOffset) implements Condition {
    }

    /** {@code function} is null for a plain field, else an aggregate function name ({@code COUNT}) in upper case. */
    record OrderItem(Name field, String function, boolean descending, boolean nullsLast) {
    }

    sealed interface Literal permits NullLit, BoolLit, NumberLit, StringLit, DateLit, DateTimeLit, RelativeDate {
        int offset();

        String text();
    }

    record NullLit(String text, int offset) implements Literal {
    }

    record BoolLit(boolean value, String text, int offset) implements Literal {
    }

    record NumberLit(BigDecimal value, String text, int offset) implements Literal {
    }

    /** {@code like} keeps {@code \%} and {@code \_} escaped for LIKE patterns. */
    record StringLit(String value, String like, String text, int offset) implements Literal {
    }

    record DateLit(LocalDate value, String text, int offset) implements Literal {
    }

    record DateTimeLit(Instant value, String text, int offset) implements Literal {
    }

    /** {@code TODAY}, {@code LAST_N_DAYS:30}…; {@code n} is 0 for the forms without a number. */
    record RelativeDate(String name, int n, String text, int offset) implements Literal {
    }
}
