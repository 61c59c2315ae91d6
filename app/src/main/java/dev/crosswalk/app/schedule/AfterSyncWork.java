package dev.crosswalk.app.schedule;

import dev.crosswalk.app.integration.Integration;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.record.RecordKeyService;
import dev.crosswalk.app.record.RecordKeysUpdated;
import dev.crosswalk.app.sync.SyncService;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a sync's records feed: their match keys (storing them publishes {@link RecordKeysUpdated},
 * on which the overlap engine re-matches) and population membership. It runs as its own job
 * ({@link SyncJobs#MATCH_TASK}, one instance per integration) queued when a run finishes, not
 * inside the sync job: on a large org this takes minutes, and meanwhile the integration must
 * stay free for "Sync now" and its next scheduled run. Every step works from its own watermark,
 * so one pass catches up with any number of runs, and a failed pass loses nothing.
 */
@Component
class AfterSyncWork {
    private static final Logger LOG = LoggerFactory.getLogger(AfterSyncWork.class);

    private final SyncService syncs;
    private final IntegrationService integrations;
    private final RecordKeyService recordKeys;
    private final PopulationService populations;

    AfterSyncWork(SyncService syncs, IntegrationService integrations, RecordKeyService recordKeys,
            PopulationService populations) {
        this.syncs = syncs;
        this.integrations = integrations;
        this.recordKeys = recordKeys;
        this.populations = populations;
    }

    /**
     * Catches up with the integration's finished runs. Returns true if more runs finished while
     * it worked (the job then goes again at once). Throws if a step failed: the runs stay
     * awaiting and db-scheduler retries the job later; the steps that succeeded are not redone.
     */
    boolean catchUp(UUID integrationId) {
        List<UUID> runs = syncs.awaitingMatch(integrationId);
        Integration integration = integrations.findForJob(integrationId).orElse(null);
        if (runs.isEmpty() || integration == null) {
            return false;
        }
        UUID organizationId = integration.organizationId();
        RuntimeException failed = null;
        try {
            RecordKeysUpdated keys = recordKeys.recompute(organizationId, integrationId);
            LOG.info("match keys of integration {}: {} records computed, {} changed", integrationId, keys.recordsComputed(),
                    keys.keysChanged());
        } catch (RuntimeException e) {
            failed = e;
        }
        try {
            populations.refreshAfterSync(organizationId, integrationId);
        } catch (RuntimeException e) {
            if (failed == null) {
                failed = e;
            } else {
                failed.addSuppressed(e);
            }
        }
        if (failed != null) {
            LOG.warn("after-sync work of integration {} failed; it is retried, and its runs stay awaiting until it succeeds",
                    integrationId, failed);
            throw failed;
        }
        syncs.markMatched(organizationId, integrationId, runs);
        return !syncs.awaitingMatch(integrationId).isEmpty();
    }
}
