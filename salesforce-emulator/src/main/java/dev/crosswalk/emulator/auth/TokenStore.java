package dev.crosswalk.emulator.auth;

import dev.crosswalk.emulator.model.Org;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Access tokens (sessions), refresh tokens and authorization codes of all orgs.
 * Sessions expire after a period of inactivity (Salesforce's session timeout, default 2 h);
 * API use resets the timer. Refresh tokens are valid until revoked; a user can hold at most
 * {@code maxApprovalsPerApp} per connected app, a new one revoking the oldest.
 */
public final class TokenStore {
    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Clock clock;
    private volatile Duration sessionTimeout;
    private final int maxApprovalsPerApp;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SessionEntry> sessions = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshGrants = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();

    private static final class SessionEntry {
        final Session session;
        volatile Instant lastUsed;

        SessionEntry(Session session, Instant lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }

    public TokenStore(Clock clock, Duration sessionTimeout, int maxApprovalsPerApp) {
        this.clock = clock;
        this.sessionTimeout = sessionTimeout;
        this.maxApprovalsPerApp = maxApprovalsPerApp;
    }

    public Duration sessionTimeout() { return sessionTimeout; }
    public void sessionTimeout(Duration timeout) { sessionTimeout = timeout; }

    /** Issues an access token {@code {orgId15}!{opaque}} for a user. */
    public Session issueSession(Org org, String userId, String clientId, Set<String> scopes, String refreshToken) {
        String token = org.id15() + "!" + randomToken(96);
        Instant now = clock.instant();
        Session s = new Session(token, org, userId, clientId, scopes, now, refreshToken);
        sessions.put(token, new SessionEntry(s, now));
        return s;
    }

    /** The live session for a token, touching its inactivity timer; empty if unknown or timed out. */
    public Optional<Session> authenticate(String token) {
        if (token == null) {
            return Optional.empty();
        }
        SessionEntry e = sessions.get(token);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(e.lastUsed.plus(sessionTimeout))) {
            sessions.remove(token);
            return Optional.empty();
        }
        e.lastUsed = now;
        return Optional.of(e.session);
    }

    /** A live session and when it will time out if unused. */
    public record LiveSession(Session session, Instant expiresAt) {
    }

    /** The live session for a token without touching its inactivity timer (token introspection). */
    public Optional<LiveSession> peek(String token) {
        SessionEntry e = token == null ? null : sessions.get(token);
        if (e == null) {
            return Optional.empty();
        }
        Instant expiresAt = e.lastUsed.plus(sessionTimeout);
        return clock.instant().isAfter(expiresAt) ? Optional.empty() : Optional.of(new LiveSession(e.session, expiresAt));
    }

    public RefreshGrant issueRefreshToken(Org org, String userId, String clientId, Set<String> scopes) {
        List<RefreshGrant> existing = refreshGrants.values().stream()
                .filter(g -> !g.revoked() && g.userId().equals(userId) && g.clientId().equals(clientId))
                .sorted(Comparator.comparing(RefreshGrant::createdAt))
                .toList();
        for (int i = 0; i <= existing.size() - maxApprovalsPerApp; i++) {
            revokeRefresh(existing.get(i));
        }
        RefreshGrant g = new RefreshGrant("5Aep861" + randomToken(80), org.id(), userId, clientId, scopes, clock.instant());
        refreshGrants.put(g.token(), g);
        return g;
    }

    /** A usable (not revoked) refresh token. */
    public Optional<RefreshGrant> refreshGrant(String token) {
        RefreshGrant g = token == null ? null : refreshGrants.get(token);
        return g == null || g.revoked() ? Optional.empty() : Optional.of(g);
    }

    /**
     * Refresh-token rotation: atomically retires a usable refresh token and issues its successor
     * with the same scopes, so a token can be exchanged only once. Sessions already issued from
     * the old token stay valid (rotation replaces the credential, it does not log anyone out).
     * Empty if the token is unknown or already revoked.
     */
    public synchronized Optional<RefreshGrant> rotate(String token) {
        RefreshGrant old = token == null ? null : refreshGrants.get(token);
        if (old == null || old.revoked()) {
            return Optional.empty();
        }
        old.revoke();
        RefreshGrant next = new RefreshGrant("5Aep861" + randomToken(80), old.orgId(), old.userId(), old.clientId(),
                old.scopes(), clock.instant());
        refreshGrants.put(next.token(), next);
        return Optional.of(next);
    }

    /** Live approvals (refresh tokens) a user holds for a connected app. */
    public int approvalCount(String userId, String clientId) {
        return (int) refreshGrants.values().stream()
                .filter(g -> !g.revoked() && g.userId().equals(userId) && g.clientId().equals(clientId)).count();
    }

    /**
     * Revokes an access or refresh token (the revoke endpoint). Revoking a refresh token ends the
     * sessions issued from it. Returns false if the token is unknown.
     */
    public boolean revoke(String token) {
        if (token == null) {
            return false;
        }
        if (sessions.remove(token) != null) {
            return true;
        }
        RefreshGrant g = refreshGrants.get(token);
        if (g == null || g.revoked()) {
            return false;
        }
        revokeRefresh(g);
        return true;
    }

    private void revokeRefresh(RefreshGrant g) {
        g.revoke();
        sessions.values().removeIf(e -> g.token().equals(e.session.refreshToken()));
    }

    /** Ends sessions matching a predicate (admin fault injection: expire sessions of a user or org). */
    public int expireSessions(Predicate<Session> which) {
        int before = sessions.size();
        sessions.values().removeIf(e -> which.test(e.session));
        return before - sessions.size();
    }

    public int expireSessionsOfUser(String userId) {
        return expireSessions(s -> s.userId().equals(userId));
    }

    public int expireSessionsOfOrg(String orgId) {
        return expireSessions(s -> s.org().id().equals(orgId));
    }

    /** Revokes every refresh token of a user (and the sessions issued from them). */
    public int revokeRefreshTokensOfUser(String userId) {
        int n = 0;
        for (RefreshGrant g : refreshGrants.values()) {
            if (!g.revoked() && g.userId().equals(userId)) {
                revokeRefresh(g);
                n++;
            }
        }
        return n;
    }

    public AuthCode issueCode(Org org, String userId, String clientId, String redirectUri, Set<String> scopes,
            String codeChallenge, String codeChallengeMethod) {
        AuthCode c = new AuthCode("aPrx" + randomToken(60) + "==", org.id(), userId, clientId, redirectUri, scopes,
                codeChallenge, codeChallengeMethod, clock.instant());
        codes.put(c.code(), c);
        return c;
    }

    /** Takes a code out of the store: codes are single use whether the exchange succeeds or not. */
    public Optional<AuthCode> consumeCode(String code) {
        return Optional.ofNullable(code == null ? null : codes.remove(code));
    }

    public Collection<RefreshGrant> refreshGrants() {
        return List.copyOf(refreshGrants.values());
    }

    /** A live session and when it was last used, for saving state. */
    public record SessionSnapshot(Session session, Instant lastUsed) {
    }

    public List<SessionSnapshot> sessions() {
        return sessions.values().stream().map(e -> new SessionSnapshot(e.session, e.lastUsed)).toList();
    }

    /** Restores a session saved with the emulator's state (see persist/). */
    public void restore(Session session, Instant lastUsed) {
        sessions.put(session.token(), new SessionEntry(session, lastUsed));
    }

    /** Restores a refresh token saved with the emulator's state (see persist/). */
    public void restore(RefreshGrant grant) {
        refreshGrants.put(grant.token(), grant);
    }

    public String randomToken(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
        }
        return sb.toString();
    }
}
