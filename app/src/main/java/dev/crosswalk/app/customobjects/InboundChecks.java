package dev.crosswalk.app.customobjects;

import dev.crosswalk.app.health.HealthCode;
import dev.crosswalk.app.health.Problem;
import dev.crosswalk.app.health.Problems;
import dev.crosswalk.salesforce.CrosswalkPackage;
import dev.crosswalk.salesforce.PreflightReport;
import dev.crosswalk.salesforce.Requirement;
import dev.crosswalk.salesforce.SObjectRecord;
import dev.crosswalk.salesforce.SalesforceConnection;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;
import dev.crosswalk.salesforce.SaveResult;
import dev.crosswalk.salesforce.UserIdentity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the Inbound connection can do, checked against Salesforce: the call works (userinfo), the
 * package's permission preflight, a read probe and a write probe on the overlap object that leaves
 * nothing behind. One instance per check; not thread-safe.
 */
final class InboundChecks {
    static final String OBJECT = CrosswalkPackage.OVERLAP_OBJECT;
    static final String READ_PROBE = "Read probe on " + OBJECT;
    static final String WRITE_PROBE = "Write probe on " + OBJECT;

    private final SalesforceConnection sf;
    private final String integrationName;
    private String username;

    final List<Check> checks = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final Set<String> subjectsPermitted = new HashSet<>();
    final Set<String> fieldsPermitted = new HashSet<>();
    boolean works;
    boolean preflightRan;

    InboundChecks(SalesforceConnection sf, String username, String integrationName) {
        this.sf = sf;
        this.username = username;
        this.integrationName = integrationName;
    }

    /** The full verification after an Update or a Test: preflight, read and write probes. */
    InboundChecks verify() {
        if (signIn()) {
            preflight();
            read();
            write();
        }
        return this;
    }

    /**
     * The periodic probe: two cheap calls (userinfo, a one-row read); the preflight too when due, or when the read
     * failed while the connection works — a read refused says something is missing, the preflight says which
     * requirement (the permission set unassigned, the object's access removed, …), so the error names the real cause.
     */
    InboundChecks probe(boolean withPreflight) {
        if (signIn()) {
            if (!withPreflight) {
                int problemsBefore = problems.size();
                int checksBefore = checks.size();
                read();
                if (problems.size() == problemsBefore || !works) {
                    return this;
                }
                problems.subList(problemsBefore, problems.size()).clear();
                checks.subList(checksBefore, checks.size()).clear();
            }
            preflight();
            read();
        }
        return this;
    }

    private boolean signIn() {
        try {
            UserIdentity me = sf.userInfo();
            if (me.username() != null) {
                username = me.username();
            }
            works = true;
            return true;
        } catch (SalesforceException e) {
            problems.add(Problems.inboundRefused(e.error(), username, integrationName));
            checks.add(Check.fail("Crosswalk can call Salesforce as " + username, e.error().message(),
                    Problems.connectionAction(integrationName, Direction.INBOUND.label(), "Update")));
            return false;
        }
    }

    private void preflight() {
        PreflightReport report;
        try {
            report = sf.preflight().run(CrosswalkPackage.integrationUserRequirements());
        } catch (SalesforceException e) {
            problems.add(Problems.inboundRefused(e.error(), username, integrationName));
            works = false;
            return;
        }
        preflightRan = true;
        Set<String> missingObjects = new HashSet<>();
        for (PreflightReport.Line line : report.lines()) {
            Requirement r = line.requirement();
            Check c = new Check(r.title(), line.status().name(), line.evidence(), line.fix());
            checks.add(c);
            boolean pass = line.status() == PreflightReport.Status.PASS;
            boolean fail = line.status() == PreflightReport.Status.FAIL;
            if (r instanceof Requirement.ApiEnabled && fail) {
                problems.add(requirement(HealthCode.API_DISABLED, null, null, c));
            } else if (r instanceof Requirement.UserActive && fail) {
                problems.add(requirement(HealthCode.USER_INACTIVE, null, null, c));
            } else if (r instanceof Requirement.CustomObjectExists o && fail) {
                missingObjects.add(o.object());
                problems.add(requirement(HealthCode.OBJECT_MISSING, o.object(), null, c));
            } else if (subject(r) != null) {
                String subject = subject(r);
                if (pass) {
                    subjectsPermitted.add(subject);
                } else if (fail && !missingObjects.contains(subject)) {
                    problems.add(requirement(HealthCode.PERMISSION_MISSING, subject, null, c));
                }
            } else if (r instanceof Requirement.FieldAccess f) {
                if (pass) {
                    fieldsPermitted.add(f.object() + "." + f.field());
                } else if (fail && !missingObjects.contains(f.object()) && !objectFailed(report, f.object())) {
                    problems.add(requirement(HealthCode.FIELD_MISSING, f.object(), f.field(), c));
                }
            }
        }
    }

