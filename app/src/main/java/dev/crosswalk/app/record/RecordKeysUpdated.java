package dev.crosswalk.app.record;

import java.time.Instant;
import java.util.UUID;

/**
 * Published after the keys of an integration's newly synced records are stored (by the
 * after-sync job or an Admin's recompute, on the node that did it, after the transaction committed). The overlap engine listens to
 * this rather than to SyncFinished, so it never matches records whose keys are not there yet.
 *
 * @param recordsComputed records whose keys were (re)computed
 * @param keysChanged     of those, records whose domain or name key changed ({@code record_key.changed_at = computedAt})
 * @param computedAt      the {@code computed_at} / {@code changed_at} written in this pass
 */
public record RecordKeysUpdated(UUID organizationId, UUID integrationId, int recordsComputed, int keysChanged,
        Instant computedAt) {
}
