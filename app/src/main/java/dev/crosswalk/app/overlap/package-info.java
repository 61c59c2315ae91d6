/**
 * Overlaps: the accounts two partners have in common, as far as each side shares them.
 *
 * <h2>Map</h2>
 * <ul>
 * <li>{@link dev.crosswalk.app.overlap.OverlapEngine}: record pairs per active partnership in
 *     {@code overlap_pair} (a = inviter, b = invitee, evidence DOMAIN or NAME, the matched key),
 *     computed set-based from {@code record_key}: full on acceptance and on a name-matching change,
 *     incremental in the after-sync stage {@code overlaps} ({@code OverlapStage}: only records whose
 *     {@code changed_at} is after the integration's {@code overlap_watermark.pairs_at}), cleared on
 *     revocation or decline ({@code PartnershipOverlaps}, which then queues both pipelines).
 * <li>{@link dev.crosswalk.app.overlap.OverlapReportService}: the matrix (my populations × the
 *     partner populations I may see), overlapping rows with exactly the shared fields, greenfield;
 *     each list is one "selection" (rules checked, shared fields, search, order) used by the page, the
 *     count and the CSV export ({@link dev.crosswalk.app.overlap.OverlapCsv}), so they cannot disagree.
 * <li>{@code ReportRules}: the one place deciding what a report may show, over
 *     {@link dev.crosswalk.app.partner.SharingPolicy}; the in-memory model in the tests goes through
 *     it too, and the never-leaks property runs 10,000 generated situations against it.
 * <li>{@link dev.crosswalk.app.overlap.OverlapTrend}: overlaps per partner now and per day in
 *     {@code overlap_snapshot} (the dashboard's trend), written by {@code OverlapTrendJobs}: an hourly
 *     db-scheduler task and after each completed pipeline; one row per organization, partner and day.
 * </ul>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>Pairs do not depend on populations: membership is joined in at read time, so editing a
 *     population never re-matches anything (and membership changes need no engine work).
 * <li>Reports check the partnership's status themselves; pairs of a revoked partnership are also
 *     deleted, but a report must never rely on that (the property test leaves stale pairs).
 * <li>A hidden partner population answers 404 (indistinguishable from one that does not exist);
 *     counts-only answers 403 for rows.
 * <li>Partner fields are projected inside PostgreSQL from a bound array of the allowed names; the
 *     partner's Salesforce ids never leave the database.
 * <li>Names match only with name matching on for <em>both</em> sides, and only where at least one
 *     record has no domain: two different domains are never overridden by equal names.
 * <li>Domains either organization declared as its own ({@code organization_domain}) are never an
 *     overlap between the two: that is the partner itself, not a shared account.
 * <li>A failure in the overlaps stage must propagate (never log and carry on): the pipeline then
 *     retries, shows MATCHING_FAILED, and leaves the runs' {@code matchedAt} empty.
 * <li>The engine's SQL is fixed text with bound parameters; pick among the prepared statements by
 *     side, never build one with {@code replace}.
 * <li>Lists answer at most {@code MAX_PAGE} (10,000) rows per page and refuse a larger {@code limit}
 *     with a 400: never silently fewer rows than asked (they used to stop at 500). All rows at once
 *     is the CSV export, read through a fetch-size cursor inside a read-only transaction (without
 *     the transaction the PostgreSQL driver reads the whole result into memory).
 * <li>The export checks everything before it opens the response, so a refusal is still a 4xx
 *     problem; searches match only shared values, and the greenfield is ordered by the partner's
 *     record only (an order by an unshared field would leak it).
 * <li>Overlap counts per partner (dashboard, trend) count only partner populations the partner lets
 *     the viewer see (counts only or more): a hidden population is not even a number.
 * <li>A full computation joins with {@code CREATE UNLOGGED TABLE overlap_pair_full AS …} and copies
 *     the pairs over: {@code INSERT … SELECT} never runs as a parallel query, and a temporary table
 *     cannot be written by one either. The planner overestimates how many domains two organizations
 *     share, so the engine lowers {@code parallel_tuple_cost} for that statement (else: serial plan).
 *     The scratch table's name is fixed: full computations take turns on an advisory lock.
 * <li>{@code overlap_pair} has no foreign key to {@code partnership} (V160: its per-row check was about 40% of
 *     writing the pairs): an engine operation key-share-locks the partnership row once before it writes pairs,
 *     and a statement trigger on {@code partnership} deletes the pairs of deleted partnerships. A new writer of
 *     pairs must take that lock too.
 * <li>The indexes on {@code overlap_pair}'s Salesforce ids are hash indexes (V161: a btree compared the char(18)
 *     ids by strcoll on every probe and write): equality lookups only. An order by a side's id sorts, and a
 *     whole partnership is read through the btree on {@code partnership_id}.
 * <li>Every engine operation on a partnership takes a transaction-scoped advisory lock on it:
 *     without it, both sides syncing at once could each miss the other's new keys.
 * <li>The record page ({@code recordOverlaps}) caches each partner's sharing decision
 *     ({@code RecordPageDecisions}) and uses it only while the partnership row and the partner's
 *     {@code sharing_version} are what it was decided from. That counter is bumped by triggers on
 *     {@code population} and {@code sharing_rule}: a new column a partner's view depends on must be
 *     added to the population trigger's column list, or the cache would keep showing the old view.
 * </ul>
 */
package dev.crosswalk.app.overlap;
