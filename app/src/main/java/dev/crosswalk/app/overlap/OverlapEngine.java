package dev.crosswalk.app.overlap;

import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.record.MatchableObjects;
import dev.crosswalk.app.system.TableStatistics;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The matching engine: record pairs per active partnership, computed set-based in PostgreSQL from
 * {@code record_key}. A pair needs the same registrable domain; with name matching on (both sides
 * agreed), the same normalized name also pairs records where at least one side has no domain
 * (weak evidence, never against two differing domains). Domains either organization declared as
 * its own are never an overlap between them (that is the partner itself, not a shared account).
 *
 * <p>Full computation on acceptance or a matching-settings change; after a sync only the records
 * whose keys changed since the engine's watermark are re-matched. Every operation on a
 * partnership holds a transaction-scoped advisory lock on it, so two organizations syncing at
 * once cannot each miss the other's new keys.
 */
@Service
public class OverlapEngine {
    private static final Logger LOG = LoggerFactory.getLogger(OverlapEngine.class);

    private final JdbcClient jdbc;
    private final PartnershipService partnerships;
    private final TableStatistics statistics;

    OverlapEngine(JdbcClient jdbc, PartnershipService partnerships, TableStatistics statistics) {
        this.jdbc = jdbc;
        this.partnerships = partnerships;
        this.statistics = statistics;
    }

    /** Recomputes every pair of a partnership from scratch; removes them all when it is not active. */
    @Transactional
    public int recomputeFull(UUID partnershipId) {
        Steps steps = new Steps();
        Optional<Partnership> found = partnerships.findAny(partnershipId);
        lock(partnershipId);
        steps.done("lock");
        int deleted = jdbc.sql("delete from overlap_pair where partnership_id = ?").param(partnershipId).update();
        steps.done("delete old pairs");
        if (found.isEmpty() || !found.get().active()) {
            return 0;
        }
        Partnership p = found.get();
        if (!holdPartnership(p.id())) {
            return 0;
        }
        // The join runs as a parallel query: INSERT … SELECT never does, CREATE TABLE … AS may (not into a
        // temporary table: workers cannot reach it). The pairs land in an unlogged scratch table first and are
        // then copied over. Its name is fixed, so full computations take turns (they are rare: an acceptance,
        // a matching-settings change); the table is dropped before commit.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('overlap:full', 0))) l").query(Integer.class).single();
        // The planner overestimates the pairs (it cannot know how few domains two organizations share) and with
        // the default cost per tuple passed up from a worker it then prefers the serial plan.
        jdbc.sql("set local parallel_tuple_cost = 0.001").update();
        jdbc.sql(FULL_DOMAIN_PAIRS_INTO_SCRATCH).param("p", p.id()).param("a", p.inviterOrgId()).param("b", p.inviteeOrgId())
                .param("matched", MatchableObjects.matchedArray()).update();
        if (p.nameMatching()) {
            jdbc.sql(FULL_NAME_PAIRS_INTO_SCRATCH).param("p", p.id()).param("a", p.inviterOrgId()).param("b", p.inviteeOrgId())
                    .param("matched", MatchableObjects.matchedArray()).update();
        }
        steps.done("parallel join into the scratch table");
        jdbc.sql("set local parallel_tuple_cost to default").update();
        int n = jdbc.sql(INSERT + "select partnership_id, a_integration_id, a_object, a_sf_id, b_integration_id, b_object, b_sf_id,"
                + " evidence, matched_key from overlap_pair_full").update();
        steps.done("insert pairs");
        jdbc.sql("drop table overlap_pair_full").update();
        // Fresh statistics when the table changed much: the next incremental pass must see a large overlap_pair
        // and probe its index per changed record (with none, a planner once looped over every pair per change).
        statistics.refreshIfChangedMuch("overlap_pair", deleted == 0 ? n : Math.abs(n - deleted));
        steps.done("drop scratch table, statistics");
        LOG.debug("full computation of partnership {}: {} pairs;{}", partnershipId, n, steps);
        return n;
    }

