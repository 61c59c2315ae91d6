/**
 * The Salesforce Custom Objects integration's health and pages: its two connections (Inbound,
 * Crosswalk → Salesforce as the integration user; Outbound, Salesforce → Crosswalk through the
 * package's Named Credential), the setup journey (System Connections) and the verified repair.
 *
 * <h2>Map</h2>
 * <ul>
 * <li>{@link dev.crosswalk.app.customobjects.CustomObjectsHealth}: the public service; verification
 *     after an Update, periodic probes, problems recorded per connection and cleared by proof.
 * <li>{@code InboundChecks}: userinfo, the package's permission preflight, read and write probes;
 *     {@code OutboundProbe}: a callout through the org's Named Credential back to the package API.
 * <li>{@code SetupJourney} + {@code SetupJourneyController}: the wizard at {@code /salesforce-setup};
 *     {@code CustomObjectsPages}: Add, overview, General and Advanced Settings; {@code CustomObjectsJobs}:
 *     when checks run.
 * </ul>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>Problem texts are written in {@code health.Problems} (its Custom Objects factories), never here:
 *     they must name the connection and only screens that exist.
 * <li>The write probe must leave nothing behind: it creates two records with the same key all-or-none,
 *     so Salesforce proves create access and rolls both back; if a duplicate key was ever accepted, it
 *     deletes them. A plain create would add an {@code Ecosystem_Overlap__c} record per probe.
 * <li>Clear only what a check proved: an error of the Outbound connection is not cleared by a passing
 *     Inbound probe, and a preflight that could not run proves nothing.
 * <li>The journey's step is derived from what is true now ({@code SetupJourney}), never stored: an
 *     interrupted journey resumes at the first step not done, and every step can be repeated.
 * <li>The verification after an Update runs in the callback's thread on purpose, so the page the admin
 *     lands on already shows the verified state; a probe is two cheap calls, never a sync.
 * </ul>
 */
package dev.crosswalk.app.customobjects;
