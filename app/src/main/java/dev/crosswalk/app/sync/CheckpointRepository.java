package dev.crosswalk.app.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CheckpointRepository {
    record Checkpoint(Instant watermark, boolean fullSyncDone, String fieldsSignature) {
    }

    private final JdbcClient jdbc;

    CheckpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Checkpoint> find(UUID integrationId, String object) {
        return jdbc.sql("select watermark, full_sync_done, fields_signature from sync_checkpoint where integration_id = ? and object = ?")
                .params(integrationId, object)
                .query((rs, n) -> new Checkpoint(rs.getTimestamp(1).toInstant(), rs.getBoolean(2), rs.getString(3)))
                .optional();
    }
}
