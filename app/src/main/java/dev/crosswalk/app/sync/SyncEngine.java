package dev.crosswalk.app.sync;

import dev.crosswalk.app.connection.ConnectionHealth;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.connection.ConnectionView;
import dev.crosswalk.app.integration.Integration;
import dev.crosswalk.app.integration.IntegrationService;
import dev.crosswalk.app.integration.SyncSettings;
import dev.crosswalk.app.system.TableStatistics;
import dev.crosswalk.salesforce.CloseableIterator;
import dev.crosswalk.salesforce.FieldDescribe;
import dev.crosswalk.salesforce.LimitInfo;
import dev.crosswalk.salesforce.Row;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceConnection;
import dev.crosswalk.salesforce.SalesforceException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls records from Salesforce into {@code crm_record}: a full sync first, then incremental by
 * {@code SystemModstamp} (re-reading a small overlap window; replays change nothing), through
 * Bulk API 2.0 {@code queryAll} so deletions arrive too. Rows are read in {@code SystemModstamp}
 * order and written in batches whose checkpoint commits with them: a crash at any point loses
 * nothing, and the next run resumes where the last batch committed.
 */
@Service
public class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final ApplicationEventPublisher events;
    private final IntegrationService integrations;
    private final ConnectionService connections;
    private final SyncRunRepository runs;
    private final CheckpointRepository checkpoints;
    private final RecordBatchWriter writer;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;
    private final Duration overlap;
    private final Duration bulkTimeout;
    private final int parallelWrites;
    private final ApiBudget budget;
    private final TableStatistics statistics;

    SyncEngine(ApplicationEventPublisher events, IntegrationService integrations, ConnectionService connections, SyncRunRepository runs,
            CheckpointRepository checkpoints, RecordBatchWriter writer, TransactionTemplate tx, Clock clock,
            @Value("${crosswalk.sync.batch-size:5000}") int batchSize,
            @Value("${crosswalk.sync.overlap-window:PT5M}") Duration overlap,
            @Value("${crosswalk.sync.bulk-timeout:PT2H}") Duration bulkTimeout,
            @Value("${crosswalk.sync.parallel-writes:2}") int parallelWrites, ApiBudget budget, TableStatistics statistics) {
        this.parallelWrites = parallelWrites;
        this.statistics = statistics;
        this.budget = budget;
        this.events = events;
        this.integrations = integrations;
        this.connections = connections;
        this.runs = runs;
        this.checkpoints = checkpoints;
        this.writer = writer;
        this.tx = tx;
        this.clock = clock;
        this.batchSize = batchSize;
        this.overlap = overlap;
        this.bulkTimeout = bulkTimeout;
    }

    /** Runs one sync of an integration now, in the calling thread. Returns the finished run's id, or empty if skipped. */
    public Optional<UUID> run(UUID integrationId, SyncTrigger trigger) {
        return run(integrationId, trigger, 0);
    }

    /** How often a run superseded by a reauthorization is followed by another verification in a row. */
    private static final int MAX_RERUNS_AFTER_REAUTHORIZATION = 5;

    private Optional<UUID> run(UUID integrationId, SyncTrigger trigger, int rerun) {
        Integration integration = integrations.findForJob(integrationId).orElse(null);
        if (integration == null) {
            return Optional.empty();
        }
        if (integration.paused() && trigger == SyncTrigger.SCHEDULE) {
            return Optional.empty();
        }
        ConnectionView connection = connections.inbound(integration.organizationId(), integrationId).orElse(null);
        if (connection == null) {
            return Optional.empty();
        }
        Optional<LimitInfo> overBudget = budget.exhausted(connection.id());
        if (overBudget.isPresent()) {
            // The quota guard pauses syncing; the probe lifts the pause when usage drops.
            LOG.info("sync of integration {} paused by the API quota guard", integrationId);
            events.publishEvent(new RunFinished(RunOutcome.skipped(new RunOutcome.Run(null, integration.organizationId(),
                    integrationId, connection.id(), connection.salesforceUsername(), trigger), overBudget.get())));
            return Optional.empty();
        }
        runs.failAbandoned(integrationId, clock.instant());
        UUID runId = UUID.randomUUID();
        runs.start(runId, integration.organizationId(), integrationId, trigger, clock.instant(), NODE);
        RunState state = new RunState(runId);
        SalesforceConnection sf = connections.open(connection.id());
        long callsBefore = sf.calls().total();
        for (String object : integration.settings().objects().keySet()) {
            RunProblem problem = syncObjectOrProblem(integration, sf, object, state);
            if (problem != null) {
                state.problems.add(problem);
                if (problem.stopsRun()) {
                    break;
                }
            }
        }
        boolean superseded = reauthorizedSince(integration.organizationId(), integrationId, connection);
        if (superseded) {
            // A reauthorization replaced the credentials this run started with (its own verification may
            // have been dropped while this run held the integration): failures to authenticate say nothing
            // about the connection now, so they are not raised; a verification with the new ones follows.
            state.problems.removeIf(RunProblem::breaksConnection);
        }
        Optional<LimitInfo> usage = sf.lastLimitInfo();
        RunOutcome outcome = RunOutcome.of(new RunOutcome.Run(runId, integration.organizationId(), integrationId, connection.id(),
                connection.salesforceUsername(), trigger), state.fieldsRead, state.problems, usage,
                usage.filter(u -> !budget.over(u)).isPresent());
        runs.finish(runId, outcome.status().name(), clock.instant(), state.read, state.upserted, state.deleted,
                (int) (sf.calls().total() - callsBefore), state.objects);
        if (outcome.connectionBroken()) {
            connections.recordFailure(connection.id(), ConnectionHealth.NEEDS_REAUTHORIZATION);
        } else if (outcome.worked().connectionWorks()) {
            connections.recordSuccess(connection.id());
        }
        events.publishEvent(new RunFinished(outcome));
        if (superseded && rerun < MAX_RERUNS_AFTER_REAUTHORIZATION) {
            LOG.info("integration {} was reauthorized during run {}: verifying with the new credentials", integrationId, runId);
            return run(integrationId, SyncTrigger.VERIFICATION, rerun + 1).or(() -> Optional.of(runId));
        }
        return Optional.of(runId);
    }

    private boolean reauthorizedSince(UUID organizationId, UUID integrationId, ConnectionView atStart) {
        return connections.inbound(organizationId, integrationId)
                .map(now -> !now.id().equals(atStart.id()) || !now.authorizedAt().equals(atStart.authorizedAt()))
                .orElse(false);
    }

    /** Syncs one object; what went wrong, as a fact for the outcome (null when nothing did). */
    private RunProblem syncObjectOrProblem(Integration integration, SalesforceConnection sf, String object, RunState state) {
        try {
            syncObject(integration, sf, object, state);
            return null;
        } catch (QuotaReached q) {
            // Progress up to the last batch is committed with its checkpoint; the next run resumes there.
            return new RunProblem.QuotaReached(q.usage);
        } catch (SalesforceException e) {
            return new RunProblem.Refused(object, e.error());
        } catch (RuntimeException e) {
            LOG.warn("sync of {} for integration {} failed", object, integration.id(), e);
            return new RunProblem.NotStored(object, e.getMessage());
        }
    }

    /** Daily API usage reached the quota guard's share in the middle of a run. */
    private static final class QuotaReached extends RuntimeException {
        final transient LimitInfo usage;

        QuotaReached(LimitInfo usage) {
            super("API usage " + usage + " reached the quota guard's share", null, false, false);
            this.usage = usage;
        }
    }

    private void checkQuota(SalesforceConnection sf) {
        Optional<LimitInfo> usage = sf.lastLimitInfo();
        if (usage.isPresent() && budget.over(usage.get())) {
            throw new QuotaReached(usage.get());
        }
    }

    /**
     * Syncs one object. When the selection is what the last run read in full, that list is used
     * without a describe call (an incremental run then costs three calls: create, poll, results);
     * if Salesforce refuses it because a field is gone, the object is described and synced again.
     */
    private void syncObject(Integration integration, SalesforceConnection sf, String object, RunState state) {
        checkQuota(sf);
        Optional<CheckpointRepository.Checkpoint> cp = checkpoints.find(integration.id(), object);
        Optional<List<String>> lastFields = cp.flatMap(c -> unchangedFields(integration.settings(), object, c.fieldsSignature()));
        if (lastFields.isPresent()) {
            try {
                syncFields(integration, sf, object, state, lastFields.get(), List.of(), cp);
                return;
            } catch (SalesforceException e) {
                if (!(e.error() instanceof SalesforceError.InvalidRequest r && r.hasCode("INVALID_FIELD"))) {
                    throw e;
                }
                LOG.info("a field of {} is no longer readable for integration {}; describing it again", object, integration.id());
            }
        }
        Set<String> available = sf.rest().describe(object).fields().stream().map(FieldDescribe::name).collect(Collectors.toSet());
        List<String> fields = integration.settings().fieldsFor(object, available);
        List<String> skipped = integration.settings().objects().getOrDefault(object, List.of()).stream()
                .filter(f -> !available.contains(f)).toList();
        for (String f : skipped) {
            state.problems.add(new RunProblem.FieldMissing(object, f));
        }
        syncFields(integration, sf, object, state, fields, skipped, cp);
    }

    /** The fields the checkpoint was reached with, if a describe would give the same list. */
    private static Optional<List<String>> unchangedFields(SyncSettings settings, String object, String signature) {
        if (signature == null || signature.isEmpty()) {
            return Optional.empty();
        }
        List<String> last = List.of(signature.split(","));
        return settings.asksExactlyFor(object, last) ? Optional.of(last) : Optional.empty();
    }

    private void syncFields(Integration integration, SalesforceConnection sf, String object, RunState state,
            List<String> fields, List<String> skipped, Optional<CheckpointRepository.Checkpoint> cp) {
        Instant started = clock.instant();
        String signature = String.join(",", fields);
        boolean sameFields = cp.isPresent() && cp.get().fieldsSignature().equals(signature);
        Instant from = sameFields ? cp.get().watermark() : null;
        boolean fullSync = !sameFields || !cp.get().fullSyncDone();
        StringBuilder soql = new StringBuilder("SELECT ").append(String.join(", ", fields)).append(" FROM ").append(object);
        if (from != null) {
            soql.append(" WHERE SystemModstamp >= ")
                    .append(DateTimeFormatter.ISO_INSTANT.format(from.minus(overlap).truncatedTo(ChronoUnit.SECONDS)));
        }
        soql.append(" ORDER BY SystemModstamp ASC");

        ObjectTotals totals = new ObjectTotals(state, cp.isEmpty());
        Instant watermark = from == null ? Instant.EPOCH : from;
        int idIdx = fields.indexOf("Id");
        int modIdx = fields.indexOf("SystemModstamp");
        int delIdx = fields.indexOf("IsDeleted");
        List<RecordBatchWriter.SyncedRow> batch = new ArrayList<>(batchSize);
        try (WriteBehind writes = new WriteBehind("sync-write-" + object + "-" + integration.id(), parallelWrites, watermark);
                // A full sync's estimated total (progress: "records so far / estimated total") is the completed
                // job's row count, which the poll that found it complete carries: no COUNT() call, no second scan.
                CloseableIterator<Row> rows = sf.bulkQuery().query(soql.toString(), true, bulkTimeout,
                        total -> {
                            if (fullSync) {
                                state.estimate(total);
                            }
                        })) {
            try {
                while (rows.hasNext()) {
                    Row row = rows.next();
                    String[] values = new String[fields.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.get(i);
                    }
                    Instant modstamp = Modstamps.parse(values[modIdx]);
                    batch.add(new RecordBatchWriter.SyncedRow(values[idIdx], fields, values,
                            delIdx >= 0 && "true".equalsIgnoreCase(values[delIdx]), modstamp));
                    if (modstamp.isAfter(watermark)) {
                        watermark = modstamp;
                    }
                    if (batch.size() >= batchSize) {
                        write(writes, integration, object, batch, watermark, false, signature, totals);
                        batch = new ArrayList<>(batchSize);
                        checkQuota(sf);
                    }
                }
            } catch (SalesforceException e) {
                // Interrupted mid-download (e.g. REQUEST_LIMIT_EXCEEDED): keep what was read. Rows come in
                // SystemModstamp order, so the watermark covers them; the next run resumes from it.
                if (!batch.isEmpty()) {
                    write(writes, integration, object, batch, watermark, false, signature, totals);
                }
                writes.await();
                throw e;
            }
            // The last batch marks the object complete, so it goes alone, once all others have committed.
            writes.await();
            write(writes, integration, object, batch, watermark, true, signature, totals);
            writes.await();
        }
        long read = totals.read();
        long upserted = totals.upserted();
        long deleted = totals.deleted();
        LOG.info("{} of integration {}: {} read, {} upserted, {} deleted in {} ms ({})", object, integration.id(), read, upserted,
                deleted, Duration.between(started, clock.instant()).toMillis(),
                cp.isEmpty() ? "first load" : fullSync ? "full" : "incremental");
        // Before the after-sync job queries what a first sync just loaded (see TableStatistics).
        statistics.refreshIfChangedMuch("crm_record", upserted + deleted);
        state.objectDone(object, read, upserted, deleted, skipped, fullSync);
        state.fieldsRead.put(object, Set.copyOf(fields));
    }

    /** Commits the batch with its checkpoint on a write-behind thread, then counts it. */
    private void write(WriteBehind writes, Integration integration, String object, List<RecordBatchWriter.SyncedRow> batch,
            Instant watermark, boolean complete, String signature, ObjectTotals totals) {
        writes.submit(watermark, checkpoint -> {
            long t0 = System.nanoTime();
            RecordBatchWriter.BatchResult r;
            try {
                r = tx.execute(s -> writer.write(integration.organizationId(), integration.id(), object, batch, checkpoint,
                        complete, signature, clock.instant(), totals.firstLoad));
            } catch (DuplicateKeyException e) {
                LOG.warn("{} of integration {}: a row of the first load was stored already; upserting from here on", object,
                        integration.id());
                totals.firstLoad = false;
                r = tx.execute(s -> writer.write(integration.organizationId(), integration.id(), object, batch, checkpoint,
                        complete, signature, clock.instant(), false));
            }
            totals.committed(batch.size(), r);
            LOG.debug("{} of integration {}: batch of {} rows committed in {} ms", object, integration.id(), batch.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        });
    }

    /** One object's committed counts and write mode, shared by its write-behind threads. */
    private static final class ObjectTotals {
        private final RunState state;
        private long read;
        private long upserted;
        private long deleted;
        /** No checkpoint yet, so nothing stored: rows can be copied in without an upsert. */
        volatile boolean firstLoad;

        ObjectTotals(RunState state, boolean firstLoad) {
            this.state = state;
            this.firstLoad = firstLoad;
        }

        synchronized void committed(int rows, RecordBatchWriter.BatchResult r) {
            read += rows;
            upserted += r.written() - r.deleted();
            deleted += r.deleted();
            state.progress(read, upserted, deleted);
        }

        synchronized long read() {
            return read;
        }

        synchronized long upserted() {
            return upserted;
        }

        synchronized long deleted() {
            return deleted;
        }
    }

    /** Totals of one run, written to its row as it goes so the API can show progress. */
    private final class RunState {
        final UUID runId;
        final Map<String, SyncRun.ObjectCounts> objects = new LinkedHashMap<>();
        final List<RunProblem> problems = new ArrayList<>();
        final Map<String, Set<String>> fieldsRead = new LinkedHashMap<>();
        long read;
        long upserted;
        long deleted;
        long baseRead;
        long baseUpserted;
        long baseDeleted;

        RunState(UUID runId) {
            this.runId = runId;
        }

        void progress(long objRead, long objUpserted, long objDeleted) {
            read = baseRead + objRead;
            upserted = baseUpserted + objUpserted;
            deleted = baseDeleted + objDeleted;
            runs.progress(runId, read, upserted, deleted, null, clock.instant());
        }

        void estimate(long objectTotal) {
            if (objectTotal >= 0) {
                runs.progress(runId, read, upserted, deleted, baseRead + objectTotal, clock.instant());
            }
        }

        void objectDone(String object, long objRead, long objUpserted, long objDeleted, List<String> skipped, boolean full) {
            objects.put(object, new SyncRun.ObjectCounts(objRead, objUpserted, objDeleted, skipped, full));
            baseRead = read;
            baseUpserted = upserted;
            baseDeleted = deleted;
        }
    }
}
