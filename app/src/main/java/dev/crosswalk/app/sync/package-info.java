/**
 * Pulling records from Salesforce into {@code crm_record}: Bulk API 2.0 {@code queryAll},
 * incremental by {@code SystemModstamp}, deletes, checkpoints committed with each batch,
 * write-behind, runs and their history.
 *
 * <h2>Map</h2>
 * <ul>
 * <li>{@link dev.crosswalk.app.sync.SyncEngine}: orchestration of one run (objects in turn, batches
 *     through {@code WriteBehind} and {@code RecordBatchWriter}, checkpoints in {@code CheckpointRepository}).
 * <li>{@link dev.crosswalk.app.sync.RunOutcome}: the run's outcome as a pure value (status, the
 *     {@link dev.crosswalk.app.sync.RunProblem}s, what worked, the retry decision), published as
 *     {@link dev.crosswalk.app.sync.RunFinished}.
 * <li>{@code RecordBatchWriter} with {@code CopyLines} and {@code Modstamps}: a batch's COPY lines, written straight
 *     into bytes (the service's hottest code in a full sync).
 * <li>{@link dev.crosswalk.app.sync.SyncService}: runs for the API and other features; {@code matchedAt}.
 * <li>{@link dev.crosswalk.app.sync.ApiBudget}, {@link dev.crosswalk.app.sync.SyncLauncher}: what the sync
 *     needs from others (the quota guard, the scheduler), as interfaces they implement.
 * </ul>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>{@code sync} imports nothing from {@code health} (nor {@code schedule}): it publishes
 *     {@code RunFinished} and the others react. A new kind of failure is a {@code RunProblem}, whose
 *     words health writes ({@code RunHealthTest} keeps both views in step).
 * <li>A batch and its checkpoint commit together; rows are read in {@code SystemModstamp} order, so
 *     the watermark covers every committed row and a crash loses nothing.
 * <li>The last batch of an object marks it complete: it is written alone, after all others committed.
 * <li>Re-reading the overlap window (default 5 minutes) replays rows: writes must stay idempotent.
 * <li>Field lists reach SOQL only after describe checked them (or as the exact list the last run read).
 * <li>{@code CopyLines} writes COPY's CSV byte by byte for speed: any change to what a line holds must keep
 *     {@code CopyLinesTest} (byte-for-byte against the plain String building, Jackson's JSON escaping) green.
 * </ul>
 */
package dev.crosswalk.app.sync;
