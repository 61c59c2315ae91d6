package dev.crosswalk.app.population;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * A population's filter: a tree of conditions on synced field values, combined in AND/OR groups.
 * Stored as jsonb ({@code {"type":"group","logic":"AND","children":[…]}}) and compiled to one SQL
 * predicate by {@link FilterSql}, so membership is computed set-based in PostgreSQL.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Filter.Condition.class, name = "condition"),
        @JsonSubTypes.Type(value = Filter.Group.class, name = "group"),
        @JsonSubTypes.Type(value = Filter.HasOpenOpportunity.class, name = "hasOpenOpportunity")})
public sealed interface Filter {

    /** {@code field operator value}; {@code values} for IN / NOT_IN, nothing for the blank checks. */
    record Condition(String field, Operator operator, String value, List<String> values) implements Filter {
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            values = values == null ? List.of() : List.copyOf(values);
        }

        public static Condition of(String field, Operator operator, String value) {
            return new Condition(field, operator, value, List.of());
        }

        public static Condition in(String field, List<String> values) {
            return new Condition(field, Operator.IN, null, values);
        }
    }

    record Group(Logic logic, List<Filter> children) implements Filter {
        public Group {
            Objects.requireNonNull(logic, "logic");
            children = children == null ? List.of() : List.copyOf(children);
        }

        public static Group and(Filter... children) {
            return new Group(Logic.AND, List.of(children));
        }

        public static Group or(Filter... children) {
            return new Group(Logic.OR, List.of(children));
        }
    }

    /**
     * Accounts with at least one open Opportunity (synced Opportunity with this AccountId and
     * IsClosed not true). Only meaningful for Account populations.
     */
    record HasOpenOpportunity() implements Filter {
    }

    enum Logic { AND, OR }

    enum Operator {
        EQUALS, NOT_EQUALS, IN, NOT_IN, CONTAINS, STARTS_WITH, IS_BLANK, IS_NOT_BLANK, GREATER_THAN, LESS_THAN;

        boolean needsValue() {
            return switch (this) {
                case IS_BLANK, IS_NOT_BLANK, IN, NOT_IN -> false;
                default -> true;
            };
        }

        boolean needsValues() {
            return this == IN || this == NOT_IN;
        }
    }
}
