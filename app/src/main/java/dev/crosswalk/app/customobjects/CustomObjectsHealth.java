package dev.crosswalk.app.customobjects;

import dev.crosswalk.app.connection.ConnectionHealth;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.connection.ConnectionView;
import dev.crosswalk.app.health.HealthService;
import dev.crosswalk.app.health.IntegrationError;
import dev.crosswalk.app.health.Problem;
import dev.crosswalk.app.health.Problems;
import dev.crosswalk.app.health.Proof;
import dev.crosswalk.app.integration.CustomObjectsIntegration;
import dev.crosswalk.app.integration.CustomObjectsIntegrations;
import dev.crosswalk.app.integration.IntegrationStatus;
import dev.crosswalk.salesforce.SalesforceConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The health of a Custom Objects integration over both connections: verifies them after an
 * Update (preflight, read and write probes, a callout through the Outbound connection), probes
 * them periodically (two cheap calls each), records the problems with their connection, cause
 * and fix, and clears exactly what the checks prove gone. The feature's public service.
 */
@Service
public class CustomObjectsHealth {
    private static final Logger LOG = LoggerFactory.getLogger(CustomObjectsHealth.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CustomObjectsIntegrations integrations;
    private final ConnectionService connections;
    private final HealthService health;
    private final OutboundProbe outbound;
    private final CustomObjectsProperties properties;
    private final OutboundConnections outboundConnections;
    private final Clock clock;
    /** The last Outbound callout per integration on this node (shown on Advanced Settings; errors are stored). */
    private final Map<UUID, OutboundSeen> outboundSeen = new ConcurrentHashMap<>();
    private final Map<UUID, Verification> lastVerification = new ConcurrentHashMap<>();
    /** The errors each integration's checks cleared lately, for the page the admin lands on after an Update. */
    private final Map<UUID, List<ClearedError>> cleared = new ConcurrentHashMap<>();

    private record ClearedError(Instant at, IntegrationError error) {
    }
    /** How long cleared errors are shown as "cleared just now". */
    private static final Duration RECENTLY = Duration.ofMinutes(2);
    /** How long a verification answers for the journey's page without asking Salesforce again. */
    private static final Duration RECENT = Duration.ofSeconds(30);

    CustomObjectsHealth(CustomObjectsIntegrations integrations, ConnectionService connections, HealthService health,
            OutboundProbe outbound, CustomObjectsProperties properties, OutboundConnections outboundConnections,
            Clock clock) {
        this.outboundConnections = outboundConnections;
        this.integrations = integrations;
        this.connections = connections;
        this.health = health;
        this.outbound = outbound;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one connection's check showed. */
    public record ConnectionResult(Direction direction, boolean checked, boolean works, List<Check> checks) {
    }

    /** The outcome of a verification or probe of both connections. */
    public record Verification(UUID integrationId, Instant at, Duration took, ConnectionResult inbound, ConnectionResult outbound,
            List<Problem> problems, List<IntegrationError> cleared, IntegrationStatus status) {
        public boolean allPassed() {
            return problems.isEmpty() && inbound.works() && outbound.works();
        }
    }

    /** The last Outbound callout's result seen on this node. */
    public record OutboundSeen(Instant at, boolean works, String detail) {
    }

    /** After an Update or on Test: the full check of both connections, at once. */
    public Verification verify(UUID integrationId) {
        return run(integrationId, true, true);
    }

    /** The periodic probe: two cheap calls per connection; the preflight when it is due. */
    public Verification probe(UUID integrationId) {
        return run(integrationId, false, false);
    }

    /** Probes every Custom Objects integration (the scheduler's sweep). */
    public List<Verification> probeAll() {
        List<Verification> out = new ArrayList<>();
        for (CustomObjectsIntegration i : integrations.all()) {
            try {
                out.add(probe(i.id()));
            } catch (RuntimeException e) {
                LOG.warn("probing Custom Objects integration {} failed", i.id(), e);
            }
        }
        return out;
    }

    /** The last verification on this node if it is recent, else a new one (the setup journey's page loads). */
    public Verification recentOrVerify(UUID integrationId) {
        Verification last = lastVerification.get(integrationId);
        if (last != null && last.at().plus(RECENT).isAfter(clock.instant())) {
            return last;
        }
        return verify(integrationId);
    }

    /**
     * The errors this node's checks cleared in the last two minutes: the Inbound callback's own verification may
     * have cleared them before the page that reports the repair was drawn.
     */
    public List<IntegrationError> recentlyCleared(UUID integrationId) {
        Instant since = clock.instant().minus(RECENTLY);
        return cleared.getOrDefault(integrationId, List.of()).stream().filter(c -> c.at().isAfter(since))
                .map(ClearedError::error).toList();
    }

    public Optional<OutboundSeen> lastOutbound(UUID integrationId) {
        return Optional.ofNullable(outboundSeen.get(integrationId));
    }

    /** The Inbound connection's last stored preflight checklist (empty before the first). */
    public List<Check> lastPreflight(UUID organizationId, UUID integrationId) {
        return integrations.inbound(organizationId, integrationId).flatMap(c -> health.lastPreflight(c.id()))
                .map(p -> JSON.readValue(p.linesJson(), new TypeReference<List<Check>>() {
                })).orElse(List.of());
    }

    private Verification run(UUID integrationId, boolean full, boolean forcePreflight) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        CustomObjectsIntegration co = integrations.findForJob(integrationId)
                .orElseThrow(() -> new IllegalArgumentException("no Custom Objects integration " + integrationId));
        Optional<ConnectionView> inboundView = integrations.inbound(co.organizationId(), co.id());
        List<Problem> problems = new ArrayList<>();
        ConnectionResult inbound;
        ConnectionResult out;
        UUID connectionId = inboundView.map(ConnectionView::id).orElse(null);
        Set<String> subjectsPermitted = Set.of();
        Set<String> fieldsPermitted = Set.of();
        boolean inboundCalls = false;
        if (inboundView.isEmpty()) {
            inbound = new ConnectionResult(Direction.INBOUND, false, false, List.of(Check.fail("Inbound connection authorized",
                    "no Inbound connection", Problems.inboundMissingFix(co.name()))));
            out = new ConnectionResult(Direction.OUTBOUND, false, false, List.of());
        } else {
            ConnectionView view = inboundView.get();
            SalesforceConnection sf = connections.open(view.id());
            boolean preflightDue = forcePreflight || health.lastPreflight(view.id())
                    .map(p -> !p.at().plus(properties.preflightInterval()).isAfter(started)).orElse(true);
            InboundChecks in = new InboundChecks(sf, view.salesforceUsername(), co.name());
            if (full) {
                in.verify();
            } else {
                in.probe(preflightDue);
            }
            problems.addAll(in.problems);
            if (in.preflightRan) {
                health.recordPreflight(view.id(), JSON.writeValueAsString(in.checks));
            }
            if (in.works) {
                connections.recordSuccess(view.id());
            } else {
                connections.recordFailure(view.id(), ConnectionHealth.NEEDS_REAUTHORIZATION);
            }
            inbound = new ConnectionResult(Direction.INBOUND, true, in.works && in.problems.isEmpty(), List.copyOf(in.checks));
            inboundCalls = in.works;
            subjectsPermitted = in.subjectsPermitted;
            fieldsPermitted = in.fieldsPermitted;
            if (in.works) {
                out = outbound(co, sf, problems);
            } else {
                out = new ConnectionResult(Direction.OUTBOUND, false, false, List.of(new Check("Callout from Salesforce reaches"
                        + " Crosswalk", "UNKNOWN", "not checked: the Inbound connection is needed to ask Salesforce for a callout",
                        "Repair the Inbound connection first")));
            }
        }
        // Quota is the data source's concern (same org, its own probe), so this proof never clears it.
        Proof proof = Proof.ofPreflight(full ? "verification" : "probe", subjectsPermitted, fieldsPermitted);
        proof = inboundCalls ? proof.withConnectionWorking() : proof;
        proof = out.works() ? proof.withOutboundWorking() : proof;
        boolean setUp = inbound.works() && out.works();
        // Set up end to end: like a first sync that finished, the status may become Active.
        HealthService.Outcome outcome = setUp
                ? health.observeCompleted(co.organizationId(), co.id(), connectionId, problems, proof)
                : health.observe(co.organizationId(), co.id(), connectionId, problems, proof);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("{} of Custom Objects integration {}: inbound {}, outbound {}, {} problem(s), {} cleared in {} ms",
                full ? "verification" : "probe", co.id(), inbound.works() ? "ok" : "failing", out.works() ? "ok" : "failing",
                problems.size(), outcome.cleared().size(), took.toMillis());
        Verification v = new Verification(co.id(), started, took, inbound, out, List.copyOf(problems), outcome.cleared(),
                outcome.statusAfter());
        lastVerification.put(co.id(), v);
        if (!outcome.cleared().isEmpty()) {
            Instant now = clock.instant();
            List<ClearedError> fresh = outcome.cleared().stream().map(e -> new ClearedError(now, e)).toList();
            cleared.merge(co.id(), fresh, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream())
                    .filter(c -> c.at().isAfter(now.minus(RECENTLY))).toList());
        }
        return v;
    }

