package dev.crosswalk.emulator.data;

import tools.jackson.databind.JsonNode;

/**
 * A value a caller wants to write into one field, before it is checked and converted to the
 * field's Java type. REST sends JSON, Bulk API 2.0 sends CSV text: the two are coerced with
 * different rules and different error messages, so the source stays visible.
 */
public sealed interface FieldInput {

    /** A JSON value from a REST body ({@code null} included). */
    record Json(JsonNode node) implements FieldInput {
    }

    /** A non-empty CSV cell (empty cells mean "no change" and never become inputs). */
    record Text(String text) implements FieldInput {
    }

    /** Clears the field: CSV {@code #N/A}, or a Java caller's null. */
    record Null() implements FieldInput {
    }

    /**
     * A lookup set through the parent's identifying field instead of its id: JSON
     * {@code "Account": {"Ext__c": "A-1"}} or the CSV column {@code Account.Ext__c}.
     *
     * @param field the parent's field to match on (an external id, Id or another unique field)
     */
    record ParentRef(String field, FieldInput value) implements FieldInput {
    }

    /** Whether the input clears the field. */
    default boolean isNull() {
        return this instanceof Null || (this instanceof Json j && (j.node() == null || j.node().isNull()));
    }

    /** The input as plain text (for matching external ids), or null if it is null or structured. */
    default String asText() {
        if (this instanceof Text t) {
            return t.text();
        }
        if (this instanceof Json j) {
            return j.node() == null || j.node().isNull() || j.node().isContainer() ? null : j.node().asString();
        }
        return null;
    }
}
