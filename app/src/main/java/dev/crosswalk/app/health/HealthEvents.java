package dev.crosswalk.app.health;

import dev.crosswalk.app.integration.IntegrationConnected;
import dev.crosswalk.app.org.MemberChanged;
import dev.crosswalk.app.org.Role;
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
 * a member change that endangers a connection becomes a warning on it.
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
            LOG.warn("verifying the authorization of integration {} failed", event.integrationId(), e);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void memberChanged(MemberChanged event) {
        for (ProbeRepository.Target t : probes.authorizedBy(event.organizationId(), event.memberId())) {
            List<Problem> seen = new ArrayList<>();
            Proof proof = Proof.nothing("member-change");
            if (event.removed()) {
                seen.add(new Problem(HealthCode.AUTHORIZER_REMOVED, null, null, event.email()
                        + ", who authorized this Salesforce connection, was removed from the organization. The connection"
                        + " keeps working, but nobody here is answerable for it and it may be revoked in Salesforce with"
                        + " that person's access.", "An Admin should reauthorize the connection ("
                        + Problems.UPDATE + ") so it is held by a current Admin."));
            } else if (event.newRole() != Role.ADMIN) {
                seen.add(new Problem(HealthCode.AUTHORIZER_NOT_ADMIN, null, null, event.email()
                        + ", who authorized this Salesforce connection, is no longer an Admin.",
                        "An Admin should reauthorize the connection (" + Problems.UPDATE + "), or make " + event.email()
                                + " an Admin again."));
            } else {
                proof = proof.withAuthorizationOk();
            }
            health.observe(t.organizationId(), t.integrationId(), t.connectionId(), seen, proof, false);
        }
    }
}
