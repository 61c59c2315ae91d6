package dev.crosswalk.emulator.soql;

/**
 * Builds {@link SoqlException}s in Salesforce's query-error shape:
 * {@code \n<line of the query>\n<spaces>^\nERROR at Row:r:Column:c\n<text>}, where the caret sits under
 * the offending token and row/column are 1-based.
 */
final class QueryErrors {
    static final String MALFORMED_QUERY = "MALFORMED_QUERY";
    static final String INVALID_TYPE = "INVALID_TYPE";
    static final String INVALID_FIELD = "INVALID_FIELD";
    static final String INVALID_QUERY_FILTER_OPERATOR = "INVALID_QUERY_FILTER_OPERATOR";
    static final String NUMBER_OUTSIDE_VALID_RANGE = "NUMBER_OUTSIDE_VALID_RANGE";
    /** Bulk API 2.0 refuses the query shape (COUNT(), aggregates, OFFSET) at job creation. */
    static final String API_ERROR = "API_ERROR";

    private final String source;

    QueryErrors(String source) {
        this.source = source;
    }

    SoqlException at(int offset, String errorCode, String text) {
        int lineStart = 0;
        int row = 1;
        int safe = Math.max(0, Math.min(offset, source.length()));
        for (int i = 0; i < safe; i++) {
            if (source.charAt(i) == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        int lineEnd = source.indexOf('\n', lineStart);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        int column = safe - lineStart + 1;
        String message = "\n" + line + "\n" + " ".repeat(column - 1) + "^\nERROR at Row:" + row + ":Column:" + column
                + "\n" + text;
        return new SoqlException(errorCode, message, row, column);
    }

    SoqlException unexpected(Token token) {
        return at(token.offset(), MALFORMED_QUERY, "unexpected token: " + token.display());
    }

    static SoqlException noSuchColumn(QueryErrors errors, int offset, String column, String entity) {
        return errors.at(offset, INVALID_FIELD, "No such column '" + column + "' on entity '" + entity + "'. "
                + "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. "
                + "Please reference your WSDL or the describe call for the appropriate names.");
    }

    SoqlException noSuchRelationship(int offset, String relationship) {
        return at(offset, INVALID_FIELD, "Didn't understand relationship '" + relationship + "' in field path. "
                + "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom "
                + "relationship name. Please reference your WSDL or the describe call for the appropriate names.");
    }

    SoqlException unsupportedType(int offset, String name) {
        return at(offset, INVALID_TYPE, "sObject type '" + name + "' is not supported. If you are attempting to use a "
                + "custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the "
                + "describe call for the appropriate names.");
    }

    static SoqlException bulk(String text) {
        return new SoqlException(API_ERROR, text);
    }
}
