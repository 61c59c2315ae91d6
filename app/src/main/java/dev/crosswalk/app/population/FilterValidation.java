package dev.crosswalk.app.population;

import dev.crosswalk.app.population.Filter.Condition;
import dev.crosswalk.app.population.Filter.Group;
import dev.crosswalk.app.population.Filter.HasOpenOpportunity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a filter against the fields an organization actually syncs for the base object. Returns
 * every problem at once (not just the first) so an admin can fix a filter in one go.
 */
final class FilterValidation {
    static final int MAX_DEPTH = 6;
    static final int MAX_CONDITIONS = 50;

    private FilterValidation() {
    }

    static List<String> problems(Filter filter, String baseObject, Set<String> knownFields) {
        List<String> out = new ArrayList<>();
        int[] conditions = {0};
        check(filter, baseObject, knownFields, 1, out, conditions);
        if (conditions[0] > MAX_CONDITIONS) {
            out.add("at most " + MAX_CONDITIONS + " conditions per filter");
        }
        return out;
    }

    private static void check(Filter f, String baseObject, Set<String> known, int depth, List<String> out, int[] count) {
        if (depth > MAX_DEPTH) {
            out.add("groups nest at most " + MAX_DEPTH + " deep");
            return;
        }
        if (f instanceof Group g) {
            g.children().forEach(c -> check(c, baseObject, known, depth + 1, out, count));
        } else if (f instanceof HasOpenOpportunity) {
            count[0]++;
            if (!baseObject.equals("Account")) {
                out.add("hasOpenOpportunity applies to Account populations only");
            }
        } else if (f instanceof Condition c) {
            count[0]++;
            if (!known.contains(c.field())) {
                out.add(baseObject + "." + c.field() + " is not a synced field");
            }
            Filter.Operator op = c.operator();
            if (op.needsValue() && (c.value() == null || c.value().isEmpty())) {
                out.add(c.field() + " " + op + ": needs a value");
            }
            if (op.needsValues() && c.values().isEmpty()) {
                out.add(c.field() + " " + op + ": needs at least one value");
            }
            if ((op == Filter.Operator.GREATER_THAN || op == Filter.Operator.LESS_THAN) && c.value() != null
                    && !c.value().isEmpty() && !isNumber(c.value())) {
                out.add(c.field() + " " + op + ": '" + c.value() + "' is not a number");
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
