package dev.crosswalk.app.push;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one push must do, decided from the desired rows and what Salesforce confirmed holding:
 * write the rows whose hash differs (or was never confirmed, or was last confirmed longer ago than
 * {@code reconfirmAfter}), remove the rows no longer desired, leave the rest alone. A row whose
 * rejection is waiting for its retry time (a lock error's backoff) is deferred. Pure.
 */
final class PushDiff {
    private PushDiff() {
    }

    /** What Salesforce holds of a row as last confirmed: {@code hash} null = a write not confirmed. */
    record Stored(String key, String sfId, byte[] hash, Instant lastConfirmed) {
    }

    record Plan(List<DesiredRow> writes, List<Stored> removals, int unchanged, int deferred) {
        boolean nothingToDo() {
            return writes.isEmpty() && removals.isEmpty();
        }
    }

    static Plan plan(List<DesiredRow> desired, Map<String, Stored> stored, Map<String, Instant> retryAt, Instant now,
            Duration reconfirmAfter) {
        List<DesiredRow> writes = new ArrayList<>();
        List<Stored> removals = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        int unchanged = 0;
        int deferred = 0;
        for (DesiredRow d : desired) {
            if (!wanted.add(d.key())) {
                throw new IllegalStateException("two desired rows with the key " + d.key());
            }
            Stored s = stored.get(d.key());
            boolean same = s != null && s.hash() != null && Arrays.equals(s.hash(), d.hash())
                    && (s.lastConfirmed() == null || !s.lastConfirmed().plus(reconfirmAfter).isBefore(now));
            if (same) {
                unchanged++;
            } else if (retryAt.containsKey(d.key()) && retryAt.get(d.key()).isAfter(now)) {
                deferred++;
            } else {
                writes.add(d);
            }
        }
        for (Stored s : stored.values()) {
            if (!wanted.contains(s.key())) {
                if (retryAt.containsKey(s.key()) && retryAt.get(s.key()).isAfter(now)) {
                    deferred++;
                } else {
                    removals.add(s);
                }
            }
        }
        removals.sort((a, b) -> a.key().compareTo(b.key()));
        return new Plan(writes, removals, unchanged, deferred);
    }
}
