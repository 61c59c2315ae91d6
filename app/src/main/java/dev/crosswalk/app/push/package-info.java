/**
 * Pushing overlaps into Salesforce: {@code Ecosystem_Overlap__c} records and two Account fields kept
 * exactly equal to what partners share, within the Custom Objects integration's General Settings.
 *
 * <h2>Map</h2>
 * <ul>
 * <li>{@link dev.crosswalk.app.push.PushService}: the public service (queue a push, read runs and
 *     rejected rows); {@code PushJobs}: one db-scheduler instance per integration.
 * <li>{@code PushEngine}: desired state ({@code DesiredState}) → {@code PushDiff} against what
 *     Salesforce confirmed ({@code PushStore}) → writes ({@code SalesforceWrites}: sObject Collections or
 *     Bulk API 2.0) → per-row outcomes.
 * <li>{@code PartnerAccounts}: the Account standing for each partner; {@code RetryPolicy},
 *     {@code RejectionFixes}: what happens to rejected rows.
 * </ul>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>What a partner shares is decided by {@code overlap.SharedOverlaps} (the reports' rules), never
 *     re-implemented here: a second implementation would leak what the reports hide.
 * <li>A row is marked unconfirmed before it is sent and confirmed only from Salesforce's answer; a
 *     delete is forgotten only once Salesforce confirmed it. A crash in between is resumed, never
 *     duplicated (upserts are by {@code Crosswalk_Key__c}).
 * <li>The hash covers the content fields only, not the two times: otherwise every push would rewrite
 *     every row. Nothing changed must mean no Salesforce call at all.
 * <li>A rejected row never blocks the others; lock errors are retried sooner (backoff), other
 *     rejections on each later push.
 * <li>The export limit counts unique records per term once each: an update of a record already
 *     counted this term is not a new export.
 * </ul>
 */
package dev.crosswalk.app.push;
