package dev.crosswalk.app.health;

import dev.crosswalk.app.sync.ApiBudget;
import dev.crosswalk.salesforce.LimitInfo;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The API quota guard: Crosswalk stops syncing once the org's rolling 24-hour API usage reaches
 * a share of its allocation (default 80%), leaving the rest to the customer's other
 * integrations. Runs check it before starting (from the last usage seen) and after every batch
 * (from the live {@code Sforce-Limit-Info}); the probe lifts the pause when usage drops.
 */
@Service
public class QuotaGuard implements ApiBudget {
    private final double share;
    private final HealthService health;

    QuotaGuard(@Value("${crosswalk.health.api-quota-share:0.8}") double share, HealthService health) {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("crosswalk.health.api-quota-share must be in (0, 1], was " + share);
        }
        this.share = share;
        this.health = health;
    }

    public double share() {
        return share;
    }

    /** Whether this usage is at or over the guard's share. Unknown usage never blocks. */
    @Override
    public boolean over(LimitInfo usage) {
        return usage != null && usage.max() > 0 && usage.usedFraction() >= share;
    }

    /** The API_LIMIT problem to report for this usage (null-safe). */
    public Problem problem(LimitInfo usage) {
        return Problems.apiLimit(usage, share, usage != null && usage.used() >= usage.max());
    }

    /** Empty when a job may start; else the problem that pauses it, from the last usage seen for the connection. */
    public Optional<Problem> blocked(UUID connectionId) {
        return exhausted(connectionId).map(this::problem);
    }

    @Override
    public Optional<LimitInfo> exhausted(UUID connectionId) {
        return health.lastUsage(connectionId).filter(this::over);
    }
}