    /** Removes every pair of a partnership at once (revocation). */
    @Transactional
    public void clear(UUID partnershipId) {
        lock(partnershipId);
        jdbc.sql("delete from overlap_pair where partnership_id = ?").param(partnershipId).update();
    }

    /**
     * After an integration's keys changed: re-matches, in each active partnership of its
     * organization, only the records with {@code record_key.changed_at} after the watermark.
     */
    @Transactional
    public int afterKeysChanged(UUID organizationId, UUID integrationId) {
        Steps steps = new Steps();
        Instant from = watermark(integrationId).orElse(Instant.EPOCH);
        Optional<Instant> to = jdbc.sql("select max(changed_at) from record_key where integration_id = ?").param(integrationId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
        if (to.isEmpty() || !to.get().isAfter(from)) {
            return 0;
        }
        steps.done("watermark and newest change");
        int n = 0;
        for (Partnership p : partnerships.activeFor(organizationId)) {
            steps.done("active partnerships");
            n += rematch(p, organizationId, integrationId, from, to.get(), steps);
        }
        jdbc.sql("""
                insert into overlap_watermark (integration_id, pairs_at) values (?, ?)
                on conflict (integration_id) do update set pairs_at = excluded.pairs_at""")
                .params(integrationId, Timestamp.from(to.get())).update();
        steps.done("watermark written");
        LOG.debug("re-matched integration {}: {} pairs;{}", integrationId, n, steps);
        return n;
    }

    private int rematch(Partnership p, UUID organizationId, UUID integrationId, Instant from, Instant to, Steps steps) {
        lock(p.id());
        if (!holdPartnership(p.id())) {
            return 0;
        }
        steps.done("locks");
        // The changed records play side "a" (inviter) or "b" (invitee) of the partnership; the partner's records the other.
        boolean mineIsA = p.inviterOrgId().equals(organizationId);
        // Driven by the (few) changed records: one index probe into overlap_pair each, whatever the statistics say.
        jdbc.sql(mineIsA ? DELETE_CHANGED_A : DELETE_CHANGED_B)
                .param("p", p.id()).param("integration", integrationId).param("fromTs", Timestamp.from(from))
                .param("toTs", Timestamp.from(to)).update();
        steps.done("delete changed records' pairs");
        int n = jdbc.sql(mineIsA ? CHANGED_A_DOMAIN_PAIRS : CHANGED_B_DOMAIN_PAIRS)
                .param("p", p.id()).param("a", p.inviterOrgId()).param("b", p.inviteeOrgId())
                .param("matched", MatchableObjects.matchedArray())
                .param("integration", integrationId).param("fromTs", Timestamp.from(from)).param("toTs", Timestamp.from(to))
                .update();
        steps.done("insert domain pairs");
        if (p.nameMatching()) {
            n += jdbc.sql(mineIsA ? CHANGED_A_NAME_PAIRS : CHANGED_B_NAME_PAIRS)
                    .param("p", p.id()).param("a", p.inviterOrgId()).param("b", p.inviteeOrgId())
                    .param("matched", MatchableObjects.matchedArray())
                    .param("integration", integrationId).param("fromTs", Timestamp.from(from)).param("toTs", Timestamp.from(to))
                    .update();
            steps.done("insert name pairs");
        }
        return n;
    }

    // The statements, fixed at class load from named fragments: nothing is spliced in at run time.

    private static final String ALL_OF_A = "a.organization_id = :a";
    private static final String ALL_OF_B = "b.organization_id = :b";
    private static final String CHANGED_OF_A = "a.organization_id = :a and a.integration_id = :integration"
            + " and a.changed_at > :fromTs and a.changed_at <= :toTs";
    private static final String CHANGED_OF_B = "b.organization_id = :b and b.integration_id = :integration"
            + " and b.changed_at > :fromTs and b.changed_at <= :toTs";

    private static final String INSERT = "insert into overlap_pair (partnership_id, a_integration_id, a_object, a_sf_id,"
            + " b_integration_id, b_object, b_sf_id, evidence, matched_key) ";

    private static String insertDomainPairs(String aFilter, String bFilter) {
        return INSERT + domainPairs(aFilter, bFilter);
    }

    /** Pairs in overlap_pair's column order. */
    private static String domainPairs(String aFilter, String bFilter) {
        return "select cast(:p as uuid) as partnership_id, a.integration_id as a_integration_id, a.object as a_object,"
                + " a.sf_id as a_sf_id, b.integration_id as b_integration_id, b.object as b_object, b.sf_id as b_sf_id,"
                + " 'DOMAIN'::text as evidence, a.domain as matched_key"
                + " from record_key a join record_key b on b.domain = a.domain"
                + " where " + aFilter + " and " + bFilter
                + " and a.object = any(:matched) and b.object = any(:matched) and a.domain is not null"
                + " and not exists (select 1 from organization_domain d where d.domain = a.domain and d.organization_id in (:a, :b))";
    }

    private static String insertNamePairs(String aFilter, String bFilter) {
        return INSERT + namePairs(aFilter, bFilter);
    }

    private static String namePairs(String aFilter, String bFilter) {
        return "select cast(:p as uuid), a.integration_id, a.object, a.sf_id, b.integration_id, b.object, b.sf_id, 'NAME', a.name_key"
                + " from record_key a join record_key b on b.name_key = a.name_key"
                + " where " + aFilter + " and " + bFilter
                + " and a.object = any(:matched) and b.object = any(:matched)"
                + " and a.name_key is not null and (a.domain is null or b.domain is null)";
    }

    /** Removes the pairs of the records of one side that changed in (fromTs, toTs]. */
    private static String deleteChanged(String side) {
        return "delete from overlap_pair x where x.ctid in (select d.ctid from record_key c cross join lateral"
                + " (select y.ctid from overlap_pair y where y.partnership_id = :p and y." + side
                + "_integration_id = c.integration_id and y." + side + "_object = c.object and y." + side
                + "_sf_id = c.sf_id) d where c.integration_id = :integration and c.changed_at > :fromTs and c.changed_at <= :toTs)";
    }

    /** The full join's pairs into {@code overlap_pair_full}, an unlogged scratch table shaped like overlap_pair. */
    private static final String FULL_DOMAIN_PAIRS_INTO_SCRATCH = "create unlogged table overlap_pair_full as "
            + domainPairs(ALL_OF_A, ALL_OF_B);
    private static final String FULL_NAME_PAIRS_INTO_SCRATCH = "insert into overlap_pair_full " + namePairs(ALL_OF_A, ALL_OF_B);
    private static final String CHANGED_A_DOMAIN_PAIRS = insertDomainPairs(CHANGED_OF_A, ALL_OF_B);
    private static final String CHANGED_B_DOMAIN_PAIRS = insertDomainPairs(ALL_OF_A, CHANGED_OF_B);
    private static final String CHANGED_A_NAME_PAIRS = insertNamePairs(CHANGED_OF_A, ALL_OF_B);
    private static final String CHANGED_B_NAME_PAIRS = insertNamePairs(ALL_OF_A, CHANGED_OF_B);
    private static final String DELETE_CHANGED_A = deleteChanged("a");
    private static final String DELETE_CHANGED_B = deleteChanged("b");

    private Optional<Instant> watermark(UUID integrationId) {
        return jdbc.sql("select pairs_at from overlap_watermark where integration_id = ?").param(integrationId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).optional().flatMap(o -> o);
    }

    /**
     * Share-locks the partnership row's key before its pairs are written, once per operation: what the foreign key's
     * per-row check did (V160). A partnership deleted meanwhile then waits for this transaction and takes the pairs
     * along (its trigger); one already gone is not written for. False when it is gone.
     */
    private boolean holdPartnership(UUID partnershipId) {
        return jdbc.sql("select 1 from partnership where id = ? for key share").param(partnershipId).query(Integer.class)
                .optional().isPresent();
    }

    /** Time per step of one operation, for the debug log (the P3 benchmark shows it with -Dp3.steps=true). */
    private static final class Steps {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            text.append(' ').append(step).append(' ').append((now - last) / 100_000 / 10.0).append(" ms,");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private void lock(UUID partnershipId) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('overlap:' || :id, 0))) l")
                .param("id", partnershipId.toString()).query(Integer.class).single();
    }
}
