/**
 * Durable, cluster-safe jobs on db-scheduler (PostgreSQL table {@code scheduled_tasks}) and their
 * retry policies.
 *
 * <h2>Map</h2>
 * <ul>
 * <li>{@link dev.crosswalk.app.schedule.Jobs}: queues executions through a scheduler client of its
 *     own; {@link dev.crosswalk.app.schedule.DueJobsNow} wakes the local scheduler after commit (and
 *     lets tests run due executions now).
 * <li>{@code SyncJobs}: {@code sync-integration} (one per integration), {@code after-sync-pipeline}
 *     (one per integration), the {@code sync-dispatcher} (every minute: due syncs, pending pipelines).
 * <li>{@code SyncScheduling}: the sync's {@code SyncLauncher}; a new or reauthorized connection syncs at once.
 * <li>{@link dev.crosswalk.app.schedule.AfterSyncPipeline}: the stages of
 *     {@code PipelineStages.ORDER} in order, each with its watermark in {@code pipeline_stage_watermark};
 *     {@link dev.crosswalk.app.schedule.PipelineStage}, {@link dev.crosswalk.app.schedule.StageContext}
 *     are what a feature implements to add a stage.
 * <li>{@link dev.crosswalk.app.schedule.RetryPolicies}: every job's retry and backoff, by name.
 * </ul>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>Never inject the {@code Scheduler} (or {@code SchedulerClient}) bean into a service: the
 *     Scheduler needs every task, tasks need services, and the circle comes back as a lazy injection.
 *     Queue through {@code Jobs}.
 * <li>A stage throws to fail; it never logs and carries on. The pass stops there, db-scheduler
 *     retries with backoff, and after the last attempt the integration shows MATCHING_FAILED.
 *     {@code matchedAt} is set only when every stage succeeded.
 * <li>A stage must be safe to run again (it works from its own checkpoint): a retried pass skips
 *     the stages whose watermark reached the request and reruns the one that failed.
 * <li>A new stage is a {@code PipelineStage} bean in its feature's package <em>and</em> a name in
 *     {@code PipelineStages.ORDER}; startup fails if either is missing.
 * <li>A stage named in {@code PipelineStages.BESIDE_PREVIOUS} runs on its own thread beside the stage
 *     before it when both are due (population membership beside match keys): it must not read what that
 *     stage writes. The stage after both waits for both; each records its own watermark.
 * <li>A request is strictly later than the one before (even across nodes with skewed clocks): a pass
 *     compares the request it served with the latest to know whether to go again.
 * <li>The dispatcher leaves a request whose attempts are used up ({@code gave_up_for}) until a newer
 *     one: otherwise it would retry every minute, past the backoff.
 * </ul>
 */
package dev.crosswalk.app.schedule;
