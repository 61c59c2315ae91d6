package dev.crosswalk.app.record;

import dev.crosswalk.app.sync.SyncFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Computes match keys right after every sync, on the sync's own thread (the job is not done
 * until its records can match). Also after failed or partial runs: whatever was stored is keyed.
 * A failure here never fails the sync: the records stay pending and the next sync catches up.
 */
@Component
class RecordKeysOnSync {
    private static final Logger LOG = LoggerFactory.getLogger(RecordKeysOnSync.class);

    private final RecordKeyService service;

    RecordKeysOnSync(RecordKeyService service) {
        this.service = service;
    }

    @EventListener
    void onSyncFinished(SyncFinished event) {
        try {
            RecordKeysUpdated done = service.recompute(event.organizationId(), event.integrationId());
            LOG.info("match keys of integration {}: {} records computed, {} changed", event.integrationId(),
                    done.recordsComputed(), done.keysChanged());
        } catch (RuntimeException e) {
            LOG.warn("computing match keys of integration {} failed; they stay pending until the next sync",
                    event.integrationId(), e);
        }
    }
}
