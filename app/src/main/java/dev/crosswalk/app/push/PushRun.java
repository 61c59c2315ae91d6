package dev.crosswalk.app.push;

import java.time.Instant;
import java.util.UUID;

/**
 * One push as the API shows it. {@code status}: SUCCEEDED (Salesforce equals the desired state),
 * PARTIAL (some rows rejected or deferred; they are retried), FAILED (stopped; {@code errorCode}
 * says why, e.g. FIELD_MISSING, EXPORT_LIMIT, AUTH_REVOKED), SKIPPED (not started: the Inbound
 * connection is unhealthy, the integration is paused or the API quota guard holds).
 */
public record PushRun(UUID id, String trigger, String status, String mode, Counts counts, String errorCode, String message,
        Instant startedAt, Instant finishedAt) {

    /** {@code writeCalls}: calls that wrote; {@code apiCalls}: every Salesforce call of the push (reads included). */
    public record Counts(int desired, int upserted, int deleted, int accountsUpdated, int unchanged, int rejected, int writeCalls,
            int apiCalls) {
        static Counts none() {
            return new Counts(0, 0, 0, 0, 0, 0, 0, 0);
        }
    }
}
