package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.security.PermissionService;
import dev.crosswalk.emulator.soql.Column;
import dev.crosswalk.emulator.soql.PreparedQuery;
import dev.crosswalk.emulator.soql.QueryAccess;
import dev.crosswalk.emulator.soql.QueryOptions;
import dev.crosswalk.emulator.soql.SoqlEngine;
import dev.crosswalk.emulator.soql.SoqlException;
import java.util.List;

/**
 * Query plans from the emulator's SOQL engine, with the same parser and permission checks as REST
 * {@code /query}. A query Salesforce refuses is refused at job creation with HTTP 400 and the SOQL
 * error's own code ({@code INVALID_FIELD}, {@code MALFORMED_QUERY}, {@code API_ERROR} for what Bulk
 * API 2.0 does not support…), as Salesforce does, rather than creating a job that then fails.
 */
final class SoqlQueryPlanner implements QueryPlanner {
    private final SoqlEngine engine = new SoqlEngine();
    private final PermissionService permissions;

    SoqlQueryPlanner(PermissionService permissions) {
        this.permissions = permissions;
    }

    @Override
    public QueryPlan plan(Org org, String userId, String soql, boolean includeDeleted) {
        EffectiveAccess access = permissions.access(org, userId);
        QueryAccess queryAccess = new QueryAccess() {
            @Override
            public boolean canReadObject(SObjectType type) {
                return access.canRead(type);
            }

            @Override
            public boolean canReadField(SObjectType type, FieldDef field) {
                return access.canReadField(type, field);
            }

            @Override
            public boolean viewAllData() {
                return access.has("PermissionsViewAllData") || access.has("PermissionsModifyAllData");
            }
        };
        PreparedQuery query;
        try {
            query = engine.prepare(org, queryAccess, soql, new QueryOptions(includeDeleted, true));
        } catch (SoqlException e) {
            throw ApiException.badRequest(e.errorCode(), e.getMessage());
        }
        List<Column> columns = query.columns();
        List<String> headers = columns.stream().map(Column::header).toList();
        List<QueryPlan.CellReader> readers = columns.stream().map(c -> reader(query, c)).toList();
        return new QueryPlan() {
            @Override
            public String objectName() {
                return query.type().name();
            }

            @Override
            public List<String> headers() {
                return headers;
            }

            @Override
            public List<CellReader> readers() {
                return readers;
            }

            @Override
            public List<Record> execute() {
                return query.execute();
            }
        };
    }

    /** Own fields are read straight from the record's value array; parent paths go through the engine. */
    private static QueryPlan.CellReader reader(PreparedQuery query, Column column) {
        if (column.relationshipPath().isEmpty() && !column.isAggregate()) {
            FieldDef field = column.field();
            if (field.type() == FieldType.ID) {
                return Record::id;
            }
            return row -> row.get(field);
        }
        return row -> query.value(row, column);
    }
}
