package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.List;

/**
 * A parsed and validated query, ready to run any number of times. Obtained from
 * {@link SoqlEngine#prepare}. All names are already resolved to schema definitions and access has been
 * checked, so running it cannot fail with a query error.
 *
 * <p>Threading: {@link #execute()}, {@link #count()}, {@link #value} and {@link #parent} read the
 * org's stores; the caller holds the org's read lock ({@code org.read(...)}) around them and around
 * any use of the returned records. A prepared query itself is immutable and may be shared.
 *
 * <p>Result shapes:
 * <ul>
 *   <li>Plain query: {@link #execute()} returns the stored records (references, not copies) that match,
 *       sorted by ORDER BY (insertion order without one), after OFFSET and LIMIT.</li>
 *   <li>{@code SELECT COUNT()} ({@link #isCount()}): {@link #execute()} returns an empty list, {@link #count()}
 *       is the REST {@code totalSize}.</li>
 *   <li>Aggregate query ({@link #isAggregate()}: {@code SELECT COUNT(Id), MAX(Name) x …} or any GROUP BY):
 *       {@link #execute()} returns synthetic rows (id {@code null}, type {@code AggregateResult} when rendered),
 *       one per group, or exactly one without GROUP BY; every column value is read through {@link #value}
 *       (COUNT → Integer, SUM of an int field → Integer, SUM/AVG otherwise → Double, MIN/MAX → the field's type,
 *       grouped fields → their value). ORDER BY, OFFSET and LIMIT apply to these rows.</li>
 * </ul>
 */
public interface PreparedQuery {

    /** The queried object (FROM). */
    SObjectType type();

    /** The SELECT items in order; empty for {@code COUNT()}. */
    List<Column> columns();

    /** Parent-to-child subqueries of the SELECT list, in SELECT order; empty for most queries. */
    default List<Subquery> subqueries() {
        return List.of();
    }

    /** {@code SELECT COUNT()}: the answer is {@link #count()}, there are no rows. */
    boolean isCount();

    /** Aggregate functions or GROUP BY: rows are {@code AggregateResult}s keyed by {@link Column#header()}. */
    boolean isAggregate();

    /** Runs the query. See the class comment for what the rows are. Caller holds the org's read lock. */
    List<Record> execute();

    /**
     * Number of rows the query yields, honouring OFFSET and LIMIT like Salesforce's {@code totalSize}
     * ({@code SELECT COUNT() … LIMIT 5} is at most 5), without sorting or materializing the rows.
     * For an aggregate query: the number of AggregateResult rows. Caller holds the org's read lock.
     */
    int count();

    /**
     * The value of a column for a row of this query: the record's own field, or a parent's field
     * reached through lookups ({@code Owner.Name}); {@code null} when any lookup on the way is empty.
     * Java types as stored (String, Boolean, Integer, Double, LocalDate, Instant); the Id field
     * yields {@link Record#id()}.
     */
    Object value(Record record, Column column);

    /**
     * The parent record reached from {@code record} through relationship names, e.g. {@code [Owner]} or
     * {@code [CreatedBy, Profile]}, for rendering nested parent objects; {@code null} when a lookup on
     * the way is empty or points to a missing record. Its type is {@code org.typeForId(parent.id())}.
     * Names are case-insensitive; prefixes of the SELECT list's paths are resolved in advance.
     *
     * @throws IllegalArgumentException if the names are not a (readable) relationship path from {@link #type()}
     */
    Record parent(Record record, List<String> relationshipPath);
}
