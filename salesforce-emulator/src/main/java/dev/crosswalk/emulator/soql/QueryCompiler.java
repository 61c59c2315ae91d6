package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.ChildRelationships;
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
 * reports problems (Bulk restrictions, object, SELECT list and GROUP BY, WHERE, ORDER BY, OFFSET), and
 * builds the {@link CompiledQuery}.
 */
final class QueryCompiler {
    static final int MAX_OFFSET = 2000;
    /** The largest LIMIT of an activity subquery for a user without View All Data (Salesforce: 499 or fewer). */
    static final int MAX_ACTIVITY_ROWS = 499;

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
        this.filters = new FilterCompiler(paths, errors, today, sub -> compile(sub, false, false));
    }

    CompiledQuery compileTopLevel(Ast.Query query) {
        if (options.bulk()) {
            checkBulkRestrictions(query);
        }
        return compile(query, options.includeDeleted(), true);
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
            if (item instanceof Ast.FieldsItem) {
                throw QueryErrors.bulk("FIELDS() is not supported in Bulk API 2.0 query jobs");
            }
            if (item instanceof Ast.SubQuery) {
                throw QueryErrors.bulk("Parent-to-child relationship subqueries are not supported in Bulk API 2.0 query jobs");
            }
        }
        if (!query.groupBy().isEmpty()) {
            throw QueryErrors.bulk("GROUP BY is not supported in Bulk API 2.0 query jobs");
        }
        if (query.offset() != null) {
            throw QueryErrors.bulk("OFFSET is not supported in Bulk API 2.0 query jobs");
        }
    }

    private CompiledQuery compile(Ast.Query query, boolean includeDeleted, boolean subqueriesAllowed) {
        if (ActivityRelationships.isView(query.from().text()) && org.type(query.from().text()).isEmpty()) {
            throw errors.at(query.from().offset(), "INVALID_TYPE_FOR_OPERATION",
                    "entity type " + query.from().text() + " does not support query");
        }
        SObjectType type = org.type(query.from().text())
                .filter(access::canReadObject)
                .orElseThrow(() -> errors.unsupportedType(query.from().offset(), query.from().text()));
        return compile(type, query, includeDeleted, subqueriesAllowed);
    }

    private CompiledQuery compile(SObjectType type, Ast.Query query, boolean includeDeleted, boolean subqueriesAllowed) {
        List<Subquery> subqueries = new ArrayList<>();
        Set<String> relationships = new HashSet<>();

        boolean count = query.select().stream().anyMatch(i -> i instanceof Ast.CountAll);
        boolean aggregate = !query.groupBy().isEmpty() || query.select().stream().anyMatch(i -> i instanceof Ast.Aggregate);
        List<Column> columns = new ArrayList<>();
        Comparator<Record> order = null;
        Aggregation aggregation = null;
        if ((count || aggregate) && query.select().stream().anyMatch(i -> i instanceof Ast.SubQuery)) {
            Ast.SubQuery sub = (Ast.SubQuery) query.select().stream().filter(i -> i instanceof Ast.SubQuery).findFirst().get();
            throw errors.at(sub.offset(), QueryErrors.MALFORMED_QUERY,
                    "parent-to-child subqueries cannot be combined with COUNT(), aggregate functions or GROUP BY");
        }
        if (count) {
            checkCount(query);
        } else if (aggregate) {
            aggregation = aggregation(type, query, columns);
        } else {
            Set<String> headers = new HashSet<>();
            for (SelectItem item : query.select()) {
                if (item instanceof Ast.FieldsItem fields) {
                    expandFields(type, fields, query, columns, headers);
                    continue;
                }
                if (item instanceof Ast.SubQuery sub) {
                    if (!subqueriesAllowed) {
                        throw errors.at(sub.offset(), QueryErrors.MALFORMED_QUERY,
                                "parent-to-child subqueries are only allowed in the outer SELECT list");
                    }
                    Subquery compiled = subquery(type, sub, columns.size(), includeDeleted, query);
                    if (!relationships.add(compiled.relationshipName().toLowerCase(Locale.ROOT))) {
                        throw errors.at(sub.offset(), QueryErrors.MALFORMED_QUERY,
                                "duplicate relationship selected: " + compiled.relationshipName());
                    }
                    subqueries.add(compiled);
                    continue;
                }
                Ast.FieldItem f = (Ast.FieldItem) item;
                Resolved resolved = paths.field(type, f.name());
                addColumn(columns, headers, new Column(resolved.header(), resolved.relationshipNames(), resolved.leaf(),
                        resolved.leafType(), false, resolved.accessor()), f.name().offset());
            }
        }

        Filter filter = query.where() == null ? null : filters.compile(type, query.where());

        if (!count && !aggregate) {
            for (Ast.OrderItem item : query.orderBy()) {
                if (item.function() != null) {
                    throw errors.at(item.field().offset(), QueryErrors.MALFORMED_QUERY,
                            "Ordered field must be grouped or aggregated: " + item.field().text());
                }
                Resolved field = paths.field(type, item.field());
                Comparator<Record> next = comparator(field.accessor(), field.leaf().type(), item);
                order = order == null ? next : order.thenComparing(next);
            }
        }

        if (query.offset() != null && query.offset() > MAX_OFFSET) {
            throw errors.at(query.offsetPosition(), QueryErrors.NUMBER_OUTSIDE_VALID_RANGE,
                    "Maximum SOQL offset allowed is " + MAX_OFFSET);
        }
        return new CompiledQuery(type, org.store(type), columns, count, aggregation, filter, order, query.limit(),
                query.offset(), includeDeleted, paths, keyLookup(type, query.where()), subqueries);
    }

    /**
     * {@code (SELECT … FROM Contacts …)}: FROM names a child relationship of {@code parent}, resolved
     * against the schema and the caller's access (an unreadable child object or lookup is a relationship
     * that does not exist). The child query supports what a plain query does except COUNT, aggregates and
     * further subqueries.
     */
    private Subquery subquery(SObjectType parent, Ast.SubQuery sub, int position, boolean includeDeleted, Ast.Query outer) {
        Ast.Query q = sub.query();
        String name = q.from().text();
        var view = ActivityRelationships.find(org, parent, name);
        if (view.isPresent()) {
            return activitySubquery(parent, sub, position, includeDeleted, outer, view.get());
        }
        ChildRelationships.Relationship rel = ChildRelationships.find(org, parent, name)
                .filter(r -> access.canReadObject(r.child()) && access.canReadField(r.child(), r.lookup()))
                .orElseThrow(() -> errors.at(q.from().offset(), QueryErrors.INVALID_TYPE,
                        "Didn't understand relationship '" + name + "' in FROM part of query call. If you are attempting"
                                + " to use a custom relationship, be sure to append the '__r' after the custom relationship"
                                + " name. Please reference your WSDL or the describe call for the appropriate names."));
        for (SelectItem item : q.select()) {
            if (item instanceof Ast.CountAll || item instanceof Ast.Aggregate) {
                throw errors.at(sub.offset(), QueryErrors.MALFORMED_QUERY,
                        "aggregate functions are not supported in parent-to-child subqueries");
            }
        }
        if (!q.groupBy().isEmpty()) {
            throw errors.at(q.groupBy().get(0).offset(), QueryErrors.MALFORMED_QUERY,
                    "GROUP BY is not supported in parent-to-child subqueries");
        }
        CompiledQuery child = compile(rel.child(), q, includeDeleted, false);
        return new Subquery(rel.name(), position, rel.lookup(), child);
    }

    /**
     * {@code (SELECT … FROM ActivityHistories …)} / {@code OpenActivities}: the parent's Tasks and Events
     * as a read-only view. Needs read access on Task or Event; without View All Data Salesforce allows it
     * only for one parent record (the outer WHERE names an Id), without WHERE, and with a LIMIT of at most
     * 499. Without ORDER BY the rows come in Salesforce's order for the view.
     */
    private Subquery activitySubquery(SObjectType parent, Ast.SubQuery sub, int position, boolean includeDeleted,
            Ast.Query outer, dev.crosswalk.emulator.model.StandardObjects.VirtualObject view) {
        Ast.Query q = sub.query();
        boolean readable = org.type("Task").filter(access::canReadObject).isPresent()
                || org.type("Event").filter(access::canReadObject).isPresent();
        if (!readable) {
            throw errors.at(q.from().offset(), QueryErrors.INVALID_TYPE, "Didn't understand relationship '"
                    + q.from().text() + "' in FROM part of query call. If you are attempting to use a custom relationship,"
                    + " be sure to append the '__r' after the custom relationship name. Please reference your WSDL or"
                    + " the describe call for the appropriate names.");
        }
        for (SelectItem item : q.select()) {
            if (item instanceof Ast.CountAll || item instanceof Ast.Aggregate) {
                throw errors.at(sub.offset(), QueryErrors.MALFORMED_QUERY,
                        "aggregate functions are not supported in parent-to-child subqueries");
            }
        }
        if (!access.viewAllData()) {
            String restriction = "Implementation restriction: activity aggregate relationships only allow security"
                    + " evaluation for non-admin users when ";
            if (keyLookup(parent, outer.where()) == null) {
                throw errors.at(sub.offset(), QueryErrors.MALFORMED_QUERY, restriction + "a single parent record is evaluated");
            }
            if (q.where() != null) {
                throw errors.at(sub.offset(), QueryErrors.MALFORMED_QUERY, restriction + "no WHERE clause is specified");
            }
            if (q.limit() == null || q.limit() > MAX_ACTIVITY_ROWS) {
                throw errors.at(sub.offset(), QueryErrors.MALFORMED_QUERY,
                        restriction + "LIMIT is specified and at most " + MAX_ACTIVITY_ROWS);
            }
        }
        // The view is not an org object: its fields are readable wherever the activities are.
        QueryAccess viewAccess = new QueryAccess() {
            @Override
            public boolean canReadObject(SObjectType type) {
                return type == view.type() || access.canReadObject(type);
            }

            @Override
            public boolean canReadField(SObjectType type, FieldDef field) {
                return type == view.type() || access.canReadField(type, field);
            }

            @Override
            public boolean viewAllData() {
                return access.viewAllData();
            }
        };
        CompiledQuery child = new QueryCompiler(org, viewAccess, options, errors).compile(view.type(), q, includeDeleted, false);
        return new Subquery(view.relationshipName(), position, child, parentIds -> child.childrenFrom(
                ActivityRelationships.rows(org, view, parentIds), ActivityRelationships.defaultOrder(view)));
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

    /**
     * {@code FIELDS(ALL|STANDARD|CUSTOM)}: the readable fields of the object in schema order (hidden ones are
     * left out silently, as describe would). ALL and CUSTOM need {@code LIMIT} of at most 200, as in Salesforce;
     * fields also named explicitly are listed once.
     */
    private void expandFields(SObjectType type, Ast.FieldsItem fields, Ast.Query query, List<Column> columns,
            Set<String> headers) {
        if (!fields.kind().equals("STANDARD") && (query.limit() == null || query.limit() > 200)) {
            throw errors.at(fields.offset(), QueryErrors.MALFORMED_QUERY,
                    "The SOQL FIELDS function must have a LIMIT of at most 200");
        }
        for (FieldDef f : type.fields()) {
            boolean wanted = switch (fields.kind()) {
                case "CUSTOM" -> f.custom();
                case "STANDARD" -> !f.custom();
                default -> true;
            };
            if (wanted && access.canReadField(type, f) && headers.add(f.name().toLowerCase(Locale.ROOT))) {
                columns.add(new Column(f.name(), List.of(), f, type, false, PathResolver.fieldAccessor(type, f)));
            }
        }
    }

    private void checkCount(Ast.Query query) {
        for (SelectItem item : query.select()) {
            if (item instanceof Ast.CountAll c && query.select().size() > 1) {
                throw errors.at(c.offset(), QueryErrors.MALFORMED_QUERY, "COUNT() must be the only element in the SELECT list");
            }
        }
        if (!query.groupBy().isEmpty()) {
            throw errors.at(query.groupBy().get(0).offset(), QueryErrors.MALFORMED_QUERY,
                    "GROUP BY is not allowed in a COUNT() query");
        }
        if (!query.orderBy().isEmpty()) {
            throw errors.at(query.orderBy().get(0).field().offset(), QueryErrors.MALFORMED_QUERY,
                    "ORDER BY is not allowed in a COUNT() query");
        }
    }

    /**
     * GROUP BY and aggregate functions. Selected plain fields must be grouped; grouped parent fields are
     * keyed by their own name ({@code Owner.Name} → {@code Name}) as in Salesforce's AggregateResult;
     * aggregates without alias are {@code expr0}, {@code expr1}… ORDER BY may name grouped fields and
     * aggregate functions, selected or not (unselected ones get hidden slots).
     */
    private Aggregation aggregation(SObjectType type, Ast.Query query, List<Column> columns) {
        List<Resolved> groups = new ArrayList<>();
        for (Ast.Name name : query.groupBy()) {
            Resolved g = paths.field(type, name);
            switch (g.leaf().type()) {
                case TEXTAREA, MULTIPICKLIST, DOUBLE, CURRENCY, PERCENT -> throw errors.at(name.offset(),
                        QueryErrors.INVALID_FIELD, "field '" + g.leaf().name() + "' can not be grouped in a query call");
                default -> groups.add(g);
            }
        }
        List<Aggregation.Output> outputs = new ArrayList<>();
        List<String> outputKeys = new ArrayList<>(); // "FUNCTION:path" per output, to find ORDER BY targets
        Set<String> headers = new HashSet<>();
        int unaliased = 0;
        for (SelectItem item : query.select()) {
            if (item instanceof Ast.FieldItem f) {
                Resolved r = paths.field(type, f.name());
                if (indexOf(groups, r) < 0) {
                    throw errors.at(f.name().offset(), QueryErrors.MALFORMED_QUERY,
                            "Field must be grouped or aggregated: " + f.name().text());
                }
                FieldDef slot = slot(r.leaf().name(), r.leaf().type(), outputs.size());
                outputs.add(new Aggregation.Output(slot, Aggregation.Function.GROUPED, r.accessor(), null));
                outputKeys.add(outputKey(Aggregation.Function.GROUPED, r));
                addColumn(columns, headers, new Column(slot.name(), List.of(), slot, r.leafType(), false, row -> row.get(slot)),
                        f.name().offset());
            } else if (item instanceof Ast.FieldsItem fields) {
                throw errors.at(fields.offset(), QueryErrors.MALFORMED_QUERY, "FIELDS() cannot be used in an aggregate query");
            } else if (item instanceof Ast.Aggregate a) {
                String alias = a.alias() != null ? a.alias() : "expr" + unaliased++;
                Aggregation.Output out = aggregateOutput(type, a.function(), a.field(), a.offset(), alias, outputs.size());
                outputs.add(out);
                outputKeys.add(outputKey(out.function(), paths.field(type, a.field())));
                FieldDef slot = out.slot();
                addColumn(columns, headers, new Column(alias, List.of(), slot, null, true, row -> row.get(slot)), a.offset());
            }
        }
        Comparator<Record> order = null;
        for (Ast.OrderItem item : query.orderBy()) {
            Resolved r = paths.field(type, item.field());
            Aggregation.Function function = item.function() == null
                    ? Aggregation.Function.GROUPED : Aggregation.Function.valueOf(item.function());
            if (function == Aggregation.Function.GROUPED && indexOf(groups, r) < 0) {
                throw errors.at(item.field().offset(), QueryErrors.MALFORMED_QUERY,
                        "Ordered field must be grouped or aggregated: " + item.field().text());
            }
            int existing = outputKeys.indexOf(outputKey(function, r));
            Aggregation.Output out = existing >= 0 ? outputs.get(existing) : null;
            if (out == null) {
                out = function == Aggregation.Function.GROUPED
                        ? new Aggregation.Output(slot(r.leaf().name(), r.leaf().type(), outputs.size()), function, r.accessor(), null)
                        : aggregateOutput(type, item.function(), item.field(), item.field().offset(), "order" + outputs.size(),
                                outputs.size());
                outputs.add(out);
                outputKeys.add(outputKey(function, r));
            }
            FieldDef slot = out.slot();
            Comparator<Record> next = comparator(row -> row.get(slot), slot.type(), item);
            order = order == null ? next : order.thenComparing(next);
        }
        List<ValueAccessor> keys = groups.stream().map(Resolved::accessor).toList();
        return new Aggregation(keys, outputs, order);
    }

    private Aggregation.Output aggregateOutput(SObjectType type, String functionName, Ast.Name fieldName, int offset,
            String alias, int index) {
        Aggregation.Function function = Aggregation.Function.valueOf(functionName);
        Resolved r = paths.field(type, fieldName);
        FieldType t = r.leaf().type();
        boolean supported = switch (function) {
            case SUM, AVG -> t.isNumeric();
            case MIN, MAX -> t != FieldType.BOOLEAN && t != FieldType.MULTIPICKLIST && t != FieldType.TEXTAREA;
            default -> t != FieldType.MULTIPICKLIST && t != FieldType.TEXTAREA;
        };
        if (!supported) {
            throw errors.at(offset, QueryErrors.MALFORMED_QUERY,
                    "field " + r.leaf().name() + " does not support aggregate operator " + functionName);
        }
        FieldType resultType = switch (function) {
            case COUNT, COUNT_DISTINCT -> FieldType.INT;
            case SUM -> t == FieldType.INT ? FieldType.INT : FieldType.DOUBLE;
            case AVG -> FieldType.DOUBLE;
            default -> t;
        };
        boolean countsRows = function == Aggregation.Function.COUNT && r.relationshipNames().isEmpty()
                && t == FieldType.ID;
        return new Aggregation.Output(slot(alias, resultType, index), function, countsRows ? null : r.accessor(),
                valueOrder(t));
    }

    private static String outputKey(Aggregation.Function function, Resolved r) {
        return function + ":" + r.header().toLowerCase(Locale.ROOT);
    }

    private static int indexOf(List<Resolved> groups, Resolved r) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).header().equalsIgnoreCase(r.header())) {
                return i;
            }
        }
        return -1;
    }

    /** A synthetic field holding one value of an AggregateResult row. */
    private static FieldDef slot(String name, FieldType type, int index) {
        return new FieldDef(name, name, type, 0, 0, 0, false, true, false, true, false, false, false,
                false, false, false, false, List.of(), null, List.of(), false, index, null, false);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> valueOrder(FieldType type) {
        return type.isText() && type != FieldType.ID && type != FieldType.REFERENCE
                ? (Comparator) String.CASE_INSENSITIVE_ORDER
                : (Comparator) Comparator.naturalOrder();
    }

    /**
     * Nulls first unless NULLS LAST (ascending and descending alike); text case-insensitively, other values
     * in their natural order. Ties keep store order (the sort is stable).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Record> comparator(ValueAccessor accessor, FieldType type, Ast.OrderItem item) {
        Comparator values = valueOrder(type);
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
