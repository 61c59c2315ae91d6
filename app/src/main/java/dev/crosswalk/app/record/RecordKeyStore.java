package dev.crosswalk.app.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** {@code record_key} and its checkpoint in SQL. Writes: COPY into a staging table, one upsert per page. */
@Repository
class RecordKeyStore {
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RecordKeyStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Where computation stands for an integration; locks the checkpoint row until the transaction ends. */
    record Checkpoint(Optional<Instant> computedThrough, int rulesVersion, Instant updatedAt) {
    }

    /** A synced record as key computation reads it. */
    record Source(String object, String sfId, Instant syncedAt, boolean deleted, String website, String email, String name,
            String company) {
    }

    /** Call inside a transaction. Serializes concurrent computations of one integration. */
    Checkpoint lock(UUID organizationId, UUID integrationId, Instant now) {
        jdbc.sql("""
                insert into record_key_checkpoint (integration_id, organization_id, computed_through, rules_version, updated_at)
                values (?, ?, null, ?, ?) on conflict (integration_id) do nothing""")
                .params(integrationId, organizationId, MatchKeys.RULES_VERSION, Timestamp.from(now)).update();
        return jdbc.sql("select computed_through, rules_version, updated_at from record_key_checkpoint where integration_id = ?"
                        + " for update")
                .param(integrationId)
                .query((rs, n) -> new Checkpoint(Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant), rs.getInt(2),
                        rs.getTimestamp(3).toInstant()))
                .single();
    }

    /**
     * The next page of records synced after {@code from} (all when null), in (synced_at, object,
     * sf_id) order after {@code after} (the last row of the previous page, or null). With
     * {@code skipKeyed}, records whose stored keys were computed from this version of the record
     * are left out (one index probe into {@code record_key} per record); without it every record
     * in the window comes back (a first or complete computation, where nothing can be skipped).
     */
    List<Source> page(UUID integrationId, Instant from, boolean skipKeyed, Source after, int limit) {
        Instant start = from == null ? Instant.EPOCH.minusSeconds(1) : from;
        Instant afterAt = after == null ? start : after.syncedAt();
        return jdbc.sql("""
                select r.object, r.sf_id, r.synced_at, r.is_deleted, r.fields->>'Website', r.fields->>'Email',
                       r.fields->>'Name', r.fields->>'Company'
                from crm_record r
                where r.integration_id = :integration and r.object = any(:keyed)
                  and r.synced_at > :start
                  and (r.synced_at, r.object, r.sf_id) > (:afterAt, :afterObject, :afterId)
                  and (not :skipKeyed or not exists (select 1 from record_key k where k.integration_id = r.integration_id
                                                       and k.object = r.object and k.sf_id = r.sf_id
                                                       and k.source_synced_at = r.synced_at offset 0))
                order by r.synced_at, r.object, r.sf_id
                limit :limit""")
                .param("integration", integrationId)
                .param("start", Timestamp.from(start))
                .param("afterAt", Timestamp.from(afterAt))
                .param("afterObject", after == null ? "" : after.object())
                .param("afterId", after == null ? "" : after.sfId())
                .param("skipKeyed", skipKeyed)
                .param("keyed", MatchableObjects.keyedArray())
                .param("limit", limit)
                .query((rs, n) -> new Source(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** Whether the integration has no key rows at all (its first computation). Call inside the computation's transaction. */
    boolean noKeys(UUID integrationId) {
        return !jdbc.sql("select exists (select 1 from record_key where integration_id = ?)").param(integrationId)
                .query(Boolean.class).single();
    }

    /**
     * Writes one page of keys of an integration that had none when its computation started
     * ({@link #noKeys}, under the checkpoint's lock): a plain COPY into {@code record_key}, no
     * staging table and no upsert, since no row can conflict. Every row is a change. Call inside
     * a transaction.
     */
    int insertFresh(UUID organizationId, UUID integrationId, List<KeyedRecord> rows, Instant now) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            String at = now.toString();
            copy(c, "copy record_key (organization_id, integration_id, object, sf_id, source_synced_at, domain, key_reason,"
                    + " name_key, name_reason, computed_at, changed_at) from stdin with (format csv)",
                    organizationId + "," + integrationId + ",", "," + at + "," + at, rows);
            return rows.size();
        } catch (SQLException e) {
            throw new IllegalStateException("writing match keys failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** Upserts one page of keys; returns how many rows changed their domain or name key. Call inside a transaction. */
    int write(UUID organizationId, UUID integrationId, List<KeyedRecord> rows, Instant now) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            try (var st = c.createStatement()) {
                st.execute("create temp table if not exists stage_record_key (object text, sf_id text, synced_at timestamptz,"
                        + " domain text, key_reason text, name_key text, name_reason text) on commit delete rows");
                st.execute("truncate stage_record_key");
            }
            copy(c, "copy stage_record_key (object, sf_id, synced_at, domain, key_reason, name_key, name_reason)"
                    + " from stdin with (format csv)", "", "", rows);
            try (var ps = c.prepareStatement("""
                    with upserted as (
                        insert into record_key as k (organization_id, integration_id, object, sf_id, domain, key_reason,
                                                     name_key, name_reason, source_synced_at, computed_at, changed_at)
                        select ?, ?, object, sf_id, domain, key_reason, name_key, name_reason, synced_at, ?, ?
                        from stage_record_key
                        on conflict (integration_id, object, sf_id) do update
                            set domain = excluded.domain, key_reason = excluded.key_reason, name_key = excluded.name_key,
                                name_reason = excluded.name_reason, source_synced_at = excluded.source_synced_at,
                                computed_at = excluded.computed_at,
                                changed_at = case when k.domain is distinct from excluded.domain
                                                    or k.name_key is distinct from excluded.name_key
                                                  then excluded.changed_at else k.changed_at end
                        returning changed_at)
                    select count(*) filter (where changed_at = ?) from upserted""")) {
                Timestamp at = Timestamp.from(now);
                ps.setObject(1, organizationId);
                ps.setObject(2, integrationId);
                ps.setTimestamp(3, at);
                ps.setTimestamp(4, at);
                ps.setTimestamp(5, at);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing match keys failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    void advance(UUID integrationId, Instant computedThrough, Instant now) {
        jdbc.sql("""
                update record_key_checkpoint
                set computed_through = greatest(?, computed_through), rules_version = ?, updated_at = greatest(?, updated_at)
                where integration_id = ?""")
                .params(computedThrough == null ? null : Timestamp.from(computedThrough), MatchKeys.RULES_VERSION,
                        Timestamp.from(now), integrationId)
                .update();
    }

    /** The organization's integrations that have synced records of matchable objects. */
    List<UUID> integrationsWithRecords(UUID organizationId) {
        return jdbc.sql("select id from integration i where organization_id = ? and exists"
                        + " (select 1 from crm_record r where r.integration_id = i.id)")
                .param(organizationId).query(UUID.class).list();
    }

    record ReasonCount(String object, String reason, long records, long withName) {
    }

    List<ReasonCount> reasonCounts(UUID organizationId, UUID integrationId) {
        return jdbc.sql("""
                select object, key_reason, count(*), count(name_key)
                from record_key
                where organization_id = :org and (cast(:integration as uuid) is null or integration_id = :integration)
                  and key_reason <> 'DELETED'
                group by object, key_reason
                order by object, key_reason""")
                .param("org", organizationId)
                .param("integration", integrationId)
                .query((rs, n) -> new ReasonCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Records synced but not keyed yet (no key row, or keys computed from an older version of the record). */
    long pending(UUID organizationId, UUID integrationId) {
        return jdbc.sql("""
                select count(*)
                from crm_record r
                left join record_key k on k.integration_id = r.integration_id and k.object = r.object and k.sf_id = r.sf_id
                where r.organization_id = :org and (cast(:integration as uuid) is null or r.integration_id = :integration)
                  and r.object = any(:keyed)
                  and (k.sf_id is null or k.source_synced_at <> r.synced_at)""")
                .param("keyed", MatchableObjects.keyedArray())
                .param("org", organizationId)
                .param("integration", integrationId)
                .query(Long.class).single();
    }

    Optional<Instant> lastComputed(UUID organizationId, UUID integrationId) {
        return jdbc.sql("""
                select max(updated_at) from record_key_checkpoint
                where organization_id = :org and (cast(:integration as uuid) is null or integration_id = :integration)""")
                .param("org", organizationId)
                .param("integration", integrationId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** One CSV line per row: {@code prefix}, object, id, synced_at, domain, its reason, name key, its reason, {@code suffix}. */
    private static void copy(Connection c, String copySql, String prefix, String suffix, List<KeyedRecord> rows) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        try (OutputStream out = new PGCopyOutputStream(pg, copySql, 1 << 16)) {
            StringBuilder line = new StringBuilder(256);
            for (KeyedRecord r : rows) {
                line.setLength(0);
                line.append(prefix);
                quoted(line, r.object()).append(',');
                quoted(line, r.sfId()).append(',');
                line.append(r.syncedAt()).append(',');
                quoted(line, r.keys().domain().keyOrNull()).append(',');
                line.append(r.keys().domain().reason().name()).append(',');
                quoted(line, r.keys().name().keyOrNull()).append(',');
                line.append(r.keys().name().reason().name()).append(suffix).append('\n');
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV field: null as nothing (COPY's NULL), anything else quoted with quotes doubled. */
    private static StringBuilder quoted(StringBuilder sb, String value) {
        if (value == null) {
            return sb;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            sb.append(ch == '"' ? "\"\"" : String.valueOf(ch));
        }
        return sb.append('"');
    }
}
