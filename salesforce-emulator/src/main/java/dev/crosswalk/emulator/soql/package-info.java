/**
 * The emulator's SOQL engine. Public API: {@link dev.crosswalk.emulator.soql.SoqlEngine#prepare} →
 * {@link dev.crosswalk.emulator.soql.PreparedQuery} ({@code execute}, {@code count}, {@code value},
 * {@code parent}) with {@link dev.crosswalk.emulator.soql.Column}s; access through
 * {@link dev.crosswalk.emulator.soql.QueryAccess}; failures as
 * {@link dev.crosswalk.emulator.soql.SoqlException} carrying Salesforce's errorCode.
 *
 * <h2>Map</h2>
 * <ul>
 *   <li>{@code Lexer}, {@code Token}, {@code Parser}, {@code Ast}: text → syntax tree (hand-written, for
 *       Salesforce's {@code ERROR at Row:r:Column:c} messages built by {@code QueryErrors}).</li>
 *   <li>{@code QueryCompiler}: schema and access checks, builds {@code CompiledQuery}; uses
 *       {@code PathResolver} (field paths → per-row accessors), {@code FilterCompiler} (WHERE →
 *       {@code Filter}/{@code ValueTest}), {@code LikePattern}, {@code RelativeDates} and
 *       {@code Aggregation} (GROUP BY and aggregate functions).</li>
 * </ul>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 *   <li>Run {@code execute()}/{@code count()} and read the returned records under {@code org.read(...)}: rows
 *       are the stored records themselves, not copies.</li>
 *   <li>Without ORDER BY rows come in store (insertion) order; Salesforce promises no order, clients that
 *       page with OFFSET should add ORDER BY.</li>
 *   <li>{@code /query} never returns recycle-bin rows, not even for {@code WHERE IsDeleted = true};
 *       semi-join subqueries never see them, even under {@code queryAll}.</li>
 *   <li>{@code !=} and {@code NOT IN} match nulls; {@code ''} is null for text and id fields; an unset
 *       boolean is false.</li>
 *   <li>Relative dates are evaluated at prepare time from the org's clock, in UTC, weeks starting Sunday;
 *       a prepared query kept across midnight keeps its old "TODAY".</li>
 *   <li>AND and OR cannot be mixed without parentheses (a syntax error, as in Salesforce).</li>
 *   <li>{@code ActivityHistories} / {@code OpenActivities} rows are built per page from the Task and Event
 *       stores ({@code ActivityRelationships}); their types ({@code StandardObjects.virtualObjects()}) are shared
 *       by every org and never registered in one, so {@code org.store(viewType)} is null: never scan it.</li>
 * </ul>
 */
package dev.crosswalk.emulator.soql;
