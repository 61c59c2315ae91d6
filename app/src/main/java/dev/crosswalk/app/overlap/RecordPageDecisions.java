package dev.crosswalk.app.overlap;

import dev.crosswalk.app.partner.Partnership;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The record page's sharing decisions per viewer: which partner populations it may read rows of, their names, and
 * which fields ({@code rulesJson}, population id to field names), so that a call is one query instead of re-reading
 * every partner's populations and rules. A stale decision would be a data leak, so the query that uses a decision
 * also returns what it was decided from, and its rows are used only when that is unchanged ({@link Entry#decidedFrom}):
 * the set of active partnerships (rows read in the same statement; any transition bumps a partnership's version) and
 * each partner's sharing version (bumped by triggers in the same transaction as any change to its populations or
 * sharing rules, on whichever node made it). A decision is computed after the labels it is stored under were read,
 * so it is never older than its label.
 */
final class RecordPageDecisions {
    /** Far above the viewers one node serves; past it the cache starts over rather than grow. */
    private static final int MAX_VIEWERS = 10_000;

    /** What a decision was computed from: an active partnership as read, and its partner's sharing version then. */
    record Label(Partnership partnership, String partnerName, long partnerSharingVersion) {
    }

    /** {@code rulesJson}: the rows-shared partner populations (all partners) to their shared fields; {@code names}: their names. */
    record Entry(Map<UUID, Label> decidedFrom, String rulesJson, Map<UUID, String> names) {
        static final Entry NONE = new Entry(Map.of(), "{}", Map.of());
    }

    private final Map<UUID, Entry> byViewer = new ConcurrentHashMap<>();

    Entry of(UUID viewer) {
        return byViewer.getOrDefault(viewer, Entry.NONE);
    }

    void put(UUID viewer, Entry e) {
        if (byViewer.size() >= MAX_VIEWERS) {
            byViewer.clear();
        }
        byViewer.put(viewer, e);
    }
}
