/**
 * Push: the overlaps written into Salesforce as {@code Ecosystem_Overlap__c} records (and two
 * fields on each Account) through a Custom Objects integration's Inbound connection, so that
 * Salesforce holds exactly what partners share, no more, no less.
 *
 * <h2>Map</h2>
 * <ul>
 * <li>{@code PushStage}: the after-sync pipeline's last stage; {@code PushTriggers} (partner-side
 *     changes) and {@code PushJobs} (the {@code push-integration} job, also the lock-error retry) queue
 *     pushes outside the pipeline; {@link dev.crosswalk.app.push.PushService} is the public entry.
 * <li>{@code PushEngine}: one push: {@code DesiredState} (what partners share, narrowed by the General
 *     Settings, {@code PushSettingsService}) → {@code PushDiff} against the row hashes Salesforce
 *     confirmed ({@code PushStore}) → deletes of stale records, upserts by {@code Crosswalk_Key__c}, the
 *     Account fields → {@code SalesforceWrites} (sObject Collections below {@code bulk-threshold}, a Bulk
 *     API 2.0 job above) → per-row results recorded.
 * <li>{@code PartnerAccounts}: each partner organization mapped to an Account by its domains.
 * <li>{@code RejectionFixes}, {@code RetryPolicy}: rejected rows' fixes and retry times;
 *     {@code PushPages} and {@code PushTabs}: the Rejected rows tab.
 * </ul>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>What a partner shares is decided by {@code overlap.SharedOverlaps} (the reports' rules), never
 *     re-implemented here: a second implementation would leak what the reports hide.
 * <li>The hash covers the content fields only, not the two times: otherwise every push would rewrite
 *     every row.
 * <li>A row is marked unconfirmed before it is sent and confirmed only from Salesforce's answer; a
 *     delete is forgotten only once Salesforce confirmed it. That is what makes a crash or a revoked
 *     token mid-push safe to resume without duplicates. Marking is one {@code push_inflight} row per
 *     write holding every key (plus hash null on rows Salesforce held), not a pending push_row per key;
 *     whatever of it Salesforce did not confirm becomes pending push_rows when the push ends and, after
 *     a crash, when the next one starts ({@code PushStore.settleInflight}, under the push lock).
 * <li>The fields are checked by describe before Collections calls only; rows that all go through Bulk
 *     jobs are checked after a job failed, was refused, or had rows refused for a field (one call less
 *     on every large push, where P4 counts calls).
 * <li>Nothing changed = no Salesforce call at all, not even a describe: check the plan before calling.
 * <li>Row bookkeeping ({@code PushStore}) is set-based: arrays bound as one parameter, one statement per
 *     10,000 rows. Never bind a key list as {@code in (:keys)}: it expands to one parameter per key and
 *     PostgreSQL refuses more than 32,767 (a 100,000-row push failed that way); one statement per row
 *     made a 100,000-row push spend most of its time in round trips.
 * <li>The overlap job and the Account fields job are both started before either is awaited (Salesforce
 *     processes them side by side); the second is then checked with one status call, not polled on a
 *     schedule of its own, while the first one's results are recorded on the recorder thread
 *     ({@code SalesforceWrites.awaitRecorded} joins it before the push ends: never after the push lock is
 *     released). Measured end to end by {@code bench/run-push-engine.sh} (P4).
 * <li>Bulk CSV clears a field with {@code #N/A}; an empty cell leaves it unchanged.
 * <li>The export limit counts unique records per term; a record already counted this term may
 *     always be rewritten.
 * <li>A push stopped for a reason a person must fix does not fail the pipeline stage (it is
 *     already an error with its fix on the Custom Objects integration); a transient one does.
 * <li>One push at a time per integration on every node: {@code PushLock}, a session-level advisory lock
 *     on a connection of its own. The connection must never go back to the pool still holding it.
 * </ul>
 */
package dev.crosswalk.app.push;
