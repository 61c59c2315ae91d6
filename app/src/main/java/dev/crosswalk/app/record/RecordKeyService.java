package dev.crosswalk.app.record;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.system.TableStatistics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code record_key} current: after each sync, the keys of the records synced since the
 * last computation are computed in Java ({@link MatchKeys}) page by page and written with COPY +
 * one upsert per page (plain COPY when the integration has no keys yet), all in one transaction
 * with the checkpoint, so a crash leaves the checkpoint where it was and the next pass redoes the
 * work (upserts are idempotent). Pages are read and keyed one ahead of the writes on a thread of
 * their own ({@link KeyPages}). A change of {@link MatchKeys#RULES_VERSION} recomputes every record once.
 *
 * <p>"Since the last computation" is {@code crm_record.synced_at} after the checkpoint (less a
 * clock-skew margin), skipping records whose stored keys were computed from the same
 * {@code synced_at}; {@code GET /api/v1/records/key-stats} reports any record still pending.
 *
 * <h2>Tables (for the overlap engine)</h2>
 * <ul>
 * <li>{@code record_key(organization_id, integration_id, object, sf_id, domain, key_reason,
 *     name_key, name_reason, source_synced_at, computed_at, changed_at)}: one row per synced
 *     Account, Lead and Contact, primary key = crm_record's. {@code domain} is the strong key
 *     (join on it, index {@code (organization_id, domain)}), {@code name_key} the weak one (only
 *     with name matching on, and only where a side has no domain — see {@link MatchDecision}).
 *     Deleted records have both keys null (reason DELETED). {@code changed_at} moves only when a
 *     key changed: re-match the records with {@code changed_at} after your last run.
 * <li>{@code record_key_checkpoint}: how far computation got per integration.
 * <li>{@code organization_domain}: see {@link OrganizationDomainService}.
 * </ul>
 * The after-sync pipeline runs this as its {@code match-keys} stage ({@link MatchKeysStage}), before
 * the overlaps stage re-matches the records whose keys changed.
 */
@Service
public class RecordKeyService {
    private static final Logger LOG = LoggerFactory.getLogger(RecordKeyService.class);
    private final RecordKeyStore store;
    private final TableStatistics statistics;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int pageSize;
    private final Duration skewMargin;
    private final MatchKeys keys = MatchKeys.standard();

    RecordKeyService(RecordKeyStore store, TableStatistics statistics, PlatformTransactionManager txManager,
            Clock clock,
            @Value("${crosswalk.record-keys.page-size:5000}") int pageSize,
            @Value("${crosswalk.record-keys.clock-skew-margin:PT5M}") Duration skewMargin) {
        this.store = store;
        this.statistics = statistics;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.pageSize = pageSize;
        this.skewMargin = skewMargin;
    }

    /** Computes the keys of the integration's records synced since the last pass. */
    public KeysComputed recompute(UUID organizationId, UUID integrationId) {
        return tx.execute(status -> {
            long started = System.nanoTime();
            RecordKeyStore.Checkpoint checkpoint = store.lock(organizationId, integrationId, clock.instant());
            // Taken under the lock and after the previous pass: changed_at only ever grows per
            // integration, even across nodes with skewed clocks, so a consumer's changed_at
            // watermark never skips a pass.
            Instant now = latest(clock.instant().truncatedTo(ChronoUnit.MICROS),
                    checkpoint.updatedAt().plus(1, ChronoUnit.MICROS));
            boolean everything = checkpoint.rulesVersion() != MatchKeys.RULES_VERSION;
            // Look back a little before the checkpoint: a sync on a node whose clock lags stamps
            // synced_at in the past. Records already keyed from that version are skipped by the query.
            Instant from = everything ? null : checkpoint.computedThrough().map(t -> t.minus(skewMargin)).orElse(null);
            // The first computation (and a complete one) reads every record anyway: nothing to skip,
            // so no probe into record_key per record.
            boolean skipKeyed = !everything && from != null;
            // No key rows yet (a first sync): COPY straight into record_key, as the sync's first load does.
            boolean fresh = !skipKeyed && store.noKeys(integrationId);
            int computed = 0;
            int changed = 0;
            Instant through = null;
            long[] nanos = new long[3]; // reading, computing, writing: where a large pass spends its time
            try (KeyPages pages = new KeyPages(store, keys, integrationId, from, skipKeyed, pageSize)) {
                for (KeyPages.Page page = pages.next(); page != null; page = pages.next()) {
                    long t0 = System.nanoTime();
                    changed += fresh ? store.insertFresh(organizationId, integrationId, page.rows(), now)
                            : store.write(organizationId, integrationId, page.rows(), now);
                    nanos[0] += page.readNanos();
                    nanos[1] += page.computeNanos();
                    nanos[2] += System.nanoTime() - t0;
                    computed += page.rows().size();
                    through = page.lastSyncedAt();
                }
            }
            store.advance(integrationId, through, now);
            long t3 = System.nanoTime();
            long wall = t3 - started;
            statistics.refreshIfChangedMuch("record_key", computed);
            if (computed > 0) {
                // Reading and computing overlap writing (KeyPages): their sum exceeds the pass's time.
                LOG.info("keys of integration {}: {} records in {} ms (skipping keyed ones: {}, first: {}); reading {} ms, computing {} ms,"
                        + " writing {} ms, statistics {} ms", integrationId, computed, wall / 1_000_000, skipKeyed, fresh,
                        nanos[0] / 1_000_000, nanos[1] / 1_000_000, nanos[2] / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
            }
            return new KeysComputed(organizationId, integrationId, computed, changed, now);
        });
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Recomputes every integration of the member's organization (Admins): after changing the lists, say. */
    public List<KeysComputed> recomputeAll(MemberPrincipal me) {
        OrganizationService.requireAdmin(me);
        return store.integrationsWithRecords(me.organizationId()).stream()
                .map(id -> recompute(me.organizationId(), id)).toList();
    }

    /** Counts of live records per object and key reason, and how many are still waiting for keys. */
    public KeyStats stats(UUID organizationId, UUID integrationId) {
        Map<String, ObjectStats> objects = new TreeMap<>();
        Map<KeyReason, Long> total = new TreeMap<>();
        long records = 0;
        long withDomain = 0;
        long withName = 0;
        Map<String, Map<KeyReason, Long>> perObject = new TreeMap<>();
        Map<String, long[]> perObjectTotals = new TreeMap<>();
        for (RecordKeyStore.ReasonCount c : store.reasonCounts(organizationId, integrationId)) {
            KeyReason reason = KeyReason.valueOf(c.reason());
            perObject.computeIfAbsent(c.object(), o -> new TreeMap<>()).merge(reason, c.records(), Long::sum);
            long[] t = perObjectTotals.computeIfAbsent(c.object(), o -> new long[3]);
            t[0] += c.records();
            t[1] += reason.producesKey() ? c.records() : 0;
            t[2] += c.withName();
            total.merge(reason, c.records(), Long::sum);
            records += c.records();
            withDomain += reason.producesKey() ? c.records() : 0;
            withName += c.withName();
        }
        perObject.forEach((object, reasons) -> {
            long[] t = perObjectTotals.get(object);
            objects.put(object, new ObjectStats(t[0], t[1], t[0] - t[1], t[2], reasons));
        });
        return new KeyStats(records, withDomain, records - withDomain, withName, total, objects,
                store.pending(organizationId, integrationId), store.lastComputed(organizationId, integrationId).orElse(null));
    }

    /**
     * @param records       live records of the matchable objects that have keys computed
     * @param withoutDomain records without a domain key; {@code byReason} says why
     * @param pending       records synced but not keyed yet (the computation runs after each sync)
     */
    public record KeyStats(long records, long withDomain, long withoutDomain, long withName, Map<KeyReason, Long> byReason,
            Map<String, ObjectStats> objects, long pending, Instant lastComputedAt) {
    }

    public record ObjectStats(long records, long withDomain, long withoutDomain, long withName, Map<KeyReason, Long> byReason) {
    }
}
