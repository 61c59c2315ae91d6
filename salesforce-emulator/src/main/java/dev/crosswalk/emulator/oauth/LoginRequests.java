package dev.crosswalk.emulator.oauth;

import dev.crosswalk.emulator.EmulatorState.UserRef;
import dev.crosswalk.emulator.auth.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorize requests waiting for the user's login or approval. The HTML forms carry only the
 * unguessable {@code request_id}; everything the client asked for stays here, so it cannot be
 * tampered with between the steps.
 */
final class LoginRequests {

    /**
     * @param user null while the login form is pending; the authenticated user once only the
     *             approval is missing
     */
    record Pending(String id, AuthorizeRequest request, UserRef user, Instant createdAt) {
    }

    private final Clock clock;
    private final TokenStore tokens;
    private final Duration ttl;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    LoginRequests(Clock clock, TokenStore tokens, Duration ttl) {
        this.clock = clock;
        this.tokens = tokens;
        this.ttl = ttl;
    }

    Pending awaitLogin(AuthorizeRequest request) {
        return put(request, null);
    }

    Pending awaitApproval(AuthorizeRequest request, UserRef user) {
        return put(request, user);
    }

    /** A pending request that has not expired (it stays pending: a wrong password re-renders the form). */
    Optional<Pending> get(String id) {
        Pending p = id == null ? null : pending.get(id);
        if (p == null) {
            return Optional.empty();
        }
        if (expired(p, clock.instant())) {
            pending.remove(id);
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** Ends a pending request; false if another submission (a double click) already ended it. */
    boolean claim(String id) {
        return pending.remove(id) != null;
    }

    private Pending put(AuthorizeRequest request, UserRef user) {
        Instant now = clock.instant();
        // Abandoned forms are dropped whenever a new one is made, so the map cannot grow unbounded.
        pending.values().removeIf(p -> expired(p, now));
        Pending p = new Pending(tokens.randomToken(40), request, user, now);
        pending.put(p.id(), p);
        return p;
    }

    private boolean expired(Pending p, Instant now) {
        return now.isAfter(p.createdAt().plus(ttl));
    }
}
