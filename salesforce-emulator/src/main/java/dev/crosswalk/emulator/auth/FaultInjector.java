package dev.crosswalk.emulator.auth;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.http.OAuthException;
import dev.crosswalk.emulator.http.Request;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injected failures and latency for Salesforce-facing paths (never for {@code /_emulator/}).
 * A rule fails the next N matching requests with a status and error code; lower-case codes
 * (e.g. {@code invalid_grant}) are rendered in the OAuth error shape.
 */
public final class FaultInjector {

    /** One rule: fail the next {@code count} requests whose path starts with {@code pathPrefix}. */
    public record FaultRule(AtomicInteger remaining, String pathPrefix, int status, String errorCode, String message) {
    }

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private volatile long latencyMillis;
    private volatile String latencyPathPrefix = "/";

    public void failNext(int count, String pathPrefix, int status, String errorCode, String message) {
        rules.add(new FaultRule(new AtomicInteger(count), pathPrefix == null || pathPrefix.isEmpty() ? "/" : pathPrefix,
                status, errorCode, message));
    }

    public void latency(long millis, String pathPrefix) {
        latencyMillis = millis;
        latencyPathPrefix = pathPrefix == null || pathPrefix.isEmpty() ? "/" : pathPrefix;
    }

    public void clear() {
        rules.clear();
        latencyMillis = 0;
    }

    /** Applies latency, then throws the first matching rule's error (consuming one of its count). */
    public void apply(Request request) throws InterruptedException {
        String path = request.path();
        if (path.startsWith("/_emulator")) {
            return;
        }
        long delay = latencyMillis;
        if (delay > 0 && path.startsWith(latencyPathPrefix)) {
            // Injected latency is the feature being emulated, so a real sleep is right here.
            Thread.sleep(delay);
        }
        for (FaultRule rule : rules) {
            if (path.startsWith(rule.pathPrefix()) && rule.remaining().getAndDecrement() > 0) {
                if (rule.remaining().get() <= 0) {
                    rules.remove(rule);
                }
                if (!rule.errorCode().isEmpty() && Character.isLowerCase(rule.errorCode().charAt(0))) {
                    throw new OAuthException(rule.status(), rule.errorCode(), rule.message());
                }
                throw ApiException.of(rule.status(), rule.errorCode(), rule.message());
            }
        }
    }
}
