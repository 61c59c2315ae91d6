package dev.crosswalk.app.health;

import dev.crosswalk.app.connection.ConnectionHealth;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.integration.Integration;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.sync.SyncLauncher;
import dev.crosswalk.app.sync.SyncTrigger;
import dev.crosswalk.salesforce.LimitInfo;
import dev.crosswalk.salesforce.Limits;
import dev.crosswalk.salesforce.PreflightReport;
import dev.crosswalk.salesforce.Requirement;
import dev.crosswalk.salesforce.SalesforceConnection;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;
import dev.crosswalk.salesforce.UserIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The health probe: finds broken connections between syncs, cheaply. Per connection: userinfo
 * (a revoked refresh token or an inactive user shows here, after the one refresh the client
 * makes on 401), {@code /limits} (API access and daily usage), the permission preflight when
 * it is due, and a keep-alive refresh for tokens unused for a day. The db-scheduler job calls
 * {@link #probeDue}; the API's "probe now" and reauthorization call {@link #probe} directly.
 */
@Service
public class HealthProbe {
    private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);
    /** Salesforce allows this many approvals (refresh tokens) per user and connected app; the next revokes the oldest. */
    static final int APPROVAL_LIMIT = 5;

    private final ConnectionService connections;
    private final IntegrationService integrations;
    private final HealthService health;
    private final QuotaGuard quota;
    private final ProbeRepository probes;
    private final SyncLauncher launcher;
    private final Clock clock;
    private final Duration interval;
    private final Duration preflightInterval;
    private final Duration keepAliveAfter;

    HealthProbe(ConnectionService connections, IntegrationService integrations, HealthService health, QuotaGuard quota,
            ProbeRepository probes, SyncLauncher launcher, Clock clock,
            @Value("${crosswalk.health.probe-interval:PT15M}") Duration interval,
            @Value("${crosswalk.health.preflight-interval:PT1H}") Duration preflightInterval,
            @Value("${crosswalk.health.keep-alive-after:PT24H}") Duration keepAliveAfter) {
        this.connections = connections;
        this.integrations = integrations;
        this.health = health;
        this.quota = quota;
        this.probes = probes;
        this.launcher = launcher;
        this.clock = clock;
        this.interval = interval;
        this.preflightInterval = preflightInterval;
        this.keepAliveAfter = keepAliveAfter;
    }

    /** One preflight line as stored and shown. */
    public record PreflightLine(String requirement, String status, String evidence, String fix) {
    }

    /** What one probe found. */
    public record ProbeResult(UUID integrationId, Instant at, boolean ok, LimitInfo apiUsage, boolean keepAliveRefreshed,
            List<PreflightLine> preflight, List<Problem> problems, List<IntegrationError> cleared) {
    }

    /** Probes every connection whose last probe is at least one interval before {@code now}. */
    public List<ProbeResult> probeDue(Instant now) {
        List<ProbeResult> out = new ArrayList<>();
        for (ProbeRepository.Target t : probes.due(now.minus(interval))) {
            try {
                out.add(probe(t, now, false, false));
            } catch (RuntimeException e) {
                // Never only a log line: the integration shows that its connection is not being watched.
                LOG.warn("probing integration {} failed", t.integrationId(), e);
                health.observe(t.organizationId(), t.integrationId(), t.connectionId(),
                        List.of(Problems.probeFailed(oneLine(e))), Proof.nothing("probe"));
            }
        }
        return out;
    }

    /** An exception in one line for a problem's message: its type and message, never a stack. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s+", " ");
        String line = e.getClass().getSimpleName() + m;
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    /** Probes one integration now (the API's "probe now"). */
    public Optional<ProbeResult> probe(UUID integrationId, boolean withPreflight) {
        return probes.target(integrationId).map(t -> probe(t, clock.instant(), withPreflight, false));
    }

    /** After a reauthorization: probe with the preflight, proving the new authorization and its authorizer. */
    public Optional<ProbeResult> verifyReauthorization(UUID integrationId) {
        return probes.target(integrationId).map(t -> probe(t, clock.instant(), true, true));
    }

    private ProbeResult probe(ProbeRepository.Target t, Instant now, boolean forcePreflight, boolean reauthorized) {
        Integration integration = integrations.findForJob(t.integrationId()).orElse(null);
        if (integration == null) {
            return new ProbeResult(t.integrationId(), now, false, null, false, List.of(), List.of(), List.of());
        }
        SalesforceConnection sf = connections.open(t.connectionId());
        String username = t.sfUsername();
        List<Problem> problems = new ArrayList<>();
        boolean works = false;
        boolean refreshed = false;
        LimitInfo usage = null;
        List<PreflightLine> lines = List.of();
        Set<String> objectsPermitted = new HashSet<>();
        Set<String> fieldsPermitted = new HashSet<>();
        try {
            Instant issued = t.tokenIssuedAt() == null ? t.authorizedAt() : t.tokenIssuedAt();
            if (!issued.plus(keepAliveAfter).isAfter(now)) {
                connections.keepAlive(t.connectionId());
                refreshed = true;
            }
            UserIdentity me = sf.userInfo();
            works = true;
            if (!me.active()) {
                problems.add(Problems.userInactive(username));
            }
            usage = usage(t.connectionId(), sf, problems);
            boolean preflightDue = forcePreflight || t.preflightAt() == null || !t.preflightAt().plus(preflightInterval).isAfter(now);
            if (preflightDue && problems.stream().noneMatch(p -> p.code().stopsRun() && p.code() != HealthCode.API_LIMIT)) {
                lines = preflight(sf, integration, problems, objectsPermitted, fieldsPermitted, username);
                probes.preflight(t.connectionId(), AlertService.JSON.writeValueAsString(lines), now);
            }
        } catch (SalesforceException e) {
            problems.add(Problems.of(e.error(), null, username));
        }
        boolean approvalsOk = approvals(t, problems);
        boolean quotaOk = usage != null && !quota.over(usage);
        Proof proof = Proof.ofPreflight(reauthorized ? "reauthorization" : "probe", objectsPermitted, fieldsPermitted);
        proof = works ? proof.withConnectionWorking() : proof;
        proof = quotaOk ? proof.withQuotaOk() : proof;
        proof = reauthorized ? proof.withAuthorizationOk() : proof;
        proof = approvalsOk ? proof.withApprovalsOk() : proof;
        probes.probed(t.connectionId(), problems.isEmpty(), now);
        if (works) {
            connections.recordSuccess(t.connectionId());
        } else {
            connections.recordFailure(t.connectionId(), problems.stream().anyMatch(p -> p.code().isTransient())
                    ? ConnectionHealth.REFRESH_FAILING : ConnectionHealth.NEEDS_REAUTHORIZATION);
        }
        HealthService.Outcome outcome = health.observe(t.organizationId(), t.integrationId(), t.connectionId(), problems, proof);
        if (outcome.cleared(HealthCode.API_LIMIT) && !integration.paused()) {
            // The quota guard's pause ends by itself: syncing resumes at once.
            launcher.launch(t.integrationId(), SyncTrigger.SCHEDULE);
        }
        return new ProbeResult(t.integrationId(), now, problems.isEmpty(), usage, refreshed, lines, problems, outcome.cleared());
    }

    /** {@code /limits}; without "View Setup" Salesforce refuses it, but the refusal still carries {@code Sforce-Limit-Info}. */
    private LimitInfo usage(UUID connectionId, SalesforceConnection sf, List<Problem> problems) {
        LimitInfo usage;
        try {
            Limits limits = sf.rest().limits();
            usage = limits.dailyApiRequests().map(l -> new LimitInfo(l.used(), l.max())).orElse(sf.lastLimitInfo().orElse(null));
        } catch (SalesforceException e) {
            if (e.error() instanceof SalesforceError.InsufficientAccess) {
                usage = sf.lastLimitInfo().orElse(null);
            } else if (e.error() instanceof SalesforceError.RateLimited r) {
                usage = r.limitInfo().or(sf::lastLimitInfo).orElse(null);
            } else {
                throw e;
            }
        }
        if (usage != null) {
            health.recordUsage(connectionId, usage);
            if (quota.over(usage)) {
                problems.add(quota.problem(usage));
            }
        }
        return usage;
    }

    private List<PreflightLine> preflight(SalesforceConnection sf, Integration integration, List<Problem> problems,
            Set<String> objectsPermitted, Set<String> fieldsPermitted, String username) {
        List<Requirement> requirements = new ArrayList<>();
        requirements.add(Requirement.apiEnabled());
        requirements.add(Requirement.userActive());
        Map<Requirement, String[]> subjects = new LinkedHashMap<>();
        for (var e : integration.settings().objects().entrySet()) {
            Requirement o = Requirement.object(e.getKey(), Requirement.Access.READ);
            requirements.add(o);
            subjects.put(o, new String[] {e.getKey(), null});
            for (String f : e.getValue()) {
                Requirement fr = Requirement.field(e.getKey(), f, Requirement.Access.READ);
                requirements.add(fr);
                subjects.put(fr, new String[] {e.getKey(), f});
            }
        }
        PreflightReport report = sf.preflight().run(requirements);
        List<PreflightLine> lines = new ArrayList<>();
        for (PreflightReport.Line line : report.lines()) {
            lines.add(new PreflightLine(line.requirement().title(), line.status().name(), line.evidence(), line.fix()));
            String[] subject = subjects.get(line.requirement());
            boolean pass = line.status() == PreflightReport.Status.PASS;
            boolean fail = line.status() == PreflightReport.Status.FAIL;
            if (line.requirement() instanceof Requirement.ApiEnabled && fail) {
                problems.add(Problems.apiDisabled(username, line.evidence()));
            } else if (line.requirement() instanceof Requirement.UserActive && fail) {
                problems.add(Problems.userInactive(username));
            } else if (subject != null && subject[1] == null) {
                if (pass) {
                    objectsPermitted.add(subject[0]);
                } else if (fail) {
                    problems.add(Problems.permissionMissing(subject[0], username).withFix(line.fix()));
                }
            } else if (subject != null) {
                if (pass) {
                    fieldsPermitted.add(subject[0] + "." + subject[1]);
                } else if (fail && !objectsPermittedOrUnknown(report, subject[0])) {
                    // The object itself is unreadable: its PERMISSION_MISSING says it all.
                    continue;
                } else if (fail) {
                    problems.add(Problems.fieldMissing(subject[0], subject[1], username).withFix(line.fix()));
                }
            }
        }
        return lines;
    }

    private static boolean objectsPermittedOrUnknown(PreflightReport report, String object) {
        return report.lines().stream().filter(l -> l.requirement() instanceof Requirement.ObjectAccess o && o.object().equals(object))
                .noneMatch(l -> l.status() == PreflightReport.Status.FAIL);
    }

    /**
     * Salesforce keeps at most 5 approvals per user and connected app and silently revokes the
     * oldest on the 6th. Salesforce's API does not expose the count to the integration user, but
     * Crosswalk holds exactly one approval per connection (a reauthorization revokes the one it
     * replaces), so the connections sharing the Salesforce user are the count.
     */
    private boolean approvals(ProbeRepository.Target t, List<Problem> problems) {
        int held = probes.approvalsHeld(t.sfOrgId(), t.sfUserId());
        if (held >= APPROVAL_LIMIT) {
            problems.add(Problems.approvalLimit(t.sfUsername(), held));
            return false;
        }
        return true;
    }
}
