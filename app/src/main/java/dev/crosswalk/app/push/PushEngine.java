package dev.crosswalk.app.push;

import dev.crosswalk.app.connection.ConnectionHealth;
import dev.crosswalk.app.connection.ConnectionService;
import dev.crosswalk.app.connection.ConnectionView;
import dev.crosswalk.app.health.HealthService;
import dev.crosswalk.app.health.Problem;
import dev.crosswalk.app.health.Problems;
import dev.crosswalk.app.health.Proof;
import dev.crosswalk.app.health.QuotaGuard;
import dev.crosswalk.salesforce.ApiError;
import dev.crosswalk.salesforce.FieldDescribe;
import dev.crosswalk.salesforce.SObjectDescribe;
import dev.crosswalk.salesforce.SalesforceConnection;
import dev.crosswalk.salesforce.SalesforceError;
import dev.crosswalk.salesforce.SalesforceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.stereotype.Service;

/**
 * One push of a Custom Objects integration: desired state → diff against what Salesforce confirmed
 * holding → deletes of stale records, upserts of changed ones (by {@code Crosswalk_Key__c}), the two
 * Account fields → per-row outcomes recorded as Salesforce answers them. Nothing changed means no
 * Salesforce call at all. A row is marked unconfirmed before it is sent and confirmed (or rejected)
 * from Salesforce's answer, so a crash or a revoked token in the middle is resumed by the next push
 * without duplicates (upserts are by external id; deletes are forgotten only once confirmed).
 */
@Service
class PushEngine {
    private static final Logger LOG = LoggerFactory.getLogger(PushEngine.class);

