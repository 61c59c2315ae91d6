package dev.crosswalk.app.integration;

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
class IntegrationRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> OBJECTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    IntegrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Integration i) {
        jdbc.sql("""
                insert into integration (id, organization_id, kind, name, frequency_hours, paused, settings, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(i.id(), i.organizationId(), i.kind(), i.name(), i.frequencyHours(), i.paused(),
                        JSON.writeValueAsString(i.settings().objects()), i.status().name(), Timestamp.from(i.createdAt()),
                        Timestamp.from(i.updatedAt()))
                .update();
    }

    /** Serializes connecting within one organization, so two callbacks cannot both add the same Salesforce org. */
    void lockOrganization(UUID organizationId) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('integration-connect:' || ?, 0))) l")
                .param(organizationId.toString()).query(Integer.class).single();
    }

    /** An integration already reading this Salesforce org for the organization (a data source), other than {@code except}. */
    record Existing(UUID id, String name) {
    }

    Optional<Existing> dataSourceOfSalesforceOrg(UUID organizationId, String salesforceOrgId, UUID except) {
        return jdbc.sql("""
                select i.id, i.name from integration i
                join salesforce_connection c on c.integration_id = i.id and c.direction = 'INBOUND'
                where i.organization_id = ? and i.kind = 'SALESFORCE_DATA_SOURCE' and c.sf_org_id = ?
                  and (cast(? as uuid) is null or i.id <> ?)
                order by i.created_at limit 1""")
                .params(organizationId, salesforceOrgId, except, except)
                .query((rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    List<Integration> list(UUID organizationId) {
        return jdbc.sql(SELECT + " and organization_id = ? order by created_at").param(organizationId)
                .query(IntegrationRepository::map).list();
    }

    Optional<Integration> find(UUID organizationId, UUID id) {
        return jdbc.sql(SELECT + " and organization_id = ? and id = ?").params(organizationId, id)
                .query(IntegrationRepository::map).optional();
    }

    /** For jobs, which run outside any member's request. */
    Optional<Integration> findAnyOrganization(UUID id) {
        return jdbc.sql(SELECT + " and id = ?").param(id).query(IntegrationRepository::map).optional();
    }

    List<Integration> all() {
        return jdbc.sql(SELECT + " order by created_at").query(IntegrationRepository::map).list();
    }

    /** Optimistic update: zero rows means someone else changed it first. */
    int updateSettings(UUID organizationId, UUID id, long expectedVersion, int frequencyHours, boolean paused,
            SyncSettings settings, Instant now) {
        return jdbc.sql("""
                update integration set frequency_hours = ?, paused = ?, settings = cast(? as jsonb), updated_at = ?,
                    version = version + 1
                where organization_id = ? and id = ? and version = ?""")
                .params(frequencyHours, paused, JSON.writeValueAsString(settings.objects()), Timestamp.from(now), organizationId,
                        id, expectedVersion)
                .update();
    }

    void updateStatus(UUID id, IntegrationStatus status, Instant now) {
        jdbc.sql("update integration set status = ?, updated_at = ? where id = ?")
                .params(status.name(), Timestamp.from(now), id).update();
    }

    int delete(UUID organizationId, UUID id) {
        return jdbc.sql("delete from integration where organization_id = ? and id = ? and kind = '" + IntegrationService.KIND + "'").params(organizationId, id).update();
    }

    /**
     * Data sources only: a Custom Objects integration shares the table (it names its source) but is
     * not synced, probed or listed as one; {@link CustomObjectsRepository} reads those.
     */
    private static final String SELECT = """
            select id, organization_id, kind, name, frequency_hours, paused, settings::text as settings, status, created_at,
                   updated_at, version from integration where kind = '""" + IntegrationService.KIND + "'";

    private static Integration map(ResultSet rs, int n) throws SQLException {
        return new Integration(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("kind"),
                rs.getString("name"), rs.getInt("frequency_hours"), rs.getBoolean("paused"),
                new SyncSettings(JSON.readValue(rs.getString("settings"), OBJECTS)),
                IntegrationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
