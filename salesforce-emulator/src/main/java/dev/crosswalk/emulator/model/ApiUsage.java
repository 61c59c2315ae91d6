package dev.crosswalk.emulator.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's daily API request allocation. The emulator does not roll a 24-hour window by
 * itself (tests set the used count through the admin API); it counts every billable call.
 */
public final class ApiUsage {
    private volatile long max;
    private final AtomicLong used = new AtomicLong();

    public ApiUsage(long max) {
        this.max = max;
    }

    public long max() { return max; }
    public void max(long newMax) { max = newMax; }
    public long used() { return used.get(); }
    public void used(long newUsed) { used.set(newUsed); }

    /** Counts one call; returns false (and counts nothing) when the allocation is exhausted. */
    public boolean tryConsume() {
        while (true) {
            long current = used.get();
            if (current >= max) {
                return false;
            }
            if (used.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Gives back calls counted for work Salesforce bills as one request (Composite subrequests). */
    public void refund(long calls) {
        used.updateAndGet(u -> Math.max(0, u - calls));
    }

    public String header() {
        return "api-usage=" + used.get() + "/" + max;
    }
}
