package dev.crosswalk.app.record;

import java.util.List;

/** One page of a records search: the matching total and the records from {@code offset} on. */
public record RecordPage(long total, int limit, int offset, List<StoredRecord> records) {
}
