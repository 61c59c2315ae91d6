package dev.crosswalk.app.health;

import dev.crosswalk.app.integration.IntegrationConnected;
import dev.crosswalk.app.org.MemberChanged;
import dev.crosswalk.app.org.Role;
import dev.crosswalk.app.schedule.PipelineCompleted;
import dev.crosswalk.app.schedule.PipelineFailed;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reactions to other features' events: a reauthorization is verified at once (preflight in the
 * callback, before its answer; the verification run is started by the scheduler on commit), and
 * a member change that endangers a connection becomes a warning on it, and the after-sync
 * pipeline's outcome raises or clears MATCHING_FAILED.
 */
@Component
class HealthEvents {
    private static final Logger LOG = LoggerFactory.getLogger(HealthEvents.class);

    private final HealthProbe probe;
    private final HealthService health;
    private final ProbeRepository probes;

    HealthEvents(HealthProbe probe, HealthService health, ProbeRepository probes) {
        this.probe = probe;
        this.health = health;
        this.probes = probes;
    }

    /**
     * Inside the callback's transaction (the new tokens are visible to it): run the preflight
     * and clear what the new authorization proves fixed, so the callback's answer is current.
     * A failure here must never undo the reauthorization itself.
     */
    @EventListener
    void connected(IntegrationConnected event) {
        if (event.firstConnection()) {
            return; // the integration row is not committed yet; the first sync proves the rest
        }
        try {
            probe.verifyReauthorization(event.integrationId());
        } catch (RuntimeException e) {
            // The reauthorization stands; the user sees that it could not be checked yet.
            LOG.warn("verifying the authorization of integration {} failed", event.integrationId(), e);
            probes.target(event.integrationId()).ifPresent(t -> health.observe(t.organizationId(), t.integrationId(),
                    t.connectionId(), List.of(Problems.verificationFailed(HealthProbe.oneLine(e))), Proof.nothing("reauthorization")));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void memberChanged(MemberChanged event) {
        for (ProbeRepository.Target t : probes.authorizedBy(event.organizationId(), event.memberId())) {
            List<Problem> seen = new ArrayList<>();
            Proof proof = Proof.nothing("member-change");
            if (event.removed()) {
                seen.add(Problems.authorizerRemoved(event.email()));
            } else if (event.newRole() != Role.ADMIN) {
                seen.add(Problems.authorizerNotAdmin(event.email()));
            } else {
                proof = proof.withAuthorizationOk();
            }
            health.observe(t.organizationId(), t.integrationId(), t.connectionId(), seen, proof);
        }
    }

    /** The pipeline gave up: an error the user sees, with the stage and the cause. */
    @EventListener
    void pipelineFailed(PipelineFailed event) {
        health.observe(event.organizationId(), event.integrationId(), null,
                List.of(Problems.matchingFailed(event.stage(), event.cause(), event.attempts())), Proof.nothing("pipeline"));
    }

    /** Every stage succeeded: a MATCHING_FAILED error is gone. */
    @EventListener
    void pipelineCompleted(PipelineCompleted event) {
        if (health.openErrors(event.integrationId()).stream().anyMatch(e -> e.code() == HealthCode.MATCHING_FAILED)) {
            health.observe(event.organizationId(), event.integrationId(), null, List.of(), Proof.ofPipeline());
        }
    }
}
