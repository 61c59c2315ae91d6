package dev.crosswalk.app.sync;

/**
 * Published when a run ends (or the quota guard skipped it), on the node that ran it, after its
 * row is stored: health records its problems and clears what it proved; the after-sync pipeline,
 * metrics and the verification view react to it instead of polling. {@code sync} calls nothing in
 * its listeners' features.
 */
public record RunFinished(RunOutcome outcome) {
}
