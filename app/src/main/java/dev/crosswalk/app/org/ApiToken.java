package dev.crosswalk.app.org;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal API token as lists show it: never the secret, only its {@code hint} (the prefix and
 * the first characters, enough to tell two tokens apart on the Team page).
 */
public record ApiToken(UUID id, UUID memberId, String memberEmail, String name, String hint, Instant createdAt,
        Instant expiresAt, Instant lastUsedAt) {
}
