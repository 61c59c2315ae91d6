package dev.crosswalk.app.org;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Throttles password sign-ins, before any bcrypt check is paid. Two counters of failures: per
 * account and client address ({@code max-failures-per-account}, default 5), and per client address
 * across accounts ({@code max-failures-per-address}, default 30, against password spraying).
 * Reaching a limit locks that key for {@code base-lock} (1 minute), doubling with every further
 * lock (up to {@code max-lock}, 1 hour) while failures keep coming; a {@code window} (15 minutes)
 * without failures forgets the key. A successful sign-in clears its account's counter.
 * Unknown accounts are counted exactly like known ones, so the answers never tell them apart.
 *
 * <p>The counters live in bounded Caffeine maps (atomic per-key updates, expiry, a size cap so
 * a flood of made-up accounts cannot grow memory). They are per node: behind a load balancer with
 * N nodes an attacker gets at most N times the budget, still far below brute-force rates.
 */
@Component
class LoginThrottle {
    private static final long MAX_KEYS = 100_000;

    private final Clock clock;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Duration baseLock;
    private final Duration maxLock;
    private final Cache<String, Failures> byAccount;
    private final Cache<String, Failures> byAddress;

    LoginThrottle(Clock clock,
            @Value("${crosswalk.login.max-failures-per-account:5}") int perAccount,
            @Value("${crosswalk.login.max-failures-per-address:30}") int perAddress,
            @Value("${crosswalk.login.window:PT15M}") Duration window,
            @Value("${crosswalk.login.base-lock:PT1M}") Duration baseLock,
            @Value("${crosswalk.login.max-lock:PT1H}") Duration maxLock) {
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.baseLock = baseLock;
        this.maxLock = maxLock;
        // Entries outlive the longest lock plus the window; expiry uses the injected clock's time.
        Duration keep = maxLock.plus(window);
        this.byAccount = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(keep).ticker(this::nanos).build();
        this.byAddress = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(keep).ticker(this::nanos).build();
    }

    /** Failures of one key: how many since the key was last quiet, how often it was locked, until when. */
    private record Failures(int count, int locks, Instant last, Instant lockedUntil) {
    }

    /** How long the caller must wait before trying this account from this address again; empty if it may try now. */
    Optional<Duration> retryAfter(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitOf(byAccount.getIfPresent(accountKey(account, address)), now),
                waitOf(byAddress.getIfPresent(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        byAccount.asMap().compute(accountKey(account, address), (k, f) -> next(f, now, perAccount));
        byAddress.asMap().compute(address, (k, f) -> next(f, now, perAddress));
    }

    void succeeded(String account, String address) {
        byAccount.invalidate(accountKey(account, address));
    }

    private Failures next(Failures f, Instant now, int limit) {
        if (f == null || quiet(f, now)) {
            f = new Failures(0, 0, now, null);
        }
        int count = f.count() + 1;
        if (count < limit) {
            return new Failures(count, f.locks(), now, f.lockedUntil());
        }
        int locks = f.locks() + 1;
        return new Failures(count, locks, now, now.plus(lockFor(locks)));
    }

    private boolean quiet(Failures f, Instant now) {
        Instant since = f.lockedUntil() != null && f.lockedUntil().isAfter(f.last()) ? f.lockedUntil() : f.last();
        return Duration.between(since, now).compareTo(window) > 0;
    }

    /** 1, 2, 4, 8 … × the base lock, never more than the maximum. */
    Duration lockFor(int locks) {
        Duration d = baseLock;
        for (int i = 1; i < locks && d.compareTo(maxLock) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxLock) > 0 ? maxLock : d;
    }

    private static Duration waitOf(Failures f, Instant now) {
        return f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now) ? Duration.ZERO
                : Duration.between(now, f.lockedUntil());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String accountKey(String account, String address) {
        String a = account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
        return (a.length() > 320 ? a.substring(0, 320) : a) + "\n" + address;
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