    /** What a permission requirement is about: the object, the permission set or the page. */
    private static String subject(Requirement r) {
        if (r instanceof Requirement.ObjectAccess o) return o.object();
        if (r instanceof Requirement.PermissionSetAssigned p) return p.apiName();
        if (r instanceof Requirement.VisualforcePageAccess v) return v.pageName();
        return null;
    }

    /** Field lines of an object that is unreadable say nothing more than its own line. */
    private static boolean objectFailed(PreflightReport report, String object) {
        return report.lines().stream().anyMatch(l -> l.requirement() instanceof Requirement.ObjectAccess o
                && o.object().equals(object) && l.status() == PreflightReport.Status.FAIL);
    }

    private void read() {
        String soql = "SELECT Id FROM " + OBJECT + " LIMIT 1";
        try {
            sf.rest().query(soql).findFirst();
            checks.add(Check.pass(READ_PROBE, "SOQL " + soql + " answered"));
            subjectsPermitted.add(OBJECT);
        } catch (SalesforceException e) {
            probeFailed(READ_PROBE, "SOQL " + soql + " → " + e.error().message(), e);
        }
    }

    /**
     * Creates a probe record and, in the same all-or-none call, a second one with the same unique
     * key: Salesforce refuses the second, rolls the first back and reports the first as rolled
     * back — which proves create access on the object and its key without leaving a record, not
     * even in the recycle bin.
     */
    private void write() {
        if (problems.stream().anyMatch(p -> OBJECT.equals(p.object()) && p.field() == null)) {
            return; // the object itself is refused: its error says it already
        }
        String key = "crosswalk-write-probe-" + UUID.randomUUID();
        Map<String, Object> fields = Map.of(CrosswalkPackage.KEY_FIELD, key, "Partner_Name__c", "Crosswalk write probe");
        try {
            List<SaveResult> results = sf.rest().create(List.of(SObjectRecord.of(OBJECT, fields), SObjectRecord.of(OBJECT, fields)),
                    true);
            SaveResult first = results.get(0);
            boolean rolledBack = first.errors().stream().anyMatch(e -> "ALL_OR_NONE_OPERATION_ROLLED_BACK".equals(e.errorCode()));
            if (first.success()) {
                // Salesforce accepted a duplicate key: nothing to prove with; remove what was written.
                sf.rest().delete(results.stream().filter(SaveResult::success).map(SaveResult::id).toList(), false);
                checks.add(Check.pass(WRITE_PROBE, "create succeeded (the probe records were deleted again)"));
            } else if (rolledBack) {
                checks.add(Check.pass(WRITE_PROBE, "create accepted and rolled back (all-or-none), nothing left behind"));
            } else {
                String why = first.errors().stream().map(e -> e.errorCode() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                        .orElse("refused");
                Check c = Check.fail(WRITE_PROBE, "create " + OBJECT + " → " + why, "Give " + username
                        + " Create and Edit access on " + OBJECT + " and its fields (the Crosswalk Setup User permission set"
                        + " grants them)");
                checks.add(c);
                problems.add(requirement(HealthCode.PERMISSION_MISSING, OBJECT, null, c));
                subjectsPermitted.remove(OBJECT);
            }
        } catch (SalesforceException e) {
            probeFailed(WRITE_PROBE, "create " + OBJECT + " → " + e.error().message(), e);
        }
    }

    private void probeFailed(String name, String evidence, SalesforceException e) {
        subjectsPermitted.remove(OBJECT);
        if (e.error() instanceof SalesforceError.AuthRevoked || e.error() instanceof SalesforceError.AuthExpired
                || e.error() instanceof SalesforceError.UserInactive || e.error() instanceof SalesforceError.ApiDisabled) {
            works = false;
            problems.add(Problems.inboundRefused(e.error(), username, integrationName));
            return;
        }
        boolean missing = e.error().hasCode("INVALID_TYPE");
        Check c = Check.fail(name, evidence, missing
                ? "Install the Crosswalk package in this org (salesforce-package/README.md) and assign its Crosswalk Setup User"
                        + " permission set to " + username
                : "Give " + username + " Read, Create and Edit on " + OBJECT + " (assign the Crosswalk Setup User permission set)");
        checks.add(c);
        if (problems.stream().noneMatch(p -> OBJECT.equals(p.object()) && p.field() == null)) {
            problems.add(requirement(missing ? HealthCode.OBJECT_MISSING : HealthCode.PERMISSION_MISSING, OBJECT, null, c));
        }
    }

    private Problem requirement(HealthCode code, String subject, String field, Check c) {
        return Problems.inboundRequirement(code, subject, field, c.requirement(), c.evidence(), c.fix(), integrationName);
    }
}
