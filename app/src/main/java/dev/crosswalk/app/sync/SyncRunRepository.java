package dev.crosswalk.app.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class SyncRunRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    SyncRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs left RUNNING by an execution that died (process killed, node lost). db-scheduler runs
     * one execution per integration at a time, so when a new one starts, any RUNNING row is dead.
     */
    int failAbandoned(UUID integrationId, Instant now) {
        return jdbc.sql("""
                update sync_run set status = 'FAILED', ended_at = ?,
                    errors = errors || '[{"code":"RUN_INTERRUPTED","message":"The run stopped without finishing (the service restarted or a node was lost). The next run resumed from the last saved checkpoint."}]'::jsonb
                where integration_id = ? and status = 'RUNNING'""")
                .params(Timestamp.from(now), integrationId).update();
    }

    void start(UUID runId, UUID organizationId, UUID integrationId, SyncTrigger trigger, Instant now, String node) {
        jdbc.sql("""
                insert into sync_run (id, organization_id, integration_id, trigger, status, started_at, heartbeat_at, node)
                values (?, ?, ?, ?, 'RUNNING', ?, ?, ?)""")
                .params(runId, organizationId, integrationId, trigger.name(), Timestamp.from(now), Timestamp.from(now), node)
                .update();
    }

    void progress(UUID runId, long read, long upserted, long deleted, Long estimatedTotal, Instant now) {
        jdbc.sql("""
                update sync_run set records_read = ?, records_upserted = ?, records_deleted = ?,
                    estimated_total = coalesce(?, estimated_total), heartbeat_at = ? where id = ?""")
                .params(read, upserted, deleted, estimatedTotal, Timestamp.from(now), runId).update();
    }

    void finish(UUID runId, String status, Instant now, long read, long upserted, long deleted, int apiCalls,
            Map<String, SyncRun.ObjectCounts> objects) {
        jdbc.sql("""
                update sync_run set status = ?, ended_at = ?, heartbeat_at = ?, records_read = ?, records_upserted = ?,
                    records_deleted = ?, api_calls = ?, objects = cast(? as jsonb) where id = ?""")
                .params(status, Timestamp.from(now), Timestamp.from(now), read, upserted, deleted, apiCalls,
                        JSON.writeValueAsString(objects), runId)
                .update();
    }

    /** The run's problems in words (health writes them: it owns the texts). */
    void describeErrors(UUID runId, List<SyncRun.RunError> errors) {
        jdbc.sql("update sync_run set errors = cast(? as jsonb) where id = ?").params(JSON.writeValueAsString(errors), runId)
                .update();
    }

    List<SyncRun> list(UUID organizationId, UUID integrationId, int limit) {
        return jdbc.sql(SELECT + " where organization_id = ? and integration_id = ? order by started_at desc limit ?")
                .params(organizationId, integrationId, limit).query(SyncRunRepository::map).list();
    }

    Optional<SyncRun> find(UUID organizationId, UUID runId) {
        return jdbc.sql(SELECT + " where organization_id = ? and id = ?").params(organizationId, runId)
                .query(SyncRunRepository::map).optional();
    }

    Optional<SyncRun> running(UUID integrationId) {
        return jdbc.sql(SELECT + " where integration_id = ? and status = 'RUNNING'").param(integrationId)
                .query(SyncRunRepository::map).optional();
    }

    Optional<Instant> lastStart(UUID integrationId) {
        return jdbc.sql("select max(started_at) from sync_run where integration_id = ?").param(integrationId)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional();
    }

    /** Finished runs whose records the after-sync work (keys, populations, overlaps) has not caught up with. */
    List<UUID> awaitingMatch(UUID integrationId) {
        return jdbc.sql("select id from sync_run where integration_id = ? and matched_at is null and status <> 'RUNNING'")
                .param(integrationId).query(UUID.class).list();
    }

    List<UUID> integrationsAwaitingMatch() {
        return jdbc.sql("select distinct integration_id from sync_run where matched_at is null and status <> 'RUNNING'")
                .query(UUID.class).list();
    }

    void markMatched(List<UUID> runIds, Instant now) {
        jdbc.sql("update sync_run set matched_at = ? where id = any(?) and matched_at is null")
                .params(Timestamp.from(now), runIds.toArray(UUID[]::new)).update();
    }

    private static final String SELECT = """
            select id, integration_id, trigger, status, started_at, ended_at, matched_at, records_read, records_upserted,
                   records_deleted, estimated_total, api_calls, objects::text as objects, errors::text as errors from sync_run""";

    private static SyncRun map(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        Timestamp matched = rs.getTimestamp("matched_at");
        Long estimated = rs.getObject("estimated_total", Long.class);
        return new SyncRun(rs.getObject("id", UUID.class), rs.getObject("integration_id", UUID.class),
                SyncTrigger.valueOf(rs.getString("trigger")), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant(), matched == null ? null : matched.toInstant(), rs.getLong("records_read"), rs.getLong("records_upserted"),
                rs.getLong("records_deleted"), estimated, rs.getInt("api_calls"),
                JSON.readValue(rs.getString("objects"), new TypeReference<Map<String, SyncRun.ObjectCounts>>() {
                }),
                JSON.readValue(rs.getString("errors"), new TypeReference<List<SyncRun.RunError>>() {
                }));
    }
}
