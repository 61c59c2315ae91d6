package dev.crosswalk.emulator.auth;

import java.time.Instant;
import java.util.Set;

/** A refresh token: an approval of a connected app by a user, valid until revoked. */
public final class RefreshGrant {
    private final String token;
    private final String orgId;
    private final String userId;
    private final String clientId;
    private final Set<String> scopes;
    private final Instant createdAt;
    private volatile boolean revoked;
    private volatile Instant lastUsed;

    public RefreshGrant(String token, String orgId, String userId, String clientId, Set<String> scopes, Instant createdAt) {
        this.token = token;
        this.orgId = orgId;
        this.userId = userId;
        this.clientId = clientId;
        this.scopes = Set.copyOf(scopes);
        this.createdAt = createdAt;
        this.lastUsed = createdAt;
    }

    public String token() { return token; }
    public String orgId() { return orgId; }
    public String userId() { return userId; }
    public String clientId() { return clientId; }
    public Set<String> scopes() { return scopes; }
    public Instant createdAt() { return createdAt; }
    public boolean revoked() { return revoked; }
    public void revoke() { revoked = true; }
    public Instant lastUsed() { return lastUsed; }
    public void lastUsed(Instant t) { lastUsed = t; }
}
