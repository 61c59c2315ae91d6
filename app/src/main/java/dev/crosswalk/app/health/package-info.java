/**
 * Connection health: what is wrong with an integration, why, and how to fix it — found early,
 * cleared by proof, announced once.
 *
 * <table>
 *   <caption>Module map</caption>
 *   <tr><td>{@link dev.crosswalk.app.health.HealthCode}, {@link dev.crosswalk.app.health.Problem},
 *       {@link dev.crosswalk.app.health.Problems}</td><td>stable codes (scope, severity, transient) and the one
 *       place where Salesforce errors become messages and fixes in words</td></tr>
 *   <tr><td>{@link dev.crosswalk.app.health.Proof}</td><td>what a run, probe or preflight demonstrated; decides
 *       which open errors it clears (pure, unit-tested)</td></tr>
 *   <tr><td>{@link dev.crosswalk.app.health.HealthService}</td><td>the public service: record problems, clear
 *       proven ones, derive the status (compare-and-set), raise alerts</td></tr>
 *   <tr><td>{@link dev.crosswalk.app.health.HealthProbe}</td><td>userinfo + /limits + preflight when due +
 *       keep-alive refresh + approval count; run by the {@code health-probe} db-scheduler sweep</td></tr>
 *   <tr><td>{@link dev.crosswalk.app.health.QuotaGuard}</td><td>pauses syncing at a share of the daily API
 *       allocation (default 80%)</td></tr>
 *   <tr><td>{@code AlertService}, {@code WebhookDelivery}, {@link dev.crosswalk.app.health.WebhookSigner}</td>
 *       <td>one alert per status change, HMAC-SHA256 signed, retried by db-scheduler with exponential backoff</td></tr>
 *   <tr><td>{@code RunHealth}</td><td>consumes {@code sync.RunFinished}: the outcome's problems in words (also into
 *       the run's history), the proof it gives, API usage, the transient retry</td></tr>
 *   <tr><td>{@code HealthEvents}</td><td>reauthorization → preflight in the callback; member changes → warnings;
 *       the after-sync pipeline's {@code PipelineFailed}/{@code PipelineCompleted} → MATCHING_FAILED raised/cleared</td></tr>
 *   <tr><td>{@code HealthController}, {@code WebhookController}, {@code HealthViews}</td><td>the API</td></tr>
 * </table>
 *
 * <p>Easy to get wrong:
 * <ol>
 *   <li>A run clears only what it proves: an error about Lead stays open after a run that did not read
 *       Lead; a preflight that finds Lead readable clears PERMISSION_MISSING on Lead, not a failed read.</li>
 *   <li>An error seen again in the same observation is never cleared by it (one open row per
 *       integration, code, object and field; a repeat counts an occurrence).</li>
 *   <li>Transient errors (SALESFORCE_UNAVAILABLE, SYNC_FAILED) are stored at once but shown only after
 *       3 occurrences or 15 minutes; the status ignores them until then.</li>
 *   <li>Alerts come from the status compare-and-set, not from runs: ten failing runs are one alert.</li>
 *   <li>The preflight after a reauthorization runs inside the callback's transaction (the new tokens
 *       are only visible there); its records use their own transactions. Never for a first connection:
 *       the integration row is not committed yet and a second transaction would wait on it.</li>
 *   <li>{@code /limits} needs "View Setup"; without it Salesforce refuses the call but the refusal
 *       still carries {@code Sforce-Limit-Info}, which is what the probe reads.</li>
 *   <li>Salesforce does not tell the integration user its approval count; Crosswalk infers it from its
 *       own connections of that user (a reauthorization revokes the token it replaces, so that count is exact
 *       for Crosswalk's connected app).</li>
 *   <li>Texts live in {@code Problems} only: add a named factory there rather than a {@code new Problem(…)}
 *       elsewhere or an invented {@code SalesforceError} passed to {@code Problems.of}.</li>
 *   <li>A failure of Crosswalk's own checks is a problem the user sees, never only a log line: PROBE_FAILED
 *       (a scheduled probe; shown once it persists) or VERIFICATION_FAILED (right after a reauthorization; at once).</li>
 *   <li>{@code sync} must not import {@code health}: health reacts to {@code RunFinished}; what the sync needs
 *       from here is the {@code sync.ApiBudget} interface, which {@code QuotaGuard} implements.</li>
 * </ol>
 */
package dev.crosswalk.app.health;
