package dev.crosswalk.app.push;

import dev.crosswalk.salesforce.ApiError;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** push_row, push_rejection, push_run and push_export_usage in SQL; every statement scoped by integration. */
@Repository
class PushStore {
    private final JdbcClient jdbc;

    PushStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- what Salesforce holds (push_row)

    Map<String, PushDiff.Stored> stored(UUID integrationId, DesiredRow.Kind kind) {
        Map<String, PushDiff.Stored> out = new HashMap<>();
        jdbc.sql("select row_key, sf_id, hash, last_confirmed from push_row where integration_id = ? and kind = ?")
                .params(integrationId, kind.name())
                .query((rs, n) -> new PushDiff.Stored(rs.getString(1), trim(rs.getString(2)), rs.getBytes(3), instant(rs.getTimestamp(4))))
                .list().forEach(s -> out.put(s.key(), s));
        return out;
    }

    Map<String, Instant> firstOverlapped(UUID integrationId, Collection<String> keys) {
        Map<String, Instant> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        jdbc.sql("select row_key, first_overlapped from push_row where integration_id = :i and kind = 'OVERLAP' and row_key in (:keys)"
                        + " and first_overlapped is not null")
                .param("i", integrationId).param("keys", keys)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Before a write: the row is marked unconfirmed (hash null), so a crash before the answer means "write it again". */
    void markPending(UUID integrationId, DesiredRow.Kind kind, List<String> keys, Map<String, Instant> firstOverlapped) {
        for (String key : keys) {
            jdbc.sql("""
                    insert into push_row (integration_id, kind, row_key, hash, first_overlapped) values (?, ?, ?, null, ?)
                    on conflict (integration_id, kind, row_key) do update set hash = null""")
                    .params(integrationId, kind.name(), key, ts(firstOverlapped.get(key))).update();
        }
    }

    void confirmWritten(UUID integrationId, DesiredRow.Kind kind, String key, String sfId, byte[] hash, Instant at) {
        jdbc.sql("""
                update push_row set sf_id = coalesce(?, sf_id), hash = ?, last_confirmed = ?, pushed_at = ?
                where integration_id = ? and kind = ? and row_key = ?""")
                .params(sfId, hash, ts(at), ts(at), integrationId, kind.name(), key).update();
    }

    void forget(UUID integrationId, DesiredRow.Kind kind, String key) {
        jdbc.sql("delete from push_row where integration_id = ? and kind = ? and row_key = ?").params(integrationId, kind.name(), key)
                .update();
    }

    int count(UUID integrationId, DesiredRow.Kind kind) {
        return jdbc.sql("select count(*) from push_row where integration_id = ? and kind = ?").params(integrationId, kind.name())
                .query(Integer.class).single();
    }

    // ---- rejections

    Map<String, Instant> retryAt(UUID integrationId, DesiredRow.Kind kind) {
        Map<String, Instant> out = new HashMap<>();
        jdbc.sql("select row_key, next_attempt_at from push_rejection where integration_id = ? and kind = ?")
                .params(integrationId, kind.name())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    void reject(UUID integrationId, DesiredRow.Kind kind, String key, RowWrite.Operation op, ApiError error, Instant now,
            RetryPolicy retry) {
        int attempts = jdbc.sql("select attempts from push_rejection where integration_id = ? and kind = ? and row_key = ?")
                .params(integrationId, kind.name(), key).query(Integer.class).optional().map(a -> a + 1).orElse(1);
        Instant next = retry.nextAttempt(error.errorCode(), attempts, now);
        jdbc.sql("""
                insert into push_rejection (integration_id, kind, row_key, operation, error_code, message, fields, attempts,
                    first_seen, last_seen, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (integration_id, kind, row_key) do update set operation = excluded.operation,
                    error_code = excluded.error_code, message = excluded.message, fields = excluded.fields,
                    attempts = excluded.attempts, last_seen = excluded.last_seen, next_attempt_at = excluded.next_attempt_at""")
                .params(integrationId, kind.name(), key, op.name(), error.errorCode(), error.message(),
                        error.fields().isEmpty() ? null : String.join(",", error.fields()), attempts, ts(now), ts(now), ts(next))
                .update();
    }

    void clearRejection(UUID integrationId, DesiredRow.Kind kind, String key) {
        jdbc.sql("delete from push_rejection where integration_id = ? and kind = ? and row_key = ?")
                .params(integrationId, kind.name(), key).update();
    }

    /** Rejections of rows no longer desired nor held: nothing is left to retry. */
    void dropRejectionsExcept(UUID integrationId, DesiredRow.Kind kind, Collection<String> live) {
        jdbc.sql("delete from push_rejection r where integration_id = :i and kind = :k and not (row_key = any(:live))"
                        + " and not exists (select 1 from push_row p where p.integration_id = r.integration_id and p.kind = r.kind"
                        + " and p.row_key = r.row_key)")
                .param("i", integrationId).param("k", kind.name()).param("live", live.toArray(String[]::new)).update();
    }

    record Rejection(String kind, String key, String operation, String errorCode, String message, String fields, int attempts,
            Instant firstSeen, Instant lastSeen, Instant nextAttemptAt) {
    }

    List<Rejection> rejections(UUID integrationId, int limit, int offset) {
        return jdbc.sql("select kind, row_key, operation, error_code, message, fields, attempts, first_seen, last_seen, next_attempt_at"
                        + " from push_rejection where integration_id = ? order by last_seen desc, row_key limit ? offset ?")
                .params(integrationId, limit, offset)
                .query((rs, n) -> new Rejection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10))))
                .list();
    }

    Map<String, Integer> rejectionCounts(UUID integrationId) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        jdbc.sql("select error_code, count(*) from push_rejection where integration_id = ? group by 1").param(integrationId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    Optional<Instant> earliestLockRetry(UUID integrationId) {
        return jdbc.sql("select min(next_attempt_at) from push_rejection where integration_id = ? and error_code = 'UNABLE_TO_LOCK_ROW'")
                .param(integrationId).query((rs, n) -> Optional.ofNullable(instant(rs.getTimestamp(1)))).single();
    }

    // ---- export usage

    java.util.Optional<Integer> exportLimit(UUID integrationId) {
        return jdbc.sql("select export_limit from push_export_limit where integration_id = ?").param(integrationId)
                .query(Integer.class).optional();
    }

    void setExportLimit(UUID integrationId, Integer limit) {
        if (limit == null) {
            jdbc.sql("delete from push_export_limit where integration_id = ?").param(integrationId).update();
        } else {
            jdbc.sql("""
                    insert into push_export_limit (integration_id, export_limit) values (?, ?)
                    on conflict (integration_id) do update set export_limit = excluded.export_limit""")
                    .params(integrationId, limit).update();
        }
    }

    int exportedThisTerm(UUID integrationId, LocalDate termStart) {
        return jdbc.sql("select count(*) from push_export_usage where integration_id = ? and term_start = ?")
                .params(integrationId, termStart).query(Integer.class).single();
    }

    java.util.Set<String> countedThisTerm(UUID integrationId, LocalDate termStart, Collection<String> keys) {
        if (keys.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select row_key from push_export_usage where integration_id = :i and term_start = :t"
                        + " and row_key = any(:keys)")
                .param("i", integrationId).param("t", termStart).param("keys", keys.toArray(String[]::new)).query(String.class).list());
    }

    void countExported(UUID integrationId, LocalDate termStart, String key) {
        jdbc.sql("insert into push_export_usage (integration_id, term_start, row_key) values (?, ?, ?) on conflict do nothing")
                .params(integrationId, termStart, key).update();
    }

    // ---- runs

    void startRun(UUID id, UUID integrationId, UUID organizationId, String trigger, Instant at) {
        jdbc.sql("insert into push_run (id, integration_id, organization_id, trigger, status, started_at) values (?, ?, ?, ?, 'RUNNING', ?)")
                .params(id, integrationId, organizationId, trigger, ts(at)).update();
    }

    void finishRun(UUID id, PushRun.Counts c, String status, String mode, String errorCode, String message, Instant at) {
        jdbc.sql("""
                update push_run set status = ?, mode = ?, desired = ?, upserted = ?, deleted = ?, accounts_updated = ?, unchanged = ?,
                    rejected = ?, write_calls = ?, api_calls = ?, error_code = ?, message = ?, finished_at = ? where id = ?""")
                .params(status, mode, c.desired(), c.upserted(), c.deleted(), c.accountsUpdated(), c.unchanged(), c.rejected(),
                        c.writeCalls(), c.apiCalls(), errorCode, message, ts(at), id)
                .update();
    }

    List<PushRun> runs(UUID integrationId, int limit) {
        return jdbc.sql("select id, trigger, status, mode, desired, upserted, deleted, accounts_updated, unchanged, rejected, write_calls,"
                        + " api_calls, error_code, message, started_at, finished_at from push_run where integration_id = ?"
                        + " order by started_at desc limit ?")
                .params(integrationId, limit)
                .query((rs, n) -> new PushRun(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        new PushRun.Counts(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                                rs.getInt(11), rs.getInt(12)),
                        rs.getString(13), rs.getString(14), instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16))))
                .list();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
