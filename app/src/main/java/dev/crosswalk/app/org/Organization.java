package dev.crosswalk.app.org;

import java.time.Instant;
import java.util.UUID;

/** A tenant: a company using Crosswalk. */
public record Organization(UUID id, String name, Instant createdAt) {
}
