package dev.crosswalk.app.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Custom Objects integrations: rows of {@code integration} with kind {@value CustomObjectsIntegrations#KIND}. */
@Repository
class CustomObjectsRepository {
    private final JdbcClient jdbc;

    CustomObjectsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CustomObjectsIntegration i) {
        jdbc.sql("""
                insert into integration (id, organization_id, kind, source_integration_id, name, frequency_hours, paused, status,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.id(), i.organizationId(), CustomObjectsIntegrations.KIND, i.sourceIntegrationId(), i.name(),
                        i.frequencyHours(), i.paused(), i.status().name(), Timestamp.from(i.createdAt()),
                        Timestamp.from(i.updatedAt()))
                .update();
    }

    Optional<CustomObjectsIntegration> find(UUID organizationId, UUID id) {
        return jdbc.sql(SELECT + " and organization_id = ? and id = ?").params(organizationId, id).query(CustomObjectsRepository::map)
                .optional();
    }

    Optional<CustomObjectsIntegration> forSource(UUID organizationId, UUID sourceIntegrationId) {
        return jdbc.sql(SELECT + " and organization_id = ? and source_integration_id = ?").params(organizationId, sourceIntegrationId)
                .query(CustomObjectsRepository::map).optional();
    }

    List<CustomObjectsIntegration> list(UUID organizationId) {
        return jdbc.sql(SELECT + " and organization_id = ? order by created_at").param(organizationId)
                .query(CustomObjectsRepository::map).list();
    }

    /** For jobs (probes), which run outside any member's request. */
    List<CustomObjectsIntegration> all() {
        return jdbc.sql(SELECT + " order by created_at").query(CustomObjectsRepository::map).list();
    }

    Optional<CustomObjectsIntegration> findAnyOrganization(UUID id) {
        return jdbc.sql(SELECT + " and id = ?").param(id).query(CustomObjectsRepository::map).optional();
    }

    /** Optimistic update: zero rows means someone else changed it first. */
    int updateSchedule(UUID organizationId, UUID id, long expectedVersion, int frequencyHours, boolean paused, Instant now) {
        return jdbc.sql("""
                update integration set frequency_hours = ?, paused = ?, updated_at = ?, version = version + 1
                where organization_id = ? and id = ? and version = ? and kind = ?""")
                .params(frequencyHours, paused, Timestamp.from(now), organizationId, id, expectedVersion, CustomObjectsIntegrations.KIND)
                .update();
    }

    int delete(UUID organizationId, UUID id) {
        return jdbc.sql("delete from integration where organization_id = ? and id = ? and kind = ?")
                .params(organizationId, id, CustomObjectsIntegrations.KIND).update();
    }

    private static final String SELECT = """
            select id, organization_id, source_integration_id, name, frequency_hours, paused, status, created_at, updated_at, version
            from integration where kind = '""" + CustomObjectsIntegrations.KIND + "'";

    private static CustomObjectsIntegration map(ResultSet rs, int n) throws SQLException {
        return new CustomObjectsIntegration(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("source_integration_id", UUID.class), rs.getString("name"), rs.getInt("frequency_hours"),
                rs.getBoolean("paused"), IntegrationStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
