package dev.crosswalk.emulator.soql;

/**
 * How a query is run.
 *
 * @param includeDeleted {@code queryAll}: rows in the recycle bin ({@code IsDeleted = true}) are returned too;
 *                       without it they never are, even with {@code WHERE IsDeleted = true}
 * @param bulk           Bulk API 2.0 restrictions apply: {@code COUNT()}, aggregate functions and
 *                       {@code OFFSET} are refused with {@code API_ERROR}
 */
public record QueryOptions(boolean includeDeleted, boolean bulk) {

    /** REST {@code /query}. */
    public static final QueryOptions QUERY = new QueryOptions(false, false);
    /** REST {@code /queryAll}. */
    public static final QueryOptions QUERY_ALL = new QueryOptions(true, false);
    /** Bulk API 2.0 job with {@code operation = query}. */
    public static final QueryOptions BULK_QUERY = new QueryOptions(false, true);
    /** Bulk API 2.0 job with {@code operation = queryAll}. */
    public static final QueryOptions BULK_QUERY_ALL = new QueryOptions(true, true);
}
