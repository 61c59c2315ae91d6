package dev.crosswalk.app.overlap;

import dev.crosswalk.app.partner.PartnershipChanged;
import dev.crosswalk.app.partner.PartnershipStatus;
import dev.crosswalk.app.record.RecordKeysUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What keeps overlaps current: new keys after a sync (incremental re-match of changed records),
 * an accepted partnership or changed matching settings (full computation), a revocation or
 * decline (all pairs removed; reports already refuse by status).
 */
@Component
class OverlapTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(OverlapTriggers.class);

    private final OverlapEngine engine;

    OverlapTriggers(OverlapEngine engine) {
        this.engine = engine;
    }

    @EventListener
    void onKeysUpdated(RecordKeysUpdated event) {
        try {
            int pairs = engine.afterKeysChanged(event.organizationId(), event.integrationId());
            LOG.info("overlaps of integration {}: {} pairs re-matched from {} changed keys", event.integrationId(), pairs,
                    event.keysChanged());
        } catch (RuntimeException e) {
            LOG.warn("re-matching overlaps of integration {} failed; the next sync catches up", event.integrationId(), e);
        }
    }

    /** First among the listeners of the change: what reacts to it next (push) reads the recomputed pairs. */
    @org.springframework.core.annotation.Order(0)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onPartnershipChanged(PartnershipChanged event) {
        if (event.status() == PartnershipStatus.ACCEPTED) {
            engine.recomputeFull(event.partnershipId());
        } else if (event.status() == PartnershipStatus.REVOKED || event.status() == PartnershipStatus.DECLINED) {
            engine.clear(event.partnershipId());
        }
    }
}
