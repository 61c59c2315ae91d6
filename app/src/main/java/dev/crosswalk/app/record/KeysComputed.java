package dev.crosswalk.app.record;

import java.time.Instant;
import java.util.UUID;

/**
 * What one key computation of an integration did (the {@code match-keys} stage of the after-sync
 * pipeline, or an Admin's recompute).
 *
 * @param recordsComputed records whose keys were (re)computed
 * @param keysChanged     of those, records whose domain or name key changed ({@code record_key.changed_at = computedAt})
 * @param computedAt      the {@code computed_at} / {@code changed_at} written in this pass
 */
public record KeysComputed(UUID organizationId, UUID integrationId, int recordsComputed, int keysChanged,
        Instant computedAt) {
}
