package dev.crosswalk.app.population;

import java.time.Instant;
import java.util.UUID;

/** A named segment of an organization's Accounts or Leads. {@code standardKind} is null for custom ones. */
public record Population(UUID id, UUID organizationId, String name, String baseObject, Filter filter,
        StandardPopulation standardKind, Instant createdAt, Instant updatedAt, long version) {
}
