package dev.crosswalk.app.org;

import java.time.Instant;
import java.util.UUID;

/** A person who signs in to one organization. The password hash never leaves the org package. */
public record Member(UUID id, UUID organizationId, String email, String displayName, Role role, Instant createdAt) {
}
