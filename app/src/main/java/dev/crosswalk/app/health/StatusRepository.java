package dev.crosswalk.app.health;

import dev.crosswalk.app.integration.IntegrationStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The integration's stored status, changed by compare-and-set: of two nodes seeing the same
 * change, exactly one wins and sends the alert (zero rows updated = the other node won).
 */
@Repository
class StatusRepository {
    private final JdbcClient jdbc;

    StatusRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IntegrationStatus> current(UUID integrationId) {
        return jdbc.sql("select status from integration where id = ?").param(integrationId).query(String.class).optional()
                .map(IntegrationStatus::valueOf);
    }

    boolean compareAndSet(UUID integrationId, IntegrationStatus from, IntegrationStatus to, Instant now) {
        int n = jdbc.sql("update integration set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), Timestamp.from(now), integrationId, from.name()).update();
        if (n > 1) {
            throw new IllegalStateException("updated " + n + " integrations with id " + integrationId);
        }
        return n == 1;
    }
}
