package dev.crosswalk.emulator.auth;

import dev.crosswalk.emulator.model.Org;
import java.time.Instant;
import java.util.Set;

/**
 * An authenticated API session (what an access token stands for).
 *
 * @param refreshToken the refresh token this session was issued from, or null (password grant)
 */
public record Session(String token, Org org, String userId, String clientId, Set<String> scopes, Instant issuedAt,
        String refreshToken) {
    public Session {
        scopes = Set.copyOf(scopes);
    }
}
