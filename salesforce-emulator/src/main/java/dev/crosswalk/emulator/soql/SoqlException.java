package dev.crosswalk.emulator.soql;

/**
 * A query Salesforce would refuse, with the {@code errorCode} Salesforce returns
 * ({@code MALFORMED_QUERY}, {@code INVALID_TYPE}, {@code INVALID_FIELD},
 * {@code INVALID_QUERY_FILTER_OPERATOR}, {@code NUMBER_OUTSIDE_VALID_RANGE}, {@code API_ERROR} for
 * Bulk restrictions). The message is already in Salesforce's shape, including the
 * {@code \nSELECT ...\n     ^\nERROR at Row:1:Column:N\n...} prefix where Salesforce sends one, so the
 * REST layer maps it one to one onto {@code [{"message": ..., "errorCode": ...}]} with HTTP 400.
 *
 * <p>This type lives here rather than in {@code http/} so the engine has no dependency on the
 * server; the REST and Bulk layers translate it into their own error type.
 */
public final class SoqlException extends RuntimeException {
    private final String errorCode;
    private final int row;
    private final int column;

    public SoqlException(String errorCode, String message) {
        this(errorCode, message, 0, 0);
    }

    SoqlException(String errorCode, String message, int row, int column) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.row = row;
        this.column = column;
    }

    /** Salesforce's errorCode, e.g. {@code INVALID_FIELD}. */
    public String errorCode() {
        return errorCode;
    }

    /** 1-based row of the offending token, 0 when the error has no position (Bulk restrictions). */
    public int row() {
        return row;
    }

    /** 1-based column of the offending token, 0 when the error has no position. */
    public int column() {
        return column;
    }
}
