package dev.crosswalk.app.sync;

import dev.crosswalk.salesforce.LimitInfo;
import java.util.Optional;
import java.util.UUID;

/**
 * The share of the org's daily API allocation syncing may use, as the sync needs it (implemented
 * by health's quota guard, which owns the setting and the usage last seen).
 */
public interface ApiBudget {

    /** The last usage seen for the connection, when it is at or over the share (then the run does not start). */
    Optional<LimitInfo> exhausted(UUID connectionId);

    /** Whether this usage is at or over the share. Unknown usage never is. */
    boolean over(LimitInfo usage);
}