    private final PushTargets targets;
    private final PushSettingsService settings;
    private final DesiredState desiredState;
    private final PushStore store;
    private final ConnectionService connections;
    private final HealthService health;
    private final QuotaGuard quota;
    private final Clock clock;
    private final PushProperties properties;
    private final PushLock lock;
    private final RetryPolicy retry = RetryPolicy.standard();
    /** Records the overlap job's results while the Account job is checked and recorded (SalesforceWrites.awaitRecorded). */
    private final java.util.concurrent.ExecutorService recorder = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "push-recorder");
        thread.setDaemon(true);
        return thread;
    });

    PushEngine(PushTargets targets, PushSettingsService settings, DesiredState desiredState, PushStore store,
            ConnectionService connections, HealthService health, QuotaGuard quota, Clock clock, PushProperties properties, PushLock lock) {
        this.targets = targets;
        this.settings = settings;
        this.desiredState = desiredState;
        this.store = store;
        this.connections = connections;
        this.health = health;
        this.quota = quota;
        this.clock = clock;
        this.properties = properties;
        this.lock = lock;
    }

    /** Thrown inside a push to stop it with a problem the admin sees. */
    private static final class Stop extends RuntimeException {
        final Problem problem;

        Stop(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** Runs one push; never throws for Salesforce's answers (they become the run's status and health errors). */
    Optional<PushRun> push(UUID integrationId, String trigger) {
        // One push at a time per integration, on every node (the job, a pipeline stage and a test may all ask).
        try (PushLock.Held held = lock.acquire(integrationId)) {
            return pushLocked(integrationId, trigger);
        }
    }

    private Optional<PushRun> pushLocked(UUID integrationId, String trigger) {
        Optional<PushTargets.Target> found = targets.findForJob(integrationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PushTargets.Target t = found.get();
        // Writes a push stopped in the middle of (a crash) were left in flight: their rows become unconfirmed ones now.
        store.settleInflight(t.integrationId());
        UUID runId = UUID.randomUUID();
        store.startRun(runId, t.integrationId(), t.organizationId(), trigger, clock.instant());
        Progress progress = new Progress();
        ConnectionView inbound = connections.inbound(t.organizationId(), t.integrationId()).orElse(null);
        String skipped = t.paused() ? "The integration is paused."
                : inbound == null ? "The integration has no Inbound connection yet."
                : inbound.health() != ConnectionHealth.HEALTHY ? "The Inbound connection is not healthy (" + inbound.health()
                        + "): push waits until it is repaired."
                : null;
        if (skipped == null) {
            Optional<Problem> blocked = quota.blocked(inbound.id());
            if (blocked.isPresent()) {
                skipped = blocked.get().message();
            }
        }
        if (skipped != null) {
            store.finishRun(runId, progress.counts(0), "SKIPPED", "NONE", null, skipped, clock.instant());
            return Optional.of(store.runs(t.integrationId(), 1).get(0));
        }
        SalesforceConnection sf = connections.open(inbound.id());
        long callsBefore = sf.calls().total();
        SalesforceWrites writes = new SalesforceWrites(sf, properties.bulkThreshold(), properties.bulkTimeout(), recorder);
        List<Problem> problems = new ArrayList<>();
        String status;
        String errorCode = null;
        String message = null;
        try {
            Outcome o;
            try {
                o = run(t, sf, writes, progress, problems);
            } finally {
                writes.awaitRecorded();
            }
            status = o.status;
            errorCode = o.errorCode;
            message = o.message;
        } catch (Stop s) {
            problems.add(s.problem);
            status = "FAILED";
            errorCode = s.problem.code().name();
            message = s.problem.message();
        } catch (SalesforceException e) {
            Problem p = Problems.of(e.error(), EcosystemOverlap.OBJECT, inbound.salesforceUsername());
            problems.add(p);
            status = "FAILED";
            errorCode = p.code().name();
            message = p.message();
            if (e.error() instanceof SalesforceError.AuthRevoked || e.error() instanceof SalesforceError.AuthExpired) {
                connections.recordFailure(inbound.id(), ConnectionHealth.NEEDS_REAUTHORIZATION);
            }
            LOG.warn("push of integration {} stopped: {}", t.integrationId(), e.error().message());
        }
        // Rows of this push Salesforce did not confirm (rejected, unprocessed, or the push stopped): unconfirmed from now on.
        store.settleInflight(t.integrationId());
        int apiCalls = (int) (sf.calls().total() - callsBefore);
        boolean called = apiCalls > 0;
        sf.lastLimitInfo().ifPresent(u -> health.recordUsage(inbound.id(), u));
        if (called || !problems.isEmpty()) {
            boolean worked = called && !"FAILED".equals(status);
            Proof proof = worked ? Proof.ofObjects("push", Map.of(EcosystemOverlap.OBJECT, Set.copyOf(EcosystemOverlap.COLUMNS),
                    EcosystemOverlap.ACCOUNT_OBJECT, Set.of(EcosystemOverlap.PARTNER_COUNT, EcosystemOverlap.PARTNERS)))
                    .withConnectionWorking() : Proof.nothing("push");
            proof = worked && sf.lastLimitInfo().map(u -> !quota.over(u)).orElse(true) ? proof.withQuotaOk() : proof;
            health.observe(t.organizationId(), t.integrationId(), inbound.id(), problems, proof);
        }
        store.finishRun(runId, progress.counts(apiCalls, writes.writeCalls()), status, writes.mode(), errorCode, message, clock.instant());
        LOG.info("push of integration {}: {} ({} upserted, {} deleted, {} accounts, {} unchanged, {} rejected; {} write calls, {} calls, {})",
                t.integrationId(), status, progress.upserted, progress.deleted, progress.accounts, progress.unchanged, progress.rejected,
                writes.writeCalls(), apiCalls, writes.mode());
        return Optional.of(store.runs(t.integrationId(), 1).get(0));
    }

    private record Outcome(String status, String errorCode, String message) {
    }

    private static final class Inflight {
        final UUID id;
        final int keys;
        int confirmed;

        Inflight(UUID id, int keys) {
            this.id = id;
            this.keys = keys;
        }
    }

    /** Row errors that mean a field push writes is missing or read-only for the integration user. */
    private static final Set<String> FIELD_ERRORS = Set.of("INVALID_FIELD", "INVALID_FIELD_FOR_INSERT_UPDATE", "NO_SUCH_COLUMN");

    private static final class Progress {
        int desired;
        int upserted;
        int deleted;
        int accounts;
        int unchanged;
        int rejected;
        /** This push's in-flight rows (PushStore.markPending) and how many of their keys Salesforce confirmed so far. */
        final List<Inflight> inflight = new ArrayList<>();

        /** Rows Salesforce refused for a field it does not have or lets the user write: FIELD_MISSING when describe agrees. */
        int fieldRejected;

        synchronized void rejected(ApiError error) {
            rejected++;
            if (FIELD_ERRORS.contains(error.errorCode())) {
                fieldRejected++;
            }
        }

        PushRun.Counts counts(int apiCalls) {
            return counts(apiCalls, 0);
        }

        PushRun.Counts counts(int apiCalls, int writeCalls) {
            return new PushRun.Counts(desired, upserted, deleted, accounts, unchanged, rejected, writeCalls, apiCalls);
        }
    }

    private Outcome run(PushTargets.Target t, SalesforceConnection sf, SalesforceWrites writes, Progress progress,
            List<Problem> problems) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID id = t.integrationId();
        long t0 = System.nanoTime();
        DesiredState.Rows desired = desiredState.compute(t, settings.get(t.organizationId(), id));
        long t1 = System.nanoTime();
        progress.desired = desired.overlaps().size();
        PushDiff.Plan overlaps = PushDiff.plan(desired.overlaps(), store.stored(id, DesiredRow.Kind.OVERLAP),
                store.retryAt(id, DesiredRow.Kind.OVERLAP), now, properties.reconfirmAfter());
        PushDiff.Plan accounts = PushDiff.plan(desired.accounts(), store.stored(id, DesiredRow.Kind.ACCOUNT),
                store.retryAt(id, DesiredRow.Kind.ACCOUNT), now, properties.reconfirmAfter());
        progress.unchanged = overlaps.unchanged() + accounts.unchanged();
        store.dropRejectionsExcept(id, DesiredRow.Kind.OVERLAP, desired.overlaps().stream().map(DesiredRow::key).toList());
        store.dropRejectionsExcept(id, DesiredRow.Kind.ACCOUNT, desired.accounts().stream().map(DesiredRow::key).toList());
        long t2 = System.nanoTime();
        LOG.debug("push of integration {}: desired state {} ms, diff {} ms", id, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        int deferred = overlaps.deferred() + accounts.deferred();
        if (overlaps.nothingToDo() && accounts.nothingToDo()) {
            return new Outcome(deferred > 0 ? "PARTIAL" : "SUCCEEDED", null,
                    deferred > 0 ? deferred + " rejected rows wait for their retry time." : "Nothing changed.");
        }
        String username = connections.inbound(t.organizationId(), id).map(ConnectionView::salesforceUsername).orElse("the integration user");
        // The fields push writes are checked by describe before Collections calls (a missing one would fail every call). Rows that
        // all go through Bulk jobs are checked only when a job says something is wrong with the object or a field: a job over a
        // missing object fails at its creation, over a missing column as a whole, over a read-only field row by row (one call
        // saved on every large push, P4 counts them; a broken push pays it).
        int accountItems = accounts.writes().size() + accounts.removals().size();
        boolean fieldsChecked = !writes.allBulk(overlaps.writes().size(), accountItems);
        if (fieldsChecked) {
            requireFields(sf, username, !overlaps.nothingToDo(), !accounts.nothingToDo());
        }

        // Export limit: unique overlap records per term. Rows already counted this term may always be rewritten.
        List<DesiredRow> toWrite = overlaps.writes();
        Problem limitProblem = null;
        int exportLimit = ExportLimit.effective(properties.exportLimit(), store.exportLimit(id));
        if (exportLimit > 0) {
            LocalDate term = properties.termStart(now);
            int used = store.exportedThisTerm(id, term);
            Set<String> counted = store.countedThisTerm(id, term, toWrite.stream().map(DesiredRow::key).toList());
            int room = Math.max(0, exportLimit - used);
            List<DesiredRow> allowed = new ArrayList<>();
            int fresh = 0;
            for (DesiredRow d : toWrite) {
                if (counted.contains(d.key()) || fresh < room) {
                    allowed.add(d);
                    fresh += counted.contains(d.key()) ? 0 : 1;
                }
            }
            int after = used + fresh;
            if (allowed.size() < toWrite.size()) {
                limitProblem = Problems.exportLimit(EcosystemOverlap.OBJECT, after, exportLimit,
                        properties.exportTerm().toLowerCase(), true);
            } else if (after >= exportLimit * 0.8) {
                problems.add(Problems.exportLimit(EcosystemOverlap.OBJECT, after, exportLimit,
                        properties.exportTerm().toLowerCase(), false));
            }
            toWrite = allowed;
        }

        // 1. Stale overlap records go first: a revoked or reduced partner's rows must not outlive the change.
        long t3 = System.nanoTime();
        deleteStale(t, sf, writes, overlaps.removals(), progress);
        long t4 = System.nanoTime();
        // 2. Changed and new overlap records, and 3. the two Account fields (set where overlaps exist, cleared where they no
        // longer do). Two objects, no order between them: as Bulk jobs they run in Salesforce side by side (a large first
        // push would otherwise wait for one job after the other), the second checked once the first is done.
        long t5;
        try {
            SalesforceWrites.Pending upserts = upsert(t, writes, toWrite, now, progress);
            t5 = System.nanoTime();
            SalesforceWrites.Pending accountFields = updateAccounts(t, writes, accounts, now, progress);
            upserts.finish();
            if (upserts.bulkJob()) {
                accountFields.finishAfterOther();
            } else {
                accountFields.finish();
            }
            writes.awaitRecorded();
        } catch (SalesforceException e) {
            if (!fieldsChecked && !(e.error() instanceof SalesforceError.AuthRevoked || e.error() instanceof SalesforceError.AuthExpired)) {
                // A job refused at its creation (the object or its external id field is missing): describe says which, and how to fix it.
                requireFields(sf, username, !overlaps.nothingToDo(), !accounts.nothingToDo());
            }
            throw e;
        }
        // Every key confirmed: the in-flight row has nothing left to settle (settling it would probe 100,000 keys for nothing).
        for (Inflight f : progress.inflight) {
            if (f.confirmed == f.keys) {
                store.dropInflight(f.id);
            }
        }
        if (!fieldsChecked && (writes.failedJobs() > 0 || progress.fieldRejected > 0)) {
            // Throws FIELD_MISSING / OBJECT_MISSING when that is why; otherwise the rejected rows stand as they are.
            requireFields(sf, username, !overlaps.nothingToDo(), !accounts.nothingToDo());
        }
        LOG.debug("push of integration {}: checks {} ms, deletes {} ms, upserts started {} ms, both written {} ms", id,
                (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, (System.nanoTime() - t5) / 1_000_000);

        if (limitProblem != null) {
            problems.add(limitProblem);
            return new Outcome("FAILED", limitProblem.code().name(), limitProblem.message());
        }
        if (progress.rejected > 0 || deferred > 0) {
            return new Outcome("PARTIAL", null, progress.rejected + " rows rejected by Salesforce"
                    + (deferred > 0 ? ", " + deferred + " waiting for their retry time" : "") + "; the other rows were written.");
        }
        return new Outcome("SUCCEEDED", null, null);
    }

    /**
     * Fields push writes must exist and be editable: else FIELD_MISSING naming the field. Both objects' describes in one
     * composite call; if that fails, one describe per object tells which object is missing (calls only a broken push pays).
     */
    private void requireFields(SalesforceConnection sf, String username, boolean overlaps, boolean accounts) {
        Map<String, List<String>> needed = new LinkedHashMap<>();
        if (overlaps) {
            needed.put(EcosystemOverlap.OBJECT, EcosystemOverlap.COLUMNS);
        }
        if (accounts) {
            needed.put(EcosystemOverlap.ACCOUNT_OBJECT, List.of(EcosystemOverlap.PARTNER_COUNT, EcosystemOverlap.PARTNERS));
        }
        if (needed.size() < 2) {
            needed.forEach((object, fields) -> check(sf, object, fields, username));
            return;
        }
        List<SObjectDescribe> described;
        try {
            described = sf.rest().describe(List.copyOf(needed.keySet()));
        } catch (SalesforceException e) {
            if (e.error() instanceof SalesforceError.AuthRevoked || e.error() instanceof SalesforceError.AuthExpired) {
                throw e;
            }
            // One object could not be described: which one, and why, as the single describes say it.
            needed.forEach((object, fields) -> check(sf, object, fields, username));
            throw e;
        }
        int i = 0;
        for (Map.Entry<String, List<String>> e : needed.entrySet()) {
            requireEditable(described.get(i++), e.getKey(), e.getValue(), username);
        }
    }

    private void check(SalesforceConnection sf, String object, List<String> fields, String username) {
        SObjectDescribe d;
        try {
            d = sf.rest().describe(object);
        } catch (SalesforceException e) {
            if (e.error() instanceof SalesforceError.NotFound || e.error().hasCode("NOT_FOUND") || e.error().hasCode("INVALID_TYPE")) {
                throw new Stop(Problems.pushObjectMissing(object, username));
            }
            throw e;
        }
        requireEditable(d, object, fields, username);
    }

    private static void requireEditable(SObjectDescribe d, String object, List<String> fields, String username) {
        for (String f : fields) {
            Optional<FieldDescribe> fd = d.field(f);
            if (fd.isEmpty() || !(fd.get().updateable() || fd.get().createable())) {
                throw new Stop(Problems.pushFieldMissing(object, f, username));
            }
        }
    }

    private void deleteStale(PushTargets.Target t, SalesforceConnection sf, SalesforceWrites writes, List<PushDiff.Stored> removals,
            Progress progress) {
        if (removals.isEmpty()) {
            return;
        }
        UUID id = t.integrationId();
        // Rows whose write was never confirmed have no known id: find them by their external id (they may not exist at all).
        List<String> unknown = removals.stream().filter(s -> s.sfId() == null).map(PushDiff.Stored::key).toList();
        Map<String, String> found = unknown.isEmpty() ? Map.of() : idsByKey(sf, unknown);
        List<RowWrite.Item> items = new ArrayList<>();
        List<String> neverWritten = new ArrayList<>();
        for (PushDiff.Stored s : removals) {
            String sfId = s.sfId() != null ? s.sfId() : found.get(s.key());
            if (sfId == null) {
                neverWritten.add(s.key());
                continue;
            }
            items.add(new RowWrite.Item(s.key(), Map.of("Id", sfId)));
        }
        store.forget(id, DesiredRow.Kind.OVERLAP, neverWritten);
        store.clearRejections(id, DesiredRow.Kind.OVERLAP, neverWritten);
        writes.write(EcosystemOverlap.OBJECT, RowWrite.Operation.DELETE, List.of("Id"), items, results -> {
            List<String> gone = new ArrayList<>();
            for (RowWrite.Result r : results) {
                if (r.success() || r.alreadyGone()) {
                    gone.add(r.key());
                    progress.deleted++;
                } else {
                    store.reject(id, DesiredRow.Kind.OVERLAP, r.key(), RowWrite.Operation.DELETE, r.error(), clock.instant(), retry);
                    progress.rejected++;
                }
            }
            store.forget(id, DesiredRow.Kind.OVERLAP, gone);
            store.clearRejections(id, DesiredRow.Kind.OVERLAP, gone);
        });
    }

    private Map<String, String> idsByKey(SalesforceConnection sf, List<String> keys) {
        Map<String, String> out = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 100) {
            String in = keys.subList(from, Math.min(keys.size(), from + 100)).stream()
                    .map(k -> "'" + k.replace("\\", "\\\\").replace("'", "\\'") + "'").collect(Collectors.joining(","));
            try (var rows = sf.rest().query("SELECT Id, " + EcosystemOverlap.KEY + " FROM " + EcosystemOverlap.OBJECT + " WHERE "
                    + EcosystemOverlap.KEY + " IN (" + in + ")")) {
                rows.forEach(r -> out.put(r.get(EcosystemOverlap.KEY).asString(), r.get("Id").asString()));
            }
        }
        return out;
    }

    private SalesforceWrites.Pending upsert(PushTargets.Target t, SalesforceWrites writes, List<DesiredRow> rows, Instant now,
            Progress progress) {
        if (rows.isEmpty()) {
            return SalesforceWrites.Pending.DONE;
        }
        UUID id = t.integrationId();
        List<String> keys = rows.stream().map(DesiredRow::key).toList();
        long t0 = System.nanoTime();
        Map<String, Instant> first = new HashMap<>(store.firstOverlapped(id, keys));
        keys.forEach(k -> first.putIfAbsent(k, now));
        long t1 = System.nanoTime();
        Inflight inflight = new Inflight(store.markPending(id, DesiredRow.Kind.OVERLAP, keys, now), keys.size());
        progress.inflight.add(inflight);
        LOG.debug("push of integration {}: first overlapped read {} ms, {} rows marked pending {} ms", id, (t1 - t0) / 1_000_000,
                keys.size(), (System.nanoTime() - t1) / 1_000_000);
        Map<String, DesiredRow> byKey = new HashMap<>();
        List<RowWrite.Item> items = new ArrayList<>();
        for (DesiredRow d : rows) {
            byKey.put(d.key(), d);
            Map<String, Object> fields = new LinkedHashMap<>(d.values());
            fields.put(EcosystemOverlap.FIRST_OVERLAPPED, first.get(d.key()).toString());
            fields.put(EcosystemOverlap.LAST_CONFIRMED, now.toString());
            items.add(new RowWrite.Item(d.key(), fields));
        }
        LocalDate term = properties.termStart(now);
        return writes.start(EcosystemOverlap.OBJECT, RowWrite.Operation.UPSERT, EcosystemOverlap.COLUMNS, items, results -> {
            List<PushStore.Confirmed> confirmed = new ArrayList<>();
            for (RowWrite.Result r : results) {
                if (r.success()) {
                    confirmed.add(new PushStore.Confirmed(r.key(), r.sfId(), byKey.get(r.key()).hash()));
                    progress.upserted++;
                } else {
                    store.reject(id, DesiredRow.Kind.OVERLAP, r.key(), RowWrite.Operation.UPSERT, r.error(), clock.instant(), retry);
                    progress.rejected(r.error());
                }
            }
            List<String> keysOk = confirmed.stream().map(PushStore.Confirmed::key).toList();
            long c0 = System.nanoTime();
            // The export usage (another table, the same keys) is written on a second connection beside the confirmation: a
            // 100,000-row push spent 2-5 s on each, one after the other.
            java.util.concurrent.Future<Long> exported = recorder.submit(() -> {
                store.countExported(id, term, keysOk);
                return System.nanoTime() - c0;
            });
            long c1 = System.nanoTime();
            long c2;
            long exportNanos;
            try {
                store.confirmWritten(id, DesiredRow.Kind.OVERLAP, confirmed, now, now);
                inflight.confirmed += confirmed.size();
                c2 = System.nanoTime();
                store.clearRejections(id, DesiredRow.Kind.OVERLAP, keysOk);
            } finally {
                exportNanos = join(exported); // never left running past the push
            }
            LOG.debug("push of integration {}: {} overlap rows confirmed {} ms, rejections cleared {} ms, export counted {} ms (beside)",
                    id, confirmed.size(), (c2 - c1) / 1_000_000, (System.nanoTime() - c2) / 1_000_000, exportNanos / 1_000_000);
        }, true);
    }

    private static <T> T join(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the export usage was recorded", e);
        }
    }

    private SalesforceWrites.Pending updateAccounts(PushTargets.Target t, SalesforceWrites writes, PushDiff.Plan plan, Instant now,
            Progress progress) {
        UUID id = t.integrationId();
        Map<String, byte[]> hashes = new HashMap<>();
        List<RowWrite.Item> items = new ArrayList<>();
        for (DesiredRow d : plan.writes()) {
            hashes.put(d.key(), d.hash());
            items.add(new RowWrite.Item(d.key(), d.values()));
        }
        for (PushDiff.Stored s : plan.removals()) {
            hashes.put(s.key(), null);
            items.add(new RowWrite.Item(s.key(), DesiredState.accountValues(s.key(), 0, null)));
        }
        if (items.isEmpty()) {
            return SalesforceWrites.Pending.DONE;
        }
        Inflight inflight = new Inflight(store.markPending(id, DesiredRow.Kind.ACCOUNT,
                plan.writes().stream().map(DesiredRow::key).toList(), null), plan.writes().size());
        progress.inflight.add(inflight);
        return writes.start(EcosystemOverlap.ACCOUNT_OBJECT, RowWrite.Operation.UPDATE, EcosystemOverlap.ACCOUNT_COLUMNS, items,
                results -> {
            List<PushStore.Confirmed> confirmed = new ArrayList<>();
            List<String> cleared = new ArrayList<>();
            for (RowWrite.Result r : results) {
                byte[] hash = hashes.get(r.key());
                if (r.success() && hash != null) {
                    confirmed.add(new PushStore.Confirmed(r.key(), r.key(), hash));
                    progress.accounts++;
                } else if (r.success() || r.alreadyGone()) {
                    // Cleared, or the Account itself was deleted in Salesforce: nothing of ours is left on it.
                    cleared.add(r.key());
                    progress.accounts++;
                } else {
                    store.reject(id, DesiredRow.Kind.ACCOUNT, r.key(), RowWrite.Operation.UPDATE, r.error(), clock.instant(), retry);
                    progress.rejected(r.error());
                }
            }
            store.confirmWritten(id, DesiredRow.Kind.ACCOUNT, confirmed, null, now);
            inflight.confirmed += confirmed.size();
            store.forget(id, DesiredRow.Kind.ACCOUNT, cleared);
            store.clearRejections(id, DesiredRow.Kind.ACCOUNT, confirmed.stream().map(PushStore.Confirmed::key).toList());
            store.clearRejections(id, DesiredRow.Kind.ACCOUNT, cleared);
        });
    }
}
