package dev.crosswalk.app.partner;

/** Dual opt-in: only {@link #ACCEPTED} shares anything. DECLINED and REVOKED are final. */
public enum PartnershipStatus { PENDING, ACCEPTED, DECLINED, REVOKED }
