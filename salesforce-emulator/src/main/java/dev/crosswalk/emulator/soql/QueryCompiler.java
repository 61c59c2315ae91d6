package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.soql.Ast.SelectItem;
import dev.crosswalk.emulator.soql.PathResolver.Resolved;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a parsed query against an org's schema and the caller's access, in the order Salesforce
 * reports problems (Bulk restrictions, object, SELECT list, WHERE, ORDER BY, OFFSET), and builds the
 * {@link CompiledQuery}.
 */
final class QueryCompiler {
    static final int MAX_OFFSET = 2000;

    private final Org org;
    private final QueryAccess access;
    private final QueryOptions options;
    private final QueryErrors errors;
    private final PathResolver paths;
    private final FilterCompiler filters;

    QueryCompiler(Org org, QueryAccess access, QueryOptions options, QueryErrors errors) {
        this.org = org;
        this.access = access;
        this.options = options;
        this.errors = errors;
        this.paths = new PathResolver(org, access, errors);
        LocalDate today = LocalDate.ofInstant(org.clock().instant(), ZoneOffset.UTC);
        // Semi-join subqueries never see the recycle bin, whatever the outer query does.
        this.filters = new FilterCompiler(paths, errors, today, sub -> compile(sub, false));
    }

    CompiledQuery compileTopLevel(Ast.Query query) {
        if (options.bulk()) {
            checkBulkRestrictions(query);
        }
        return compile(query, options.includeDeleted());
    }

    private void checkBulkRestrictions(Ast.Query query) {
        for (SelectItem item : query.select()) {
            if (item instanceof Ast.CountAll) {
                throw QueryErrors.bulk("COUNT() is not supported in Bulk API 2.0 query jobs; use the REST query resource");
            }
            if (item instanceof Ast.Aggregate a) {
                throw QueryErrors.bulk("Aggregate functions such as " + a.function()
                        + "() are not supported in Bulk API 2.0 query jobs");
            }
        }
        if (query.offset() != null) {
            throw QueryErrors.bulk("OFFSET is not supported in Bulk API 2.0 query jobs");
        }
    }

    private CompiledQuery compile(Ast.Query query, boolean includeDeleted) {
        SObjectType type = org.type(query.from().text())
                .filter(access::canReadObject)
                .orElseThrow(() -> errors.unsupportedType(query.from().offset(), query.from().text()));

        boolean count = false;
        List<Column> columns = new ArrayList<>();
        List<CompiledQuery.AggregateSpec> aggregates = new ArrayList<>();
        Ast.FieldItem firstPlainField = null;
        Set<String> headers = new HashSet<>();
        int unaliased = 0;
        for (SelectItem item : query.select()) {
            if (item instanceof Ast.CountAll c) {
                if (query.select().size() > 1) {
                    throw errors.at(c.offset(), QueryErrors.MALFORMED_QUERY,
                            "COUNT() must be the only element in the SELECT list");
                }
                count = true;
            } else if (item instanceof Ast.Aggregate a) {
                Resolved counted = paths.field(type, a.field());
                String alias = a.alias() != null ? a.alias() : "expr" + unaliased++;
                FieldDef slot = slot(alias, aggregates.size());
                boolean countsRows = counted.relationshipNames().isEmpty() && counted.leaf().type() == FieldType.ID;
                aggregates.add(new CompiledQuery.AggregateSpec(slot, countsRows ? null : counted.accessor()));
                addColumn(columns, headers, new Column(alias, List.of(), slot, null, true, r -> r.get(slot)), a.offset());
            } else if (item instanceof Ast.FieldItem f) {
                Resolved resolved = paths.field(type, f.name());
                if (firstPlainField == null) {
                    firstPlainField = f;
                }
                addColumn(columns, headers, new Column(resolved.header(), resolved.relationshipNames(), resolved.leaf(),
                        resolved.leafType(), false, resolved.accessor()), f.name().offset());
            }
        }
        if (!aggregates.isEmpty() && firstPlainField != null) {
            throw errors.at(firstPlainField.name().offset(), QueryErrors.MALFORMED_QUERY,
                    "Field must be grouped or aggregated: " + firstPlainField.name().text());
        }

        Filter filter = query.where() == null ? null : filters.compile(type, query.where());

        Comparator<Record> order = null;
        if (!query.orderBy().isEmpty()) {
            Ast.OrderItem first = query.orderBy().get(0);
            if (count) {
                throw errors.at(first.field().offset(), QueryErrors.MALFORMED_QUERY,
                        "ORDER BY is not allowed in a COUNT() query");
            }
            if (!aggregates.isEmpty()) {
                throw errors.at(first.field().offset(), QueryErrors.MALFORMED_QUERY,
                        "Ordered field must be grouped or aggregated: " + first.field().text());
            }
            for (Ast.OrderItem item : query.orderBy()) {
                Comparator<Record> next = comparator(paths.field(type, item.field()), item);
                order = order == null ? next : order.thenComparing(next);
            }
        }

        if (query.offset() != null && query.offset() > MAX_OFFSET) {
            throw errors.at(query.offsetPosition(), QueryErrors.NUMBER_OUTSIDE_VALID_RANGE,
                    "Maximum SOQL offset allowed is " + MAX_OFFSET);
        }
        return new CompiledQuery(type, org.store(type), columns, count, aggregates, filter, order, query.limit(),
                query.offset(), includeDeleted, paths, keyLookup(type, query.where()));
    }

