package dev.crosswalk.app.health;

import dev.crosswalk.app.integration.IntegrationStatus;
import dev.crosswalk.salesforce.LimitInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The health feature's public service: records what runs and probes observe (problems) and
 * what they prove works (a {@link Proof}), clears exactly the errors the proof covers, derives
 * the integration's status from the open errors and raises an alert when it changes.
 */
@Service
public class HealthService {
    private final ErrorRepository errors;
    private final ProbeRepository probes;
    private final StatusRepository statuses;
    private final AlertService alerts;
    private final TransactionTemplate newTx;
    private final Clock clock;

    HealthService(ErrorRepository errors, ProbeRepository probes, StatusRepository statuses, AlertService alerts,
            PlatformTransactionManager txManager, Clock clock) {
        this.errors = errors;
        this.probes = probes;
        this.statuses = statuses;
        this.alerts = alerts;
        this.newTx = new TransactionTemplate(txManager);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What {@link #observe} did. */
    public record Outcome(List<IntegrationError> cleared, IntegrationStatus statusBefore, IntegrationStatus statusAfter) {
        public boolean cleared(HealthCode code) {
            return cleared.stream().anyMatch(e -> e.code() == code);
        }
    }

    /**
     * Records the problems seen and clears the open errors the proof shows gone (never one that
     * was just seen again). Then recomputes the status.
     */
    public Outcome observe(UUID organizationId, UUID integrationId, UUID connectionId, List<Problem> seen, Proof proof) {
        return record(organizationId, integrationId, connectionId, seen, proof, false);
    }

    /** {@link #observe} for something that completed (a finished run, a verified setup): a first setup's status may become Active. */
    public Outcome observeCompleted(UUID organizationId, UUID integrationId, UUID connectionId, List<Problem> seen,
            Proof proof) {
        return record(organizationId, integrationId, connectionId, seen, proof, true);
    }

    private Outcome record(UUID organizationId, UUID integrationId, UUID connectionId, List<Problem> seen, Proof proof,
            boolean runFinished) {
        return newTx.execute(s -> {
            Instant now = clock.instant();
            Set<String> seenKeys = new HashSet<>();
            for (Problem p : seen) {
                errors.record(organizationId, integrationId, connectionId, p, now);
                seenKeys.add(key(p.code(), p.object(), p.field()));
            }
            List<IntegrationError> cleared = new ArrayList<>();
            for (IntegrationError e : errors.open(integrationId)) {
                if (!seenKeys.contains(key(e.code(), e.object(), e.field())) && proof.clears(e.code(), e.object(), e.field())
                        && errors.clear(e.id(), now, proof.source(), proof.runId()) == 1) {
                    cleared.add(e);
                }
            }
            return recomputeStatus(organizationId, integrationId, runFinished, cleared, now);
        });
    }

    private Outcome recomputeStatus(UUID organizationId, UUID integrationId, boolean runFinished, List<IntegrationError> cleared,
            Instant now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            IntegrationStatus before = statuses.current(integrationId).orElse(null);
            if (before == null) {
                return new Outcome(cleared, null, null);
            }
            List<IntegrationError> blocking = errors.open(integrationId).stream()
                    .filter(e -> e.visible() && e.severity() == HealthCode.Severity.ERROR).toList();
            IntegrationStatus after = StatusPolicy.next(before, !blocking.isEmpty(), runFinished);
            if (after == before) {
                return new Outcome(cleared, before, after);
            }
            if (statuses.compareAndSet(integrationId, before, after, now)) {
                alerts.statusChanged(organizationId, integrationId, before, after, blocking, now);
                return new Outcome(cleared, before, after);
            }
        }
        throw new IllegalStateException("status of integration " + integrationId + " keeps changing under us");
    }

    /**
     * Errors about objects or fields no longer selected in the integration's settings are moot:
     * closed with {@code cleared_by = settings} (they come back if the object is chosen again and
     * still fails). Not the same as a run that skipped an object, which clears nothing about it.
     */
    public List<IntegrationError> clearDeselected(UUID integrationId, Map<String, List<String>> selected) {
        return newTx.execute(s -> {
            Instant now = clock.instant();
            List<IntegrationError> cleared = new ArrayList<>();
            for (IntegrationError e : errors.open(integrationId)) {
                boolean objectScoped = e.code().scope() == HealthCode.Scope.OBJECT || e.code().scope() == HealthCode.Scope.FIELD;
                if (!objectScoped || e.object() == null) {
                    continue;
                }
                boolean moot = !selected.containsKey(e.object()) || (e.code() == HealthCode.FIELD_MISSING && e.field() != null
                        && !selected.get(e.object()).contains(e.field()));
                if (moot && errors.clear(e.id(), now, "settings", null) == 1) {
                    cleared.add(e);
                }
            }
            return cleared;
        });
    }

    /** Remembers the org's API usage as a response reported it. */
    public void recordUsage(UUID connectionId, LimitInfo usage) {
        if (usage != null) {
            probes.usage(connectionId, usage, clock.instant());
        }
    }

    /** Remembers a connection's last permission preflight (its lines as JSON), as the probe does. */
    public void recordPreflight(UUID connectionId, String linesJson) {
        probes.preflight(connectionId, linesJson, clock.instant());
    }

    /** The last preflight's lines as JSON and when it ran. */
    public Optional<StoredPreflight> lastPreflight(UUID connectionId) {
        return probes.find(connectionId).filter(p -> p.preflightJson() != null)
                .map(p -> new StoredPreflight(p.preflightAt(), p.preflightJson()));
    }

    public record StoredPreflight(Instant at, String linesJson) {
    }

    public Optional<LimitInfo> lastUsage(UUID connectionId) {
        return probes.find(connectionId).map(ProbeRepository.ProbeState::usage);
    }

    public List<IntegrationError> openErrors(UUID integrationId) {
        return errors.open(integrationId);
    }

    private static String key(HealthCode code, String object, String field) {
        return code + "|" + (object == null ? "" : object) + "|" + (field == null ? "" : field);
    }
}
