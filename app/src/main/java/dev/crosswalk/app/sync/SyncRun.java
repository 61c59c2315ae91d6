package dev.crosswalk.app.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run as the API shows it.
 *
 * @param matchedAt when match keys, population membership and overlaps caught up with this run's
 *                  records (they are worked out by their own job right after the run); null until then
 * @param objects per object: read, upserted, deleted, skipped fields
 * @param errors  what went wrong, each with a stable code, the object/field concerned and a message
 */
public record SyncRun(UUID id, UUID integrationId, SyncTrigger trigger, String status, Instant startedAt, Instant endedAt,
        Instant matchedAt, long recordsRead, long recordsUpserted, long recordsDeleted, Long estimatedTotal, int apiCalls,
        Map<String, ObjectCounts> objects, List<RunError> errors) {

    public record ObjectCounts(long read, long upserted, long deleted, List<String> skippedFields, boolean fullSync) {
    }

    public record RunError(String code, String object, String field, String message) {
    }
}
