package dev.crosswalk.app.schedule;

/**
 * One named step of the after-sync pipeline (match keys, population membership, overlaps, push).
 * A Spring bean in its feature's package; {@link PipelineStages#ORDER} says where it runs.
 *
 * <p>A stage works from its own state (a checkpoint or watermark in its tables), so running it
 * again is always safe: after a failure the job is retried and the stages that already
 * succeeded for this pass are skipped, the failed one runs again.
 */
public interface PipelineStage {

    /** Stable: stored with the stage's watermark ({@code match-keys}, {@code overlaps}, …). */
    String name();

    /** Does the stage's work for the integration. Throw to fail the pass loudly: never log and carry on. */
    void run(StageContext ctx) throws Exception;
}
