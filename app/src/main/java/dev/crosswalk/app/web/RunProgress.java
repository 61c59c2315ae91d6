package dev.crosswalk.app.web;

import dev.crosswalk.app.sync.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A running run's progress as the overview shows it: records done of the (estimated) total and
 * the time left at the pace so far. Null fields when Salesforce's count is not known yet.
 */
record RunProgress(SyncRun run, long done, Long total, Integer percent, String eta) {

    static RunProgress of(List<SyncRun> runs, Instant now) {
        return runs.stream().filter(r -> "RUNNING".equals(r.status())).findFirst().map(r -> of(r, now)).orElse(null);
    }

    static RunProgress of(SyncRun r, Instant now) {
        long done = r.recordsRead();
        Long total = r.estimatedTotal();
        if (total == null || total <= 0) {
            return new RunProgress(r, done, null, null, null);
        }
        long shown = Math.min(done, total);
        int percent = (int) Math.min(100, shown * 100 / total);
        String eta = null;
        long elapsedMs = Duration.between(r.startedAt(), now).toMillis();
        if (shown > 0 && elapsedMs > 0 && shown < total) {
            long leftMs = elapsedMs * (total - shown) / shown;
            eta = leftMs < 60_000 ? Math.max(1, Math.round(leftMs / 1000.0)) + " s left"
                    : Math.round(leftMs / 60_000.0) + " min left";
        }
        return new RunProgress(r, done, total, percent, eta);
    }
}
