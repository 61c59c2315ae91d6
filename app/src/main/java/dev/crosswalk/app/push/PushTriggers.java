package dev.crosswalk.app.push;

import dev.crosswalk.app.partner.PartnershipChanged;
import dev.crosswalk.app.partner.PartnershipService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Partner-side changes push at once for both organizations: a revocation removes that partner's
 * records on this push; an acceptance (or a matching change) writes the new overlaps. Queued after
 * the change commits, so the push reads it. (After a sync, push is the pipeline's last stage,
 * {@link PushStage}, not a trigger here.)
 */
@Component
class PushTriggers {
    private final PushService pushes;
    private final PartnershipService partnerships;

    PushTriggers(PushService pushes, PartnershipService partnerships) {
        this.pushes = pushes;
        this.partnerships = partnerships;
    }

    /** A partner changed what it shares: the organizations partnered with it push (their records may have to go or change). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onSharingChanged(dev.crosswalk.app.partner.SharingChanged event) {
        partnerships.activeFor(event.organizationId()).forEach(p -> pushes.queueAll(p.partnerOf(event.organizationId())));
    }

    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onPartnershipChanged(PartnershipChanged event) {
        partnerships.findAny(event.partnershipId()).ifPresent(p -> {
            pushes.queueAll(p.inviterOrgId());
            pushes.queueAll(p.inviteeOrgId());
        });
    }
}