    /**
     * The id named by a top-level {@code Id = '…'} (alone or inside a top-level AND), so the query reads
     * one record instead of scanning: preflight and REST lookups by id stay O(1) on big orgs. The full
     * filter still runs on that record.
     */
    private static String keyLookup(SObjectType type, Ast.Condition where) {
        if (where instanceof Ast.Compare c && c.op().equals("=") && c.value() instanceof Ast.StringLit s
                && (c.field().text().equalsIgnoreCase("Id") || c.field().text().equalsIgnoreCase(type.name() + ".Id"))) {
            return Ids.normalize(s.value()).orElse(null);
        }
        if (where instanceof Ast.Junction j && j.and()) {
            for (Ast.Condition part : j.parts()) {
                String id = keyLookup(type, part);
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    private void addColumn(List<Column> columns, Set<String> headers, Column column, int offset) {
        if (!headers.add(column.header().toLowerCase(Locale.ROOT))) {
            throw errors.at(offset, QueryErrors.MALFORMED_QUERY, "duplicate field selected: " + column.header());
        }
        columns.add(column);
    }

    /** A synthetic INT field holding one aggregate value in the AggregateResult row. */
    private static FieldDef slot(String alias, int index) {
        return new FieldDef(alias, alias, FieldType.INT, 0, 9, 0, false, true, false, true, false, false, false,
                false, false, false, false, List.of(), null, List.of(), false, index);
    }

    /**
     * Nulls first unless NULLS LAST (ascending and descending alike); text case-insensitively, other values
     * in their natural order. Ties keep store order (the sort is stable).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Record> comparator(Resolved field, Ast.OrderItem item) {
        ValueAccessor accessor = field.accessor();
        FieldType type = field.leaf().type();
        Comparator values = type.isText() && type != FieldType.ID && type != FieldType.REFERENCE
                ? String.CASE_INSENSITIVE_ORDER
                : Comparator.naturalOrder();
        Comparator directed = item.descending() ? values.reversed() : values;
        boolean nullsLast = item.nullsLast();
        return (a, b) -> {
            Object x = accessor.get(a);
            Object y = accessor.get(b);
            if (x == null || y == null) {
                if (x == y) {
                    return 0;
                }
                return (x == null) == nullsLast ? 1 : -1;
            }
            return directed.compare(x, y);
        };
    }
}
