package dev.crosswalk.app.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code pipeline_request} and {@code pipeline_stage_watermark}: what the after-sync pipeline was asked and how far it got. */
@Repository
class PipelineRepository {
    private final JdbcClient jdbc;

    PipelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param requestedAt  the latest request (strictly increasing per integration)
     * @param completedFor the request the last complete pass served (null: none yet)
     * @param failedStage  the stage of the last failure (null when the last pass completed)
     */
    record Request(UUID organizationId, Instant requestedAt, Instant completedFor, String failedStage, String failure) {
        boolean completed() {
            return completedFor != null && !completedFor.isBefore(requestedAt);
        }
    }

    /**
     * Asks for a pass. The new request is later than any before, even across nodes with skewed
     * clocks, so a pass that read the previous one sees that it must go again.
     */
    void request(UUID organizationId, UUID integrationId, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into pipeline_request (integration_id, organization_id, requested_at) values (?, ?, ?)
                on conflict (integration_id) do update
                    set requested_at = greatest(excluded.requested_at, pipeline_request.requested_at + interval '1 microsecond')""")
                .params(integrationId, organizationId, Timestamp.from(at)).update();
    }

    /** Asks for a pass of every data-source integration of the organization; returns their ids. */
    List<UUID> requestForOrganization(UUID organizationId, String kind, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return jdbc.sql("""
                insert into pipeline_request (integration_id, organization_id, requested_at)
                select id, organization_id, ? from integration where organization_id = ? and kind = ?
                on conflict (integration_id) do update
                    set requested_at = greatest(excluded.requested_at, pipeline_request.requested_at + interval '1 microsecond')
                returning integration_id""")
                .params(Timestamp.from(at), organizationId, kind).query(UUID.class).list();
    }

    Optional<Request> find(UUID integrationId) {
        return jdbc.sql("""
                select organization_id, requested_at, completed_for, failed_stage, failure
                from pipeline_request where integration_id = ?""")
                .param(integrationId)
                .query((rs, n) -> new Request(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)))
                .optional();
    }

    Optional<Instant> watermark(UUID integrationId, String stage) {
        return jdbc.sql("select watermark from pipeline_stage_watermark where integration_id = ? and stage = ?")
                .params(integrationId, stage).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    void stageDone(UUID integrationId, String stage, Instant requestedAt) {
        jdbc.sql("""
                insert into pipeline_stage_watermark (integration_id, stage, watermark) values (?, ?, ?)
                on conflict (integration_id, stage) do update
                    set watermark = greatest(excluded.watermark, pipeline_stage_watermark.watermark)""")
                .params(integrationId, stage, Timestamp.from(requestedAt)).update();
    }

    void stageFailed(UUID integrationId, String stage, String failure, Instant now) {
        jdbc.sql("update pipeline_request set failed_stage = ?, failure = ?, failed_at = ? where integration_id = ?")
                .params(stage, failure, Timestamp.from(now), integrationId).update();
    }

    void completed(UUID integrationId, Instant requestedAt) {
        jdbc.sql("""
                update pipeline_request
                set completed_for = greatest(?, completed_for), failed_stage = null, failure = null, failed_at = null,
                    gave_up_for = null
                where integration_id = ?""")
                .params(Timestamp.from(requestedAt), integrationId).update();
    }

    /** The retries of the current request are used up: the dispatcher leaves it alone until a newer request. */
    void gaveUp(UUID integrationId) {
        jdbc.sql("update pipeline_request set gave_up_for = requested_at where integration_id = ?").param(integrationId).update();
    }

    /** Integrations with a request no pass has completed and none has given up on (the dispatcher's safety net). */
    List<UUID> pending() {
        return jdbc.sql("""
                select integration_id from pipeline_request
                where (completed_for is null or completed_for < requested_at)
                  and (gave_up_for is null or gave_up_for < requested_at)""")
                .query(UUID.class).list();
    }
}
