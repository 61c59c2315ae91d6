/**
 * Populations: named segments of an organization's synced Accounts or Leads, defined by a filter
 * tree ({@link dev.crosswalk.app.population.Filter}: conditions on synced fields in AND/OR groups,
 * plus "has an open Opportunity"), with materialized membership in {@code population_member}.
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>Filters compile to one SQL predicate with field names and values as bind parameters only
 *     ({@link dev.crosswalk.app.population.FilterSql}); nothing user-typed is spliced into SQL.
 * <li>The standard populations (Customers: Type starts with "Customer"; Open Opportunities;
 *     Prospects: Type = "Prospect") are created lazily and idempotently wherever populations are
 *     read, not by hooking organization creation.
 * <li>After a sync only records with {@code crm_record.synced_at} after the integration's
 *     {@code overlap_watermark.membership_at} are re-evaluated; a population whose filter uses
 *     Opportunities is recomputed whole when any Opportunity synced (an Opportunity can move away
 *     from an account that itself did not change).
 * <li>Membership after a sync is the after-sync stage {@code population-membership}
 *     ({@code PopulationMembershipStage}); a failure there fails the pass (retried, then MATCHING_FAILED).
 * <li>Base objects are {@code record.MatchableObjects.MATCHED}; never list them again.
 * <li>Comparisons ignore case; GREATER/LESS_THAN treat non-numeric values as not matching.
 * </ul>
 */
package dev.crosswalk.app.population;
