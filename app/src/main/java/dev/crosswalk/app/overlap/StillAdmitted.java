package dev.crosswalk.app.overlap;

import java.util.Map;

/**
 * A condition the caller's admission still holds under, evaluated by the record page's statement itself: an SQL boolean
 * expression over named parameters (none of which may be named like the statement's own: {@code viewer}, {@code sf},
 * {@code mine}, {@code rules}). It lets the package API check that its token is still active in the same round trip
 * as the data, instead of a statement of its own before it (P6); the overlap package knows nothing of what it checks.
 */
public record StillAdmitted(String condition, Map<String, Object> params) {
    /** For callers already admitted by other means. */
    public static final StillAdmitted ALWAYS = new StillAdmitted("true", Map.of());

    public StillAdmitted {
        params = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(params)); // values may be null
    }
}
