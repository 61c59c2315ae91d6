package dev.crosswalk.app.health;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a run, probe or preflight demonstrated to work. An open error is cleared only when the
 * proof covers it: an error about Lead is not cleared by a run that did not read Lead.
 *
 * @param source            who proved it: {@code run}, {@code probe}, {@code preflight}, {@code reauthorization}, …
 * @param runId             the run, when a run proved it
 * @param connectionWorks   an authenticated call through the connection succeeded
 * @param quotaOk           API usage seen below the guard's threshold
 * @param objectsRead       objects read to the end (or whose read access a preflight confirmed)
 * @param fieldsRead        per object, the fields requested (and thus readable) in that read
 * @param objectsPermitted  objects a preflight found readable (clears permission errors, not read failures)
 * @param fieldsPermitted   fields ({@code Object.Field}) a preflight found readable
 * @param authorizationOk   the connection was (re)authorized by a current Admin
 * @param approvalsOk       the approval count was seen below the limit
 * @param outboundWorks     a callout from Salesforce reached Crosswalk with the Outbound connection's token
 */
public record Proof(String source, UUID runId, boolean connectionWorks, boolean quotaOk, Set<String> objectsRead,
        Map<String, Set<String>> fieldsRead, Set<String> objectsPermitted, Set<String> fieldsPermitted, boolean authorizationOk,
        boolean approvalsOk, boolean outboundWorks) {

    public Proof {
        objectsRead = Set.copyOf(objectsRead);
        fieldsRead = Map.copyOf(fieldsRead);
        objectsPermitted = Set.copyOf(objectsPermitted);
        fieldsPermitted = Set.copyOf(fieldsPermitted);
    }

    /** A proof about the data-source connection only (runs, probes): it says nothing about an Outbound connection. */
    public Proof(String source, UUID runId, boolean connectionWorks, boolean quotaOk, Set<String> objectsRead,
            Map<String, Set<String>> fieldsRead, Set<String> objectsPermitted, Set<String> fieldsPermitted, boolean authorizationOk,
            boolean approvalsOk) {
        this(source, runId, connectionWorks, quotaOk, objectsRead, fieldsRead, objectsPermitted, fieldsPermitted, authorizationOk,
                approvalsOk, false);
    }

    public static Proof nothing(String source) {
        return new Proof(source, null, false, false, Set.of(), Map.of(), Set.of(), Set.of(), false, false, false);
    }

    /** What a finished run proves: the connection worked (unless it failed as a whole) and these objects were read. */
    public static Proof ofRun(UUID runId, boolean connectionWorks, boolean quotaOk, Map<String, Set<String>> fieldsRead) {
        return new Proof("run", runId, connectionWorks, quotaOk, fieldsRead.keySet(), fieldsRead, Set.of(), Set.of(), false,
                false, false);
    }

    /** Whether this proof shows the problem {@code code} on {@code object}/{@code field} is gone. */
    public boolean clears(HealthCode code, String object, String field) {
        return switch (code.scope()) {
            case CONNECTION -> connectionWorks;
            case QUOTA -> quotaOk;
            // a problem not tied to an object (Salesforce unreachable for the probe) is gone once a call works
            case OBJECT -> object == null ? connectionWorks
                    : objectsRead.contains(object) || (isPermissionCode(code) && objectsPermitted.contains(object));
            case FIELD -> object != null && ((objectsRead.contains(object)
                    && (field == null || fieldsRead.getOrDefault(object, Set.of()).contains(field)))
                    || (field != null && fieldsPermitted.contains(object + "." + field)));
            case AUTHORIZATION -> authorizationOk;
            case APPROVALS -> approvalsOk;
            case OUTBOUND -> outboundWorks;
        };
    }

    private static boolean isPermissionCode(HealthCode code) {
        return code == HealthCode.PERMISSION_MISSING || code == HealthCode.OBJECT_MISSING;
    }

    public Proof withQuotaOk(boolean ok) {
        return new Proof(source, runId, connectionWorks, ok, objectsRead, fieldsRead, objectsPermitted, fieldsPermitted, authorizationOk, approvalsOk, outboundWorks);
    }

    public Proof withAuthorizationOk() {
        return new Proof(source, runId, connectionWorks, quotaOk, objectsRead, fieldsRead, objectsPermitted, fieldsPermitted, true, approvalsOk, outboundWorks);
    }

    public Proof withApprovalsOk(boolean ok) {
        return new Proof(source, runId, connectionWorks, quotaOk, objectsRead, fieldsRead, objectsPermitted, fieldsPermitted, authorizationOk, ok, outboundWorks);
    }
}
