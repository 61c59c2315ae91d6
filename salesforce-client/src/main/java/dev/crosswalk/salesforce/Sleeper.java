package dev.crosswalk.salesforce;

import java.time.Duration;

/**
 * Waits between retries and polls. Injected so that tests advance a settable clock instead of
 * sleeping; production uses {@link #system()}.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return d -> {
            if (!d.isZero() && !d.isNegative()) {
                Thread.sleep(d.toMillis());
            }
        };
    }
}
