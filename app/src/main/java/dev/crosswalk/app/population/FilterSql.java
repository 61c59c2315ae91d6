package dev.crosswalk.app.population;

import dev.crosswalk.app.population.Filter.Condition;
import dev.crosswalk.app.population.Filter.Group;
import dev.crosswalk.app.population.Filter.HasOpenOpportunity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles a {@link Filter} into a SQL predicate over {@code crm_record r}. Field names and values
 * only ever travel as bind parameters ({@code r.fields ->> :f1}), never spliced into the SQL, so a
 * filter cannot inject anything. Text comparisons ignore case; GREATER/LESS_THAN compare numbers
 * and treat non-numeric values as not matching.
 */
public final class FilterSql {
    private final Map<String, Object> params = new LinkedHashMap<>();
    private int next = 0;

    public record Compiled(String predicate, Map<String, Object> params) {
    }

    private FilterSql() {
    }

    public static Compiled compile(Filter filter) {
        FilterSql c = new FilterSql();
        String sql = c.render(filter);
        return new Compiled(sql, Map.copyOf(c.params));
    }

    private String bind(Object value) {
        String name = "fp" + (next++);
        params.put(name, value);
        return ":" + name;
    }

    private String render(Filter f) {
        if (f instanceof Group g) {
            return group(g);
        }
        if (f instanceof HasOpenOpportunity) {
            return """
                    exists (select 1 from crm_record o where o.integration_id = r.integration_id and o.object = 'Opportunity'
                            and not o.is_deleted and o.fields ->> 'AccountId' = r.sf_id
                            and coalesce(lower(o.fields ->> 'IsClosed'), 'false') <> 'true')""";
        }
        return condition((Condition) f);
    }

    private String group(Group g) {
        if (g.children().isEmpty()) {
            // An empty AND is everything, an empty OR nothing, as in logic.
            return g.logic() == Filter.Logic.AND ? "true" : "false";
        }
        String op = g.logic() == Filter.Logic.AND ? " and " : " or ";
        return g.children().stream().map(this::render).map(s -> "(" + s + ")").collect(Collectors.joining(op, "(", ")"));
    }

    private String condition(Condition c) {
        String field = "(r.fields ->> " + bind(c.field()) + ")";
        String lowered = "lower(" + field + ")";
        return switch (c.operator()) {
            case EQUALS -> "coalesce(" + lowered + " = lower(" + bind(c.value()) + "), false)";
            case NOT_EQUALS -> "coalesce(" + lowered + ", '') <> lower(" + bind(c.value()) + ")";
            case IN -> "coalesce(" + lowered + " = any(" + bind(lowerArray(c.values())) + "), false)";
            case NOT_IN -> "not coalesce(" + lowered + " = any(" + bind(lowerArray(c.values())) + "), false)";
            case CONTAINS -> "coalesce(strpos(" + lowered + ", lower(" + bind(c.value()) + ")) > 0, false)";
            case STARTS_WITH -> "coalesce(starts_with(" + lowered + ", lower(" + bind(c.value()) + ")), false)";
            case IS_BLANK -> "coalesce(btrim(" + field + "), '') = ''";
            case IS_NOT_BLANK -> "coalesce(btrim(" + field + "), '') <> ''";
            case GREATER_THAN -> "coalesce(" + numeric(field) + " > " + bindNumber(c.value()) + ", false)";
            case LESS_THAN -> "coalesce(" + numeric(field) + " < " + bindNumber(c.value()) + ", false)";
        };
    }

    /** The field as a number, or null when it is missing or not numeric (so it matches nothing). */
    private static String numeric(String field) {
        return "(case when " + field + " ~ '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$' then cast(" + field + " as numeric) end)";
    }

    private String bindNumber(String value) {
        return "cast(" + bind(new java.math.BigDecimal(value.trim())) + " as numeric)";
    }

    private static String[] lowerArray(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(v == null ? null : v.toLowerCase(java.util.Locale.ROOT));
        }
        return out.toArray(String[]::new);
    }
}
