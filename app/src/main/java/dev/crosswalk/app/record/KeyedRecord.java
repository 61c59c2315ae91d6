package dev.crosswalk.app.record;

import java.time.Instant;

/** One record's computed keys, as written to {@code record_key}. */
record KeyedRecord(String object, String sfId, Instant syncedAt, RecordKeys keys) {
}
