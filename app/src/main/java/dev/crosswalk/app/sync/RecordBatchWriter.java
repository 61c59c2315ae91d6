package dev.crosswalk.app.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes one batch of synced rows in one transaction: {@code COPY} into a temporary staging
 * table, one set-based upsert into {@code crm_record}, and the object's checkpoint — so the
 * watermark never runs ahead of the data it covers. A replayed batch (after a crash, or the
 * overlap window) changes nothing: rows older than what is stored are ignored.
 */
@Component
class RecordBatchWriter {
    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource dataSource;

    RecordBatchWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One synced row: its id, its fields (column → Salesforce's string value or null), deletion flag and modstamp. */
    record SyncedRow(String id, List<String> columns, String[] values, boolean deleted, Instant systemModstamp) {
    }

    record BatchResult(int written, int deleted) {
    }

    /**
     * Call inside a transaction (the caller's TransactionTemplate): the connection is the transaction's.
     *
     * @param firstLoad the object had no stored rows when this run began it (no checkpoint yet): the rows
     *                  are copied straight into {@code crm_record}, which skips the staging table and the
     *                  upsert (about a third of the database's work in a first sync). A row that is there
     *                  after all fails the batch with {@link DuplicateKeyException}; write it again without.
     */
    BatchResult write(UUID organizationId, UUID integrationId, String object, List<SyncedRow> rows, Supplier<Instant> checkpoint,
            boolean fullSyncDone, String fieldsSignature, Instant now, boolean firstLoad) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            try (var st = c.createStatement()) {
                // No wait for the WAL flush at commit. Safe here: a database crash can only lose the
                // newest batches together with their checkpoint (WAL order keeps them together), and
                // the next run re-reads them from Salesforce. Nothing is lost or doubled; a run is faster.
                st.execute("set local synchronous_commit = off");
            }
            BatchResult result = firstLoad ? copyIntoRecords(c, organizationId, integrationId, object, rows, now)
                    : upsert(c, organizationId, integrationId, object, rows, now);
            // Batches may commit out of order (see WriteBehind): with the same fields the checkpoint only
            // moves forward; with other fields a new full read starts it over. Asked for only now, after
            // this batch's rows, so it covers whatever else committed meanwhile.
            try (var ps = c.prepareStatement("""
                    insert into sync_checkpoint as cp (integration_id, object, watermark, full_sync_done, fields_signature, updated_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (integration_id, object) do update
                        set watermark = case when cp.fields_signature = excluded.fields_signature
                                             then greatest(cp.watermark, excluded.watermark) else excluded.watermark end,
                            full_sync_done = excluded.full_sync_done
                                             or (cp.full_sync_done and cp.fields_signature = excluded.fields_signature),
                            fields_signature = excluded.fields_signature, updated_at = excluded.updated_at""")) {
                ps.setObject(1, integrationId);
                ps.setString(2, object);
                ps.setTimestamp(3, Timestamp.from(checkpoint.get()));
                ps.setBoolean(4, fullSyncDone);
                ps.setString(5, fieldsSignature);
                ps.setTimestamp(6, Timestamp.from(now));
                ps.executeUpdate();
            }
            return result;
        } catch (SQLException e) {
            if (firstLoad && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DuplicateKeyException("a " + object + " row of this first load is stored already", e);
            }
            throw new IllegalStateException("writing synced " + object + " records failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static BatchResult copyIntoRecords(Connection c, UUID organizationId, UUID integrationId, String object,
            List<SyncedRow> rows, Instant now) throws SQLException {
        copy(c, "copy crm_record (organization_id, integration_id, object, sf_id, fields, is_deleted, system_modstamp, synced_at)"
                + " from stdin with (format csv)", organizationId + "," + integrationId + "," + object + ",", "," + now, rows);
        int deleted = (int) rows.stream().filter(SyncedRow::deleted).count();
        return new BatchResult(rows.size(), deleted);
    }

    private static BatchResult upsert(Connection c, UUID organizationId, UUID integrationId, String object, List<SyncedRow> rows,
            Instant now) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("create temp table if not exists stage_record (sf_id text, fields jsonb, is_deleted boolean,"
                    + " system_modstamp timestamptz) on commit delete rows");
        }
        copy(c, "copy stage_record (sf_id, fields, is_deleted, system_modstamp) from stdin with (format csv)", "", "", rows);
        try (var ps = c.prepareStatement("""
                with upserted as (
                    insert into crm_record as r (organization_id, integration_id, object, sf_id, fields, is_deleted,
                                                 system_modstamp, synced_at)
                    select distinct on (sf_id) ?, ?, ?, sf_id, fields, is_deleted, system_modstamp, ?
                    from stage_record order by sf_id, system_modstamp desc
                    on conflict (integration_id, object, sf_id) do update
                        set fields = excluded.fields, is_deleted = excluded.is_deleted,
                            system_modstamp = excluded.system_modstamp, synced_at = excluded.synced_at
                        where r.system_modstamp < excluded.system_modstamp
                           or (r.system_modstamp = excluded.system_modstamp
                               and (r.is_deleted <> excluded.is_deleted or r.fields <> excluded.fields))
                    returning is_deleted)
                select count(*), count(*) filter (where is_deleted) from upserted""")) {
            ps.setObject(1, organizationId);
            ps.setObject(2, integrationId);
            ps.setString(3, object);
            ps.setTimestamp(4, Timestamp.from(now));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new BatchResult(rs.getInt(1), rs.getInt(2));
            }
        }
    }

    /** One CSV line per row: {@code prefix}, id, fields as JSON, deleted, modstamp, {@code suffix} (see {@link CopyLines}). */
    private static void copy(Connection c, String copySql, String prefix, String suffix, List<SyncedRow> rows) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        try (OutputStream out = new PGCopyOutputStream(pg, copySql, 1 << 16)) {
            CopyLines lines = new CopyLines(out, prefix, suffix);
            for (SyncedRow r : rows) {
                lines.add(r);
            }
            lines.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
