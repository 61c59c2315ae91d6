package dev.crosswalk.app.push;

import dev.crosswalk.salesforce.ApiError;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
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
        // An array parameter, not "in (:keys)": a list expands to one bind parameter per key, and PostgreSQL takes at most 32,767.
        jdbc.sql("select row_key, first_overlapped from push_row where integration_id = :i and kind = 'OVERLAP'"
                        + " and row_key = any(:keys) and first_overlapped is not null")
                .param("i", integrationId).param("keys", keys.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Before a write: the rows are marked unconfirmed, so a crash before the answer means "write it again". Rows Salesforce
     * held get hash null (one statement per {@link #CHUNK} rows); every key, held or new, goes into one in-flight row
     * ({@code push_inflight}) instead of a pending push_row each: a 100,000-row first push inserted 100,000 rows here that
     * {@link #confirmWritten} then updated. {@link #settleInflight} turns what is left of it into pending push_rows.
     *
     * @param firstForNew {@code first_overlapped} of the keys that have no push_row yet
     * @return the in-flight row, for {@link #dropInflight} once every key is confirmed
     */
    UUID markPending(UUID integrationId, DesiredRow.Kind kind, List<String> keys, Instant firstForNew) {
        for (List<String> chunk : chunks(keys)) {
            jdbc.sql("update push_row set hash = null where integration_id = :i and kind = :k and row_key = any(:keys) and hash is not null")
                    .param("i", integrationId).param("k", kind.name()).param("keys", chunk.toArray(String[]::new)).update();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into push_inflight (id, integration_id, kind, row_keys, first_overlapped)"
                        + " values (:id, :i, :k, cast(:keys as text[]), cast(:first as timestamptz))")
                .param("id", id).param("i", integrationId).param("k", kind.name()).param("keys", keys.toArray(String[]::new))
                .param("first", ts(firstForNew)).update();
        return id;
    }

    /** An in-flight row whose every key Salesforce confirmed (each has its push_row now): nothing is left to settle. */
    void dropInflight(UUID inflightId) {
        jdbc.sql("delete from push_inflight where id = ?").param(inflightId).update();
    }

    /**
     * The keys of writes Salesforce did not confirm, of this push (a row rejected or left unprocessed) or of one that
     * stopped half way (a crash, a revoked token: called at the start of every push, under its lock): those without a
     * push_row get one with hash null, then the in-flight rows go. Idempotent: a crash in between leaves nothing wrong.
     */
    void settleInflight(UUID integrationId) {
        jdbc.sql("""
                insert into push_row (integration_id, kind, row_key, hash, first_overlapped)
                select f.integration_id, f.kind, k.row_key, null, f.first_overlapped
                from push_inflight f cross join unnest(f.row_keys) as k(row_key)
                where f.integration_id = :i
                on conflict (integration_id, kind, row_key) do nothing""").param("i", integrationId).update();
        jdbc.sql("delete from push_inflight where integration_id = :i").param("i", integrationId).update();
    }

    /** A row Salesforce confirmed holding: its key, its record id (null = keep the known one) and the hash of what it holds. */
    record Confirmed(String key, String sfId, byte[] hash) {
    }

    void confirmWritten(UUID integrationId, DesiredRow.Kind kind, String key, String sfId, byte[] hash, Instant at) {
        confirmWritten(integrationId, kind, List.of(new Confirmed(key, sfId, hash)), null, at);
    }

    /**
     * The rows Salesforce confirmed, in one statement per {@link #CHUNK} rows: inserted (a new key, with
     * {@code firstForNew} as its first overlap) or updated.
     */
    void confirmWritten(UUID integrationId, DesiredRow.Kind kind, List<Confirmed> rows, Instant firstForNew, Instant at) {
        for (List<Confirmed> chunk : chunks(rows)) {
            jdbc.sql("""
                    insert into push_row as p (integration_id, kind, row_key, sf_id, hash, first_overlapped, last_confirmed, pushed_at)
                    select :i, :k, v.row_key, v.sf_id, decode(v.hash, 'hex'), cast(:first as timestamptz), :at, :at
                    from unnest(cast(:keys as text[]), cast(:ids as text[]), cast(:hashes as text[])) as v(row_key, sf_id, hash)
                    on conflict (integration_id, kind, row_key) do update set sf_id = coalesce(excluded.sf_id, p.sf_id),
                        hash = excluded.hash, last_confirmed = excluded.last_confirmed, pushed_at = excluded.pushed_at""")
                    .param("i", integrationId).param("k", kind.name()).param("at", ts(at))
                    .param("first", ts(firstForNew))
                    .param("keys", chunk.stream().map(Confirmed::key).toArray(String[]::new))
                    .param("ids", chunk.stream().map(Confirmed::sfId).toArray(String[]::new))
                    .param("hashes", chunk.stream().map(c -> c.hash() == null ? null : HexFormat.of().formatHex(c.hash()))
                            .toArray(String[]::new))
                    .update();
        }
    }

    void forget(UUID integrationId, DesiredRow.Kind kind, String key) {
        forget(integrationId, kind, List.of(key));
    }

    void forget(UUID integrationId, DesiredRow.Kind kind, Collection<String> keys) {
        for (List<String> chunk : chunks(List.copyOf(keys))) {
            jdbc.sql("delete from push_row where integration_id = :i and kind = :k and row_key = any(:keys)")
                    .param("i", integrationId).param("k", kind.name()).param("keys", chunk.toArray(String[]::new)).update();
        }
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
        clearRejections(integrationId, kind, List.of(key));
    }

    void clearRejections(UUID integrationId, DesiredRow.Kind kind, Collection<String> keys) {
        for (List<String> chunk : chunks(List.copyOf(keys))) {
            jdbc.sql("delete from push_rejection where integration_id = :i and kind = :k and row_key = any(:keys)")
                    .param("i", integrationId).param("k", kind.name()).param("keys", chunk.toArray(String[]::new)).update();
        }
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
        countExported(integrationId, termStart, List.of(key));
    }

    void countExported(UUID integrationId, LocalDate termStart, Collection<String> keys) {
        for (List<String> chunk : chunks(List.copyOf(keys))) {
            jdbc.sql("""
                    insert into push_export_usage (integration_id, term_start, row_key)
                    select :i, :t, unnest(cast(:keys as text[])) on conflict do nothing""")
                    .param("i", integrationId).param("t", termStart).param("keys", chunk.toArray(String[]::new)).update();
        }
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

    /** Rows per set-based statement: large enough that a big push is a handful of statements, small enough for one array. */
    static final int CHUNK = 10_000;

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return out;
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
