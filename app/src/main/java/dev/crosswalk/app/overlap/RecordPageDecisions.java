package dev.crosswalk.app.overlap;

import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipService.ActivePartner;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The record page's sharing decisions (which of a partner's populations the viewer may read rows of, and which
 * fields), kept per partnership and viewer so that a call costs one query per partner instead of re-reading every
 * population and rule. A stale decision would be a data leak, so an entry is used only while both what it was
 * decided from are unchanged: the partnership row (read fresh on every call; any transition bumps its version) and
 * the partner's sharing version (bumped by triggers in the same transaction as any change to its populations or
 * sharing rules, on whichever node made it). The version is read before the populations and rules it labels, so a
 * decision is never older than its label.
 */
final class RecordPageDecisions {
    /** Far above any real number of partnerships × viewers on one node; past it the cache starts over rather than grow. */
    private static final int MAX_ENTRIES = 10_000;

    /** What one call may read: the partner populations it shares rows of ({@code populations}), their names, and the fields as JSON. */
    record Decision(String rulesJson, List<UUID> populations, Map<UUID, String> names) {
    }

    private record Key(UUID partnershipId, UUID viewer) {
    }

    private record Entry(Partnership partnership, long partnerSharingVersion, Decision decision) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    Decision get(ActivePartner current, UUID viewer, Supplier<Decision> decide) {
        Key key = new Key(current.partnership().id(), viewer);
        Entry e = entries.get(key);
        if (e != null && e.partnership().equals(current.partnership()) && e.partnerSharingVersion() == current.partnerSharingVersion()) {
            return e.decision();
        }
        Decision d = decide.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(current.partnership(), current.partnerSharingVersion(), d));
        return d;
    }
}
