package dev.crosswalk.app.sync;

import dev.crosswalk.salesforce.LimitInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a run came to, as a value computed from what happened to each object ({@link #of}): its
 * status, its problems, the proof of what worked, and whether to retry. Pure: unit-tested
 * without Spring ({@code RunOutcomeTest}); {@link SyncEngine} only gathers the facts.
 *
 * @param runId      the run (null when {@link RunStatus#SKIPPED})
 * @param problems   in the order they happened
 * @param worked     what the run proved works
 * @param retry      what to do about a pending retry of the integration
 */
public record RunOutcome(UUID runId, UUID organizationId, UUID integrationId, UUID connectionId, String salesforceUsername,
        SyncTrigger trigger, RunStatus status, List<RunProblem> problems, Worked worked, Retry retry) {

    public RunOutcome {
        problems = List.copyOf(problems);
    }

    /**
     * @param connectionWorks an authenticated call went through (the connection's errors are gone)
     * @param withinBudget    API usage was seen below the quota guard's share (the API_LIMIT error is gone)
     * @param fieldsRead      the objects read to the end, with the fields requested
     * @param usage           the last API usage Salesforce reported, if any
     */
    public record Worked(boolean connectionWorks, boolean withinBudget, Map<String, Set<String>> fieldsRead,
            Optional<LimitInfo> usage) {
        public Worked {
            fieldsRead = Map.copyOf(fieldsRead);
        }
    }

    /** After a run: retry it later (transient problems), cancel a pending retry (none), or leave it as it is. */
    public enum Retry { LATER, CANCEL_PENDING, LEAVE }

    /** The identity of a run: who, through which connection, why. */
    public record Run(UUID runId, UUID organizationId, UUID integrationId, UUID connectionId, String salesforceUsername,
            SyncTrigger trigger) {
    }

    /**
     * The outcome of a run that started.
     *
     * @param fieldsRead   objects synced to the end with their fields
     * @param problems     what went wrong, in order
     * @param usage        the last API usage seen
     * @param withinBudget whether that usage is below the quota guard's share
     */
    public static RunOutcome of(Run run, Map<String, Set<String>> fieldsRead, List<RunProblem> problems, Optional<LimitInfo> usage,
            boolean withinBudget) {
        boolean stopped = problems.stream().anyMatch(RunProblem::stopsRun);
        RunStatus status = problems.isEmpty() ? RunStatus.SUCCEEDED
                : stopped || fieldsRead.isEmpty() ? RunStatus.FAILED
                : problems.stream().allMatch(RunProblem::isWarning) ? RunStatus.SUCCEEDED : RunStatus.PARTIAL;
        boolean broken = problems.stream().anyMatch(RunProblem::breaksConnection);
        // Something answered: an object read, or a refusal that was not a network or availability failure.
        boolean works = !broken && (!fieldsRead.isEmpty() || problems.stream().anyMatch(p -> !p.isTransient()));
        boolean anyTransient = problems.stream().anyMatch(RunProblem::isTransient);
        Retry retry = !stopped && anyTransient ? Retry.LATER : anyTransient ? Retry.LEAVE : Retry.CANCEL_PENDING;
        return new RunOutcome(run.runId(), run.organizationId(), run.integrationId(), run.connectionId(),
                run.salesforceUsername(), run.trigger(), status, problems,
                new Worked(works, usage.isPresent() && withinBudget, fieldsRead, usage), retry);
    }

    /** The quota guard held the run before it started: no run, the budget problem, nothing proven. */
    public static RunOutcome skipped(Run run, LimitInfo usage) {
        return new RunOutcome(null, run.organizationId(), run.integrationId(), run.connectionId(), run.salesforceUsername(),
                run.trigger(), RunStatus.SKIPPED, List.of(new RunProblem.QuotaReached(usage)),
                new Worked(false, false, Map.of(), Optional.ofNullable(usage)), Retry.LEAVE);
    }

    /** Whether the connection proved broken (it then needs reauthorization). */
    public boolean connectionBroken() {
        return problems.stream().anyMatch(RunProblem::breaksConnection);
    }

    public boolean started() {
        return status != RunStatus.SKIPPED;
    }
}
