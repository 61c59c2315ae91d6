/**
 * Partnerships (dual opt-in: invite by exact organization name or by a domain the organization
 * owns or its members sign in with; accept/decline by the invited side; revoke by either) and
 * sharing rules (per population a default level plus per-partner overrides: HIDDEN, COUNTS_ONLY,
 * OVERLAPPING, ALL; fields chosen per object). {@link dev.crosswalk.app.partner.SharingPolicy} is
 * the pure decision every report goes through.
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>A population without a rule is HIDDEN: nothing is shared until an Admin says so.
 * <li>Only ACCEPTED shares anything; DECLINED and REVOKED are final (invite again for a new one).
 * <li>At most one pending or accepted partnership per pair of organizations, in either direction
 *     (a partial unique index on least/greatest of the two ids).
 * <li>A partner-side change that affects what is pushed or matched must queue the after-sync
 *     pipeline of the organizations concerned ({@code schedule.AfterSyncPipeline.queueForOrganization});
 *     {@code PartnershipChanged} already does (through overlap's {@code PartnershipOverlaps}).
 * </ul>
 */
package dev.crosswalk.app.partner;
