package dev.crosswalk.app.health;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Error rows in SQL: one open row per (integration, code, object, field), upserted atomically. */
@Repository
class ErrorRepository {
    private final JdbcClient jdbc;
    private final int transientMinOccurrences;
    private final Duration transientMinAge;

    ErrorRepository(JdbcClient jdbc, @Value("${crosswalk.health.transient-min-occurrences:3}") int transientMinOccurrences,
            @Value("${crosswalk.health.transient-min-age:PT15M}") Duration transientMinAge) {
        this.jdbc = jdbc;
        this.transientMinOccurrences = transientMinOccurrences;
        this.transientMinAge = transientMinAge;
    }

    /** Opens the problem's row, or counts one more occurrence of the open one. */
    void record(UUID organizationId, UUID integrationId, UUID connectionId, Problem p, Instant now) {
        jdbc.sql("""
                insert into integration_error (id, organization_id, integration_id, connection_id, code, severity, transient,
                    object, field, message, fix, first_seen, last_seen)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (integration_id, code, coalesce(object, ''), coalesce(field, '')) where cleared_at is null
                do update set last_seen = excluded.last_seen, occurrences = integration_error.occurrences + 1,
                    message = excluded.message, fix = excluded.fix, connection_id = excluded.connection_id""")
                .params(UUID.randomUUID(), organizationId, integrationId, connectionId, p.code().name(),
                        p.code().severity().name(), p.code().isTransient(), p.object(), p.field(), p.message(), p.fix(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    int clear(UUID id, Instant now, String by, UUID runId) {
        return jdbc.sql("update integration_error set cleared_at = ?, cleared_by = ?, cleared_by_run = ? where id = ? and cleared_at is null")
                .params(Timestamp.from(now), by, runId, id).update();
    }

    List<IntegrationError> open(UUID integrationId) {
        return jdbc.sql(SELECT + " where integration_id = ? and cleared_at is null order by first_seen")
                .param(integrationId).query(this::map).list();
    }

    List<IntegrationError> history(UUID organizationId, UUID integrationId, boolean includeCleared, int limit) {
        return jdbc.sql(SELECT + " where organization_id = ? and integration_id = ?"
                        + (includeCleared ? "" : " and cleared_at is null") + " order by last_seen desc limit ?")
                .params(organizationId, integrationId, limit).query(this::map).list();
    }

    List<IntegrationError> clearedSince(UUID integrationId, Instant since) {
        return jdbc.sql(SELECT + " where integration_id = ? and cleared_at >= ? order by cleared_at")
                .params(integrationId, Timestamp.from(since)).query(this::map).list();
    }

    private static final String SELECT = """
            select id, integration_id, connection_id, code, severity, object, field, message, fix, first_seen, last_seen,
                   occurrences, cleared_at, cleared_by, cleared_by_run from integration_error""";

    private IntegrationError map(ResultSet rs, int n) throws SQLException {
        HealthCode code = HealthCode.valueOf(rs.getString("code"));
        Instant first = rs.getTimestamp("first_seen").toInstant();
        Instant last = rs.getTimestamp("last_seen").toInstant();
        int occurrences = rs.getInt("occurrences");
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new IntegrationError(rs.getObject("id", UUID.class), rs.getObject("integration_id", UUID.class),
                rs.getObject("connection_id", UUID.class), code, HealthCode.Severity.valueOf(rs.getString("severity")),
                rs.getString("object"), rs.getString("field"), rs.getString("message"), rs.getString("fix"), first, last,
                occurrences, cleared == null ? null : cleared.toInstant(), rs.getString("cleared_by"),
                rs.getObject("cleared_by_run", UUID.class),
                IntegrationError.isVisible(code, occurrences, first, last, transientMinOccurrences, transientMinAge));
    }
}