    private boolean outboundEverAuthorized(CustomObjectsIntegration co) {
        return outboundConnections.authorizedAt(co.organizationId(), co.id()).isPresent();
    }

    /**
     * The Outbound check. While the integration is still being set up, a missing Outbound token
     * is a step of the journey, not an error.
     */
    private ConnectionResult outbound(CustomObjectsIntegration co, SalesforceConnection sf, List<Problem> problems) {
        OutboundProbe.Outcome o = outbound.call(sf.credentials());
        outboundSeen.put(co.id(), new OutboundSeen(clock.instant(), o.works(), o.detail()));
        String title = "Callout from Salesforce (Named Credential Crosswalk) reaches Crosswalk's package API";
        if (o.works()) {
            return new ConnectionResult(Direction.OUTBOUND, true, true, List.of(Check.pass(title, o.detail())));
        }
        if (o.inconclusive()) {
            return new ConnectionResult(Direction.OUTBOUND, false, false, List.of(new Check(title, "UNKNOWN", o.detail(),
                    "Repair the Inbound connection's permissions first (the check calls out as its user)")));
        }
        Problem p = o.notAuthenticated() ? Problems.outboundNotAuthenticated(o.detail(), co.name())
                : Problems.outboundFailing(o.detail(), co.name());
        // Until Salesforce has authenticated the Outbound connection once, it is a step of the journey, not an error.
        boolean settingUp = !outboundEverAuthorized(co);
        if (!settingUp) {
            problems.add(p);
        }
        return new ConnectionResult(Direction.OUTBOUND, true, false, List.of(Check.fail(title, o.detail(), p.fix())));
    }
}
