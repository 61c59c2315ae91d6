package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.soql.Ast.Condition;
import dev.crosswalk.emulator.soql.Ast.Literal;
import dev.crosswalk.emulator.soql.PathResolver.Resolved;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Validates a WHERE clause against the schema and compiles it into a {@link Filter}: literals are
 * type-checked and converted once (ids normalized to 18 characters, LIKE patterns compiled, relative
 * dates turned into ranges from the org's clock), so the per-row work is a field read and a compare.
 *
 * <p>Semantics, as in Salesforce: text compares case-insensitively; {@code ''} means null for text and
 * id fields; {@code !=} and {@code NOT IN} match nulls; an unset boolean is false; {@code = RANGE}
 * means inside a relative date range, {@code <} before its start, {@code >} after its end.
 */
final class FilterCompiler {
    private static final int SET_THRESHOLD = 8;

    private final PathResolver paths;
    private final QueryErrors errors;
    private final LocalDate today;
    private final Function<Ast.Query, CompiledQuery> subqueries;

    FilterCompiler(PathResolver paths, QueryErrors errors, LocalDate today, Function<Ast.Query, CompiledQuery> subqueries) {
        this.paths = paths;
        this.errors = errors;
        this.today = today;
        this.subqueries = subqueries;
    }

    Filter compile(SObjectType type, Condition condition) {
        if (condition instanceof Ast.Junction j) {
            return junction(type, j);
        }
        if (condition instanceof Ast.Not n) {
            Filter inner = compile(type, n.inner());
            return () -> inner.bind().negate();
        }
        if (condition instanceof Ast.Compare c) {
            Resolved field = paths.field(type, c.field());
            ValueTest test = c.op().equals("LIKE")
                    ? like(field, c.value(), c.opOffset())
                    : comparison(field, c.op(), c.value(), c.opOffset());
            return perRow(field.accessor(), test);
        }
        if (condition instanceof Ast.InList in) {
            Resolved field = paths.field(type, in.field());
            ValueTest test = in(field, in.values());
            return perRow(field.accessor(), in.negated() ? test.negate() : test);
        }
        if (condition instanceof Ast.Includes inc) {
            Resolved field = paths.field(type, inc.field());
            ValueTest test = includes(field, inc.values(), inc.opOffset());
            return perRow(field.accessor(), inc.excludes() ? test.negate() : test);
        }
        if (condition instanceof Ast.SemiJoin sj) {
            return semiJoin(type, sj);
        }
        throw new IllegalStateException("unknown condition " + condition);
    }

    private static Filter perRow(ValueAccessor accessor, ValueTest test) {
        return Filter.of(record -> test.test(accessor.get(record)));
    }

    @SuppressWarnings("unchecked")
    private Filter junction(SObjectType type, Ast.Junction junction) {
        Filter[] parts = junction.parts().stream().map(c -> compile(type, c)).toArray(Filter[]::new);
        boolean and = junction.and();
        return () -> {
            Predicate<Record>[] bound = new Predicate[parts.length];
            for (int i = 0; i < parts.length; i++) {
                bound[i] = parts[i].bind();
            }
            if (bound.length == 2) {
                Predicate<Record> a = bound[0];
                Predicate<Record> b = bound[1];
                return and ? r -> a.test(r) && b.test(r) : r -> a.test(r) || b.test(r);
            }
            if (and) {
                return r -> {
                    for (Predicate<Record> p : bound) {
                        if (!p.test(r)) {
                            return false;
                        }
                    }
                    return true;
                };
            }
            return r -> {
                for (Predicate<Record> p : bound) {
                    if (p.test(r)) {
                        return true;
                    }
                }
                return false;
            };
        };
    }

    // ---- comparisons -------------------------------------------------------------------------

    private ValueTest comparison(Resolved field, String op, Literal literal, int opOffset) {
        FieldType type = field.leaf().type();
        if (literal instanceof Ast.NullLit || isBlankText(type, literal)) {
            return switch (op) {
                case "=" -> FilterCompiler::isNull;
                case "!=" -> v -> !isNull(v);
                default -> throw errors.at(opOffset, QueryErrors.INVALID_QUERY_FILTER_OPERATOR,
                        "invalid operator for null: " + op);
            };
        }
        if (literal instanceof Ast.RelativeDate rd) {
            return relativeDate(field, op, rd);
        }
        switch (type) {
            case STRING, TEXTAREA, PICKLIST, URL, EMAIL, PHONE -> {
                String s = stringValue(field, literal);
                return ordered(op, v -> String.CASE_INSENSITIVE_ORDER.compare((String) v, s));
            }
            case MULTIPICKLIST -> {
                Set<String> wanted = multiValues(stringValue(field, literal));
                ValueTest eq = v -> v != null && multiValues((String) v).equals(wanted);
                return switch (op) {
                    case "=" -> eq;
                    case "!=" -> eq.negate();
                    default -> throw invalidOperator(opOffset, type);
                };
            }
            case ID, REFERENCE -> {
                String id = idValue(field, literal);
                if (op.equals("=")) {
                    return v -> idEquals(id, v);
                }
                if (op.equals("!=")) {
                    return v -> !idEquals(id, v);
                }
                return ordered(op, v -> ((String) v).compareTo(id));
            }
            case BOOLEAN -> {
                if (!(literal instanceof Ast.BoolLit b)) {
                    throw typeMismatch(field, literal);
                }
                boolean wanted = b.value();
                return switch (op) {
                    case "=" -> v -> Boolean.TRUE.equals(v) == wanted;
                    case "!=" -> v -> Boolean.TRUE.equals(v) != wanted;
                    default -> throw invalidOperator(opOffset, type);
                };
            }
            case INT, DOUBLE, CURRENCY, PERCENT -> {
                if (!(literal instanceof Ast.NumberLit n)) {
                    throw typeMismatch(field, literal);
                }
                double d = n.value().doubleValue();
                return ordered(op, v -> Double.compare(((Number) v).doubleValue(), d));
            }
            case DATE -> {
                if (!(literal instanceof Ast.DateLit date)) {
                    throw typeMismatch(field, literal);
                }
                LocalDate d = date.value();
                return ordered(op, v -> ((LocalDate) v).compareTo(d));
            }
            case DATETIME -> {
                if (!(literal instanceof Ast.DateTimeLit dateTime)) {
                    throw typeMismatch(field, literal);
                }
                Instant t = dateTime.value();
                return ordered(op, v -> ((Instant) v).compareTo(t));
            }
            default -> throw new IllegalStateException("unhandled field type " + type);
        }
    }

    private ValueTest relativeDate(Resolved field, String op, Ast.RelativeDate literal) {
        RelativeDates.Range range = RelativeDates.range(literal.name(), literal.n(), today);
        ToIntFunction<Object> vsStart;
        ToIntFunction<Object> vsEnd;
        FieldType type = field.leaf().type();
        if (type == FieldType.DATE) {
            LocalDate start = range.start();
            LocalDate end = range.endExclusive();
            vsStart = v -> ((LocalDate) v).compareTo(start);
            vsEnd = v -> ((LocalDate) v).compareTo(end);
        } else if (type == FieldType.DATETIME) {
            Instant start = range.start().atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = range.endExclusive().atStartOfDay(ZoneOffset.UTC).toInstant();
            vsStart = v -> ((Instant) v).compareTo(start);
            vsEnd = v -> ((Instant) v).compareTo(end);
        } else {
            throw typeMismatch(field, literal);
        }
        return switch (op) {
            case "=" -> v -> v != null && vsStart.applyAsInt(v) >= 0 && vsEnd.applyAsInt(v) < 0;
            case "!=" -> v -> v == null || vsStart.applyAsInt(v) < 0 || vsEnd.applyAsInt(v) >= 0;
            case "<" -> v -> v != null && vsStart.applyAsInt(v) < 0;
            case "<=" -> v -> v != null && vsEnd.applyAsInt(v) < 0;
            case ">" -> v -> v != null && vsEnd.applyAsInt(v) >= 0;
            case ">=" -> v -> v != null && vsStart.applyAsInt(v) >= 0;
            default -> throw new IllegalStateException(op);
        };
    }

    /** A total comparison against a non-null literal; null values only satisfy {@code !=}. */
    private static ValueTest ordered(String op, ToIntFunction<Object> compareToLiteral) {
        return switch (op) {
            case "=" -> v -> v != null && compareToLiteral.applyAsInt(v) == 0;
            case "!=" -> v -> v == null || compareToLiteral.applyAsInt(v) != 0;
            case "<" -> v -> v != null && compareToLiteral.applyAsInt(v) < 0;
            case "<=" -> v -> v != null && compareToLiteral.applyAsInt(v) <= 0;
            case ">" -> v -> v != null && compareToLiteral.applyAsInt(v) > 0;
            case ">=" -> v -> v != null && compareToLiteral.applyAsInt(v) >= 0;
            default -> throw new IllegalStateException(op);
        };
    }

    private ValueTest like(Resolved field, Literal literal, int opOffset) {
        FieldType type = field.leaf().type();
        if (!type.isText()) {
            throw invalidOperator(opOffset, type);
        }
        if (!(literal instanceof Ast.StringLit s)) {
            throw typeMismatch(field, literal);
        }
        LikePattern pattern = LikePattern.compile(s.like());
        return v -> v instanceof String text && pattern.matches(text);
    }

    private ValueTest in(Resolved field, List<Literal> values) {
        List<ValueTest> tests = new ArrayList<>();
        boolean matchNull = false;
        for (Literal literal : values) {
            tests.add(comparison(field, "=", literal, literal.offset())); // validates every literal
            matchNull |= literal instanceof Ast.NullLit || isBlankText(field.leaf().type(), literal);
        }
        FieldType type = field.leaf().type();
        boolean nullable = matchNull;
        if (tests.size() > SET_THRESHOLD && (type == FieldType.ID || type == FieldType.REFERENCE)) {
            Set<String> ids = new HashSet<>();
            for (Literal literal : values) {
                if (!(literal instanceof Ast.NullLit) && !isBlankText(type, literal)) {
                    ids.add(idValue(field, literal));
                }
            }
            return v -> v == null || "".equals(v) ? nullable : ids.contains(v) || (((String) v).length() == 15
                    && ids.contains(Ids.to18((String) v)));
        }
        if (tests.size() > SET_THRESHOLD && type.isText() && type != FieldType.MULTIPICKLIST
                && values.stream().noneMatch(l -> l instanceof Ast.RelativeDate)) {
            Set<String> texts = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (Literal literal : values) {
                if (literal instanceof Ast.StringLit s && !s.value().isEmpty()) {
                    texts.add(s.value());
                }
            }
            return v -> v == null || "".equals(v) ? nullable : texts.contains(v);
        }
        ValueTest[] any = tests.toArray(ValueTest[]::new);
        return v -> {
            for (ValueTest t : any) {
                if (t.test(v)) {
                    return true;
                }
            }
            return false;
        };
    }

    private ValueTest includes(Resolved field, List<Literal> values, int opOffset) {
        if (field.leaf().type() != FieldType.MULTIPICKLIST) {
            throw errors.at(opOffset, QueryErrors.INVALID_QUERY_FILTER_OPERATOR,
                    "includes or excludes operator only valid on multipicklist field");
        }
        List<Set<String>> groups = new ArrayList<>();
        for (Literal literal : values) {
            groups.add(multiValues(stringValue(field, literal)));
        }
        return v -> {
            if (v == null) {
                return false;
            }
            Set<String> present = multiValues((String) v);
            for (Set<String> group : groups) {
                if (present.containsAll(group)) {
                    return true;
                }
            }
            return false;
        };
    }

    private Filter semiJoin(SObjectType type, Ast.SemiJoin semiJoin) {
        Resolved field = paths.field(type, semiJoin.field());
        if (!field.isId()) {
            throw errors.at(semiJoin.field().offset(), QueryErrors.MALFORMED_QUERY,
                    "Invalid semi join: the left operand '" + field.header() + "' must be an Id or a reference field");
        }
        CompiledQuery sub = subqueries.apply(semiJoin.subquery());
        if (sub.isCount() || sub.isAggregate() || sub.columns().size() != 1 || !isIdColumn(sub.columns().get(0))) {
            throw errors.at(semiJoin.offset(), QueryErrors.MALFORMED_QUERY,
                    "Invalid semi join: the subquery must select exactly one Id or reference field");
        }
        Column column = sub.columns().get(0);
        ValueAccessor outer = field.accessor();
        boolean negated = semiJoin.negated();
        return () -> {
            Set<String> ids = new HashSet<>();
            for (Record r : sub.execute()) {
                Object v = column.accessor.get(r);
                if (v != null) {
                    ids.add((String) v);
                }
            }
            return negated
                    ? r -> { Object v = outer.get(r); return v == null || !ids.contains(v); }
                    : r -> { Object v = outer.get(r); return v != null && ids.contains(v); };
        };
    }

    private static boolean isIdColumn(Column column) {
        return column.field().type() == FieldType.ID || column.field().type() == FieldType.REFERENCE;
    }

    // ---- literals ------------------------------------------------------------------------------

    private String stringValue(Resolved field, Literal literal) {
        if (literal instanceof Ast.StringLit s) {
            return s.value();
        }
        throw typeMismatch(field, literal);
    }

    private String idValue(Resolved field, Literal literal) {
        String raw = stringValue(field, literal);
        return Ids.normalize(raw).orElseThrow(() -> errors.at(literal.offset(),
                QueryErrors.INVALID_QUERY_FILTER_OPERATOR, "invalid ID field: " + raw));
    }

    private static boolean idEquals(String id18, Object value) {
        if (value == null) {
            return false;
        }
        String v = (String) value;
        return id18.equals(v) || (v.length() == 15 && id18.startsWith(v));
    }

    private static boolean isNull(Object v) {
        return v == null || (v instanceof String s && s.isEmpty());
    }

    private static boolean isBlankText(FieldType type, Literal literal) {
        return type.isText() && literal instanceof Ast.StringLit s && s.value().isEmpty();
    }

    private static Set<String> multiValues(String value) {
        Set<String> set = new HashSet<>();
        for (String part : value.split(";")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                set.add(trimmed.toLowerCase(Locale.ROOT));
            }
        }
        return set;
    }

    private SoqlException invalidOperator(int opOffset, FieldType type) {
        return errors.at(opOffset, QueryErrors.INVALID_QUERY_FILTER_OPERATOR,
                "invalid operator on " + type.describeName() + " field");
    }

    private SoqlException typeMismatch(Resolved field, Literal literal) {
        String expected = switch (field.leaf().type()) {
            case ID, REFERENCE -> "id";
            case BOOLEAN -> "boolean";
            case INT -> "integer";
            case DOUBLE, CURRENCY, PERCENT -> "double";
            case DATE -> "date";
            case DATETIME -> "dateTime";
            default -> "string";
        };
        boolean quoted = expected.equals("string") || expected.equals("id");
        return errors.at(literal.offset(), QueryErrors.INVALID_FIELD, "value of filter criterion for field '"
                + field.leaf().name() + "' must be of type " + expected + " and should " + (quoted ? "" : "not ")
                + "be enclosed in quotes");
    }
}
