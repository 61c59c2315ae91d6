package dev.crosswalk.app.record;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether two records are the same company, on what evidence, and why, in words an admin can
 * read. The rules, strongest first:
 * <ol>
 * <li>Same registrable domain: match ({@link Evidence#DOMAIN}).
 * <li>Both have a domain and they differ: no match, whatever the names say (acme.com and
 *     acme.de may be one group, but a false overlap costs more than a missed one).
 * <li>At least one side has no domain: the normalized names decide, and only when the
 *     partnership turned name matching on ({@link Evidence#NAME}, weak).
 * </ol>
 */
public record MatchDecision(boolean match, Evidence evidence, List<String> reasons) {

    public MatchDecision {
        reasons = List.copyOf(reasons);
        if (match == (evidence == Evidence.NONE)) {
            throw new IllegalArgumentException("a match needs evidence, a non-match has none");
        }
    }

    public static MatchDecision decide(RecordKeys a, RecordKeys b, boolean nameMatching) {
        List<String> reasons = new ArrayList<>();
        KeyResult da = a.domain();
        KeyResult db = b.domain();
        if (da.present() && db.present()) {
            if (da.key().equals(db.key())) {
                reasons.add("both records have the registrable domain " + da.keyOrNull());
                return new MatchDecision(true, Evidence.DOMAIN, reasons);
            }
            reasons.add("the domains differ: " + da.keyOrNull() + " and " + db.keyOrNull());
            if (a.name().present() && a.name().key().equals(b.name().key())) {
                reasons.add("the names agree (" + a.name().keyOrNull() + "), but a name never overrides differing domains");
            }
            return new MatchDecision(false, Evidence.NONE, reasons);
        }
        if (!da.present()) {
            reasons.add("record A has no domain key: " + da.reason().description());
        }
        if (!db.present()) {
            reasons.add("record B has no domain key: " + db.reason().description());
        }
        KeyResult na = a.name();
        KeyResult nb = b.name();
        if (!na.present() || !nb.present()) {
            if (!na.present()) {
                reasons.add("record A has no name key: " + na.reason().description());
            }
            if (!nb.present()) {
                reasons.add("record B has no name key: " + nb.reason().description());
            }
            return new MatchDecision(false, Evidence.NONE, reasons);
        }
        if (!na.key().equals(nb.key())) {
            reasons.add("the names differ: " + na.keyOrNull() + " and " + nb.keyOrNull());
            return new MatchDecision(false, Evidence.NONE, reasons);
        }
        if (!nameMatching) {
            reasons.add("the names agree (" + na.keyOrNull() + "), but name matching is off for this partnership");
            return new MatchDecision(false, Evidence.NONE, reasons);
        }
        reasons.add("the normalized names agree (" + na.keyOrNull() + ") and name matching is on: weak evidence");
        return new MatchDecision(true, Evidence.NAME, reasons);
    }
}
