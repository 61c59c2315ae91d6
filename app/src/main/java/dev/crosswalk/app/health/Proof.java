package dev.crosswalk.app.health;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a run, probe, preflight or pipeline pass demonstrated to work. An open error is cleared
 * only when the proof covers it: an error about Lead is not cleared by a run that did not read Lead.
 * Made by the named factories and {@code with…} steps, never positionally.
 *
 * @param source           who proved it: {@code run}, {@code probe}, {@code preflight}, {@code reauthorization}, …
 * @param runId            the run, when a run proved it
 * @param whole            scopes proven as a whole: {@link HealthCode.Scope#CONNECTION} (an authenticated call
 *                         succeeded), {@code QUOTA} (usage below the guard), {@code AUTHORIZATION} (authorized by a
 *                         current Admin), {@code APPROVALS} (below the limit), {@code OUTBOUND} (a callout from
 *                         Salesforce reached Crosswalk with the Outbound token), {@code PIPELINE} (a complete pass)
 * @param objectsRead      objects read to the end
 * @param fieldsRead       per object, the fields requested (and thus readable) in that read
 * @param objectsPermitted objects a preflight found readable (clears permission errors, not read failures)
 * @param fieldsPermitted  fields ({@code Object.Field}) a preflight found readable
 */
public record Proof(String source, UUID runId, Set<HealthCode.Scope> whole, Set<String> objectsRead,
        Map<String, Set<String>> fieldsRead, Set<String> objectsPermitted, Set<String> fieldsPermitted) {

    public Proof {
        whole = whole.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(whole));
        objectsRead = Set.copyOf(objectsRead);
        fieldsRead = Map.copyOf(fieldsRead);
        objectsPermitted = Set.copyOf(objectsPermitted);
        fieldsPermitted = Set.copyOf(fieldsPermitted);
    }

    public static Proof nothing(String source) {
        return new Proof(source, null, Set.of(), Set.of(), Map.of(), Set.of(), Set.of());
    }

    /** What a finished run read: these objects to the end, with these fields. */
    public static Proof ofRun(UUID runId, Map<String, Set<String>> fieldsRead) {
        return new Proof("run", runId, Set.of(), fieldsRead.keySet(), fieldsRead, Set.of(), Set.of());
    }

    /** Objects another job read or wrote to the end (push), with the fields involved. */
    public static Proof ofObjects(String source, Map<String, Set<String>> fields) {
        return new Proof(source, null, Set.of(), fields.keySet(), fields, Set.of(), Set.of());
    }

    /** A probe (or the verification after a reauthorization) and the objects and fields its preflight found readable. */
    public static Proof ofPreflight(String source, Set<String> objectsPermitted, Set<String> fieldsPermitted) {
        return new Proof(source, null, Set.of(), Set.of(), Map.of(), objectsPermitted, fieldsPermitted);
    }

    /** A pass of the after-sync pipeline in which every stage succeeded. */
    public static Proof ofPipeline() {
        return nothing("pipeline").with(HealthCode.Scope.PIPELINE);
    }

    /** Whether this proof shows the problem {@code code} on {@code object}/{@code field} is gone. */
    public boolean clears(HealthCode code, String object, String field) {
        return switch (code.scope()) {
            case CONNECTION, QUOTA, AUTHORIZATION, APPROVALS, OUTBOUND, PIPELINE -> whole.contains(code.scope());
            // a problem not tied to an object (Salesforce unreachable for the probe) is gone once a call works
            case OBJECT -> object == null ? connectionWorks()
                    : objectsRead.contains(object) || (isPermissionCode(code) && objectsPermitted.contains(object));
            case FIELD -> object != null && ((objectsRead.contains(object)
                    && (field == null || fieldsRead.getOrDefault(object, Set.of()).contains(field)))
                    || (field != null && fieldsPermitted.contains(object + "." + field)));
        };
    }

    public boolean connectionWorks() {
        return whole.contains(HealthCode.Scope.CONNECTION);
    }

    private static boolean isPermissionCode(HealthCode code) {
        return code == HealthCode.PERMISSION_MISSING || code == HealthCode.OBJECT_MISSING;
    }

    /** An authenticated call through the connection succeeded. */
    public Proof withConnectionWorking() {
        return with(HealthCode.Scope.CONNECTION);
    }

    /** API usage was seen below the quota guard's share. */
    public Proof withQuotaOk() {
        return with(HealthCode.Scope.QUOTA);
    }

    /** The connection was (re)authorized by a current Admin. */
    public Proof withAuthorizationOk() {
        return with(HealthCode.Scope.AUTHORIZATION);
    }

    /** The approval count was seen below the limit. */
    public Proof withApprovalsOk() {
        return with(HealthCode.Scope.APPROVALS);
    }

    /** A callout from Salesforce reached Crosswalk with the Outbound connection's token (Custom Objects integrations). */
    public Proof withOutboundWorking() {
        return with(HealthCode.Scope.OUTBOUND);
    }

    private Proof with(HealthCode.Scope scope) {
        Set<HealthCode.Scope> more = whole.isEmpty() ? EnumSet.noneOf(HealthCode.Scope.class) : EnumSet.copyOf(whole);
        more.add(scope);
        return new Proof(source, runId, more, objectsRead, fieldsRead, objectsPermitted, fieldsPermitted);
    }
}
