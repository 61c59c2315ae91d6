package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.FieldType;
import dev.crosswalk.emulator.soql.Column;
import dev.crosswalk.emulator.soql.PreparedQuery;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /query?q=…&columns=true}: the columns a query would return, without running it. The
 * Salesforce CLI ({@code sf data query}) asks for this after every query to lay out its table.
 * Parent fields are grouped under their relationship ({@code Owner} with {@code joinColumns}
 * {@code Name}), like the nested objects of the records.
 */
final class QueryColumns {
    private QueryColumns() {
    }

    static ObjectNode describe(PreparedQuery q) {
        ObjectNode n = Json.object();
        ArrayNode columns = n.putArray("columnMetadata");
        for (Column c : q.columns()) {
            if (c.isAggregate()) {
                ObjectNode a = column(c.header(), c.header(), c.field());
                a.put("aggregate", true);
                columns.add(a);
            } else {
                add(columns, c, 0);
            }
        }
        n.put("entityName", q.type().name());
        n.put("groupBy", q.isAggregate() && q.columns().stream().anyMatch(c -> !c.isAggregate()));
        n.put("idSelected", q.columns().stream().anyMatch(c -> !c.isAggregate() && c.relationshipPath().isEmpty()
                && c.field().type() == FieldType.ID));
        n.put("keyPrefix", q.type().keyPrefix());
        return n;
    }

    /** Adds a column at relationship depth {@code depth}, reusing the node of a relationship already listed. */
    private static void add(ArrayNode siblings, Column c, int depth) {
        List<String> rels = c.relationshipPath();
        if (depth == rels.size()) {
            siblings.add(column(c.field().name(), String.join(".", c.path()), c.field()));
            return;
        }
        String rel = rels.get(depth);
        ObjectNode node = null;
        for (var existing : siblings) {
            if (existing.get("joinColumns").size() > 0
                    && existing.get("columnName").asString().toLowerCase(Locale.ROOT).equals(rel.toLowerCase(Locale.ROOT))) {
                node = (ObjectNode) existing;
            }
        }
        if (node == null) {
            node = relationship(rel, String.join(".", rels.subList(0, depth + 1)));
            siblings.add(node);
        }
        add((ArrayNode) node.get("joinColumns"), c, depth + 1);
    }

    private static ObjectNode relationship(String name, String displayName) {
        ObjectNode n = Json.object();
        n.put("aggregate", false);
        n.putNull("apexType");
        n.put("booleanType", false);
        n.put("columnName", name);
        n.put("custom", name.endsWith("__r"));
        n.put("displayName", displayName);
        n.putNull("foreignKeyName");
        n.put("insertable", false);
        n.putArray("joinColumns");
        n.put("numberType", false);
        n.put("textType", false);
        n.put("updatable", false);
        return n;
    }

    private static ObjectNode column(String name, String displayName, FieldDef f) {
        FieldType t = f.type();
        boolean writable = !f.system() && f.updateable();
        ObjectNode n = Json.object();
        n.put("aggregate", false);
        n.put("apexType", apexType(t));
        n.put("booleanType", t == FieldType.BOOLEAN);
        n.put("columnName", name);
        n.put("custom", f.custom());
        n.put("displayName", displayName);
        n.putNull("foreignKeyName");
        n.put("insertable", writable);
        n.putArray("joinColumns");
        n.put("numberType", t.isNumeric());
        n.put("textType", t.isText() && t != FieldType.ID && t != FieldType.REFERENCE);
        n.put("updatable", writable);
        return n;
    }

    private static String apexType(FieldType t) {
        return switch (t) {
            case ID, REFERENCE -> "Id";
            case BOOLEAN -> "Boolean";
            case INT -> "Integer";
            case DOUBLE, PERCENT -> "Double";
            case CURRENCY -> "Decimal";
            case DATE -> "Date";
            case DATETIME -> "Datetime";
            default -> "String";
        };
    }
}
