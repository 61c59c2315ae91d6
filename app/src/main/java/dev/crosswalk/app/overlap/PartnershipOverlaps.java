package dev.crosswalk.app.overlap;

import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipChanged;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.partner.PartnershipStatus;
import dev.crosswalk.app.schedule.AfterSyncPipeline;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A partnership's pairs follow its status at once: computed in full when it is accepted or its
 * matching settings change, removed when it is revoked or declined (reports already refuse by
 * status). Then both organizations' after-sync pipelines are queued, so the stages after
 * overlaps (push) see the change. A failure here propagates: it is never logged and ignored.
 */
@Component
class PartnershipOverlaps {
    private final OverlapEngine engine;
    private final PartnershipService partnerships;
    private final AfterSyncPipeline pipeline;

    PartnershipOverlaps(OverlapEngine engine, PartnershipService partnerships, AfterSyncPipeline pipeline) {
        this.engine = engine;
        this.partnerships = partnerships;
        this.pipeline = pipeline;
    }

    /** First among the listeners of the change: what reacts to it next (push) reads the recomputed pairs. */
    @Order(0)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(PartnershipChanged event) {
        if (event.status() == PartnershipStatus.ACCEPTED) {
            engine.recomputeFull(event.partnershipId());
        } else if (event.status() == PartnershipStatus.REVOKED || event.status() == PartnershipStatus.DECLINED) {
            engine.clear(event.partnershipId());
        } else {
            return;
        }
        Partnership p = partnerships.findAny(event.partnershipId()).orElse(null);
        if (p != null) {
            pipeline.queueForOrganization(p.inviterOrgId());
            pipeline.queueForOrganization(p.inviteeOrgId());
        }
    }
}
