package dev.crosswalk.app.push;

import dev.crosswalk.app.system.CrosswalkException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Custom Objects integrations push writes for, with the data-source integration each serves
 * (its records are the Accounts and Leads the overlap records point at). Read-only over the
 * integration feature's table (kind and {@code source_integration_id}, V60).
 */
@Component
class PushTargets {
    static final String KIND = "SALESFORCE_CUSTOM_OBJECTS";

    private final JdbcClient jdbc;

    PushTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A Custom Objects integration: where push writes, and the data source whose records it describes. */
    record Target(UUID organizationId, UUID integrationId, UUID sourceIntegrationId, boolean paused) {
    }

    private static final String SELECT = "select organization_id, id, source_integration_id, paused from integration where kind = '"
            + KIND + "'";

    Optional<Target> find(UUID organizationId, UUID integrationId) {
        return jdbc.sql(SELECT + " and organization_id = ? and id = ?").params(organizationId, integrationId).query(this::map).optional();
    }

    Target require(UUID organizationId, UUID integrationId) {
        return find(organizationId, integrationId).orElseThrow(() -> CrosswalkException.notFound("Custom Objects integration"));
    }

    Optional<Target> findForJob(UUID integrationId) {
        return jdbc.sql(SELECT + " and id = ?").param(integrationId).query(this::map).optional();
    }

    Optional<Target> forSource(UUID sourceIntegrationId) {
        return jdbc.sql(SELECT + " and source_integration_id = ?").param(sourceIntegrationId).query(this::map).optional();
    }

    List<Target> ofOrganization(UUID organizationId) {
        return jdbc.sql(SELECT + " and organization_id = ?").param(organizationId).query(this::map).list();
    }

    private Target map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Target(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getBoolean(4));
    }
}
