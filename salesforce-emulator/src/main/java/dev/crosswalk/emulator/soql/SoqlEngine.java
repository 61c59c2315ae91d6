package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.Org;
import java.util.Objects;

/**
 * The emulator's SOQL engine: parses, validates and compiles a query for one org into a
 * {@link PreparedQuery} that the REST ({@code /query}, {@code /queryAll}) and Bulk API 2.0 layers run
 * and render. Stateless and thread-safe; one instance can serve every org.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * PreparedQuery q = engine.prepare(org, access, soql, QueryOptions.QUERY);   // throws SoqlException
 * org.read(() -> {
 *     List<Record> rows = q.execute();        // stored records, filtered, sorted, OFFSET/LIMIT applied
 *     for (Record r : rows) for (Column c : q.columns()) render(c.header(), q.value(r, c));
 *     return null;
 * });
 * }</pre>
 *
 * <h2>Supported SOQL</h2>
 * <ul>
 *   <li>{@code SELECT}: fields and parent paths of any depth ({@code Owner.Name}, {@code CreatedBy.Profile.Name},
 *       custom {@code Foo__r.Name}); {@code COUNT()} alone; {@code COUNT COUNT_DISTINCT MIN MAX SUM AVG (field)
 *       [alias]} with optional {@code GROUP BY} (AggregateResult rows, aliases {@code expr0}…);
 *       {@code FIELDS(ALL|STANDARD|CUSTOM)} (readable fields only; ALL and CUSTOM need LIMIT ≤ 200).</li>
 *   <li>Parent-to-child subqueries in the outer SELECT list, {@code (SELECT Id, Name FROM Contacts WHERE … ORDER BY …
 *       LIMIT n)}: FROM names a child relationship (standard names such as {@code Contacts}, {@code Opportunities},
 *       or a custom lookup's {@code Children__r}); WHERE, ORDER BY, LIMIT and OFFSET apply per parent
 *       ({@link PreparedQuery#subqueries()}). Not nested, not with COUNT/aggregates, not in Bulk jobs.</li>
 *   <li>{@code FROM} one object.</li>
 *   <li>{@code WHERE}: {@code = != <> < <= > >= LIKE IN NOT IN INCLUDES EXCLUDES}, {@code AND OR NOT} and
 *       parentheses (mixing AND and OR needs parentheses, as in Salesforce), semi-joins
 *       {@code field [NOT] IN (SELECT idField FROM …)}; literals null, booleans, numbers, strings with escapes,
 *       dates, datetimes, relative dates ({@code TODAY}, {@code LAST_N_DAYS:n}…, in UTC).</li>
 *   <li>{@code ORDER BY} items with {@code ASC|DESC NULLS FIRST|LAST} (aggregate functions too in aggregate
 *       queries); {@code LIMIT}; {@code OFFSET} (max 2000).</li>
 *   <li>{@code WITH …}, {@code USING SCOPE …} and {@code FOR VIEW|REFERENCE|UPDATE} are accepted and ignored.</li>
 *   <li>Not supported (MALFORMED_QUERY saying so): HAVING, GROUP BY ROLLUP/CUBE, nested subqueries,
 *       TYPEOF, date and other functions.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * {@link SoqlException#errorCode()}: {@code MALFORMED_QUERY} (syntax), {@code INVALID_TYPE} (unknown or
 * unreadable object), {@code INVALID_FIELD} (unknown or FLS-hidden field or relationship, literal of the
 * wrong type for the field), {@code INVALID_QUERY_FILTER_OPERATOR} (operator not valid for the field type,
 * malformed id literal), {@code NUMBER_OUTSIDE_VALID_RANGE} (OFFSET above 2000). With
 * {@link QueryOptions#bulk()}: {@code API_ERROR} for COUNT(), aggregate functions, GROUP BY, FIELDS() and
 * OFFSET, which Bulk API 2.0 refuses at job creation (HTTP 400). Messages carry Salesforce's
 * {@code \n<query line>\n<caret>\nERROR at Row:r:Column:c\n<text>} prefix except for the Bulk ones.
 */
public final class SoqlEngine {

    public SoqlEngine() {
    }

    /**
     * Parses and validates {@code soql} for {@code org} as seen through {@code access}. Reads only the
     * schema, not records, so no lock is needed; the returned query is executed under the org's read lock.
     *
     * @throws SoqlException when Salesforce would reject the query
     */
    public PreparedQuery prepare(Org org, QueryAccess access, String soql, QueryOptions options) {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(soql, "soql");
        QueryOptions effective = options == null ? QueryOptions.QUERY : options;
        QueryErrors errors = new QueryErrors(soql);
        Ast.Query query = Parser.parse(soql, errors);
        return new QueryCompiler(org, access, effective, errors).compileTopLevel(query);
    }
}
