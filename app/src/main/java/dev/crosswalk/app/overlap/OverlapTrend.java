package dev.crosswalk.app.overlap;

import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipService;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overlaps per partner, now and over time. "Overlaps with a partner" counts my records that match
 * a record of the partner's in a population the partner lets me see at all (counts only or more,
 * decided by {@link ReportRules}, as every report): a partner's hidden populations never show, not
 * even as a number. The trend is kept as one snapshot per organization, partner and day (UTC) in
 * {@code overlap_snapshot}, so it survives restarts; a snapshot taken again the same day replaces it.
 */
@Service
public class OverlapTrend {
    private final JdbcClient jdbc;
    private final PartnershipService partnerships;
    private final OverlapReportService reports;
    private final Clock clock;

    OverlapTrend(JdbcClient jdbc, PartnershipService partnerships, OverlapReportService reports, Clock clock) {
        this.jdbc = jdbc;
        this.partnerships = partnerships;
        this.reports = reports;
        this.clock = clock;
    }

    /** One day's count with one partner. */
    public record Point(UUID partnerOrganizationId, LocalDate day, long overlaps) {
    }

    /** My overlapping records per active partner (partner organization id → count), as of now. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> current(UUID organizationId) {
        Map<UUID, Long> out = new LinkedHashMap<>();
        for (Partnership p : partnerships.activeFor(organizationId)) {
            out.put(p.partnerOf(organizationId), count(organizationId, p));
        }
        return out;
    }

    long count(UUID viewer, Partnership p) {
        UUID partner = p.partnerOf(viewer);
        List<UUID> shown = ReportRules.visiblePartnerPopulations(p, viewer, reports.infos(partner), reports.sharingOf(partner)).stream()
                .map(s -> s.population().id()).toList();
        if (shown.isEmpty()) {
            return 0;
        }
        OverlapReportService.Side side = OverlapReportService.Side.of(p, viewer);
        Long n = jdbc.sql("select count(distinct (x." + side.mine() + "_object, x." + side.mine() + "_sf_id)) from overlap_pair x"
                        + OverlapReportService.join("pm", side.partner())
                        + " where x.partnership_id = :p and pm.organization_id = :partner and pm.population_id in (:shown)")
                .param("p", p.id()).param("partner", partner).param("shown", shown).query(Long.class).single();
        return n == null ? 0 : n;
    }

    /**
     * Stores today's counts of an organization and of each of its partners (their counts with it
     * may have changed too). Its own transaction: callers are event listeners after a commit.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void snapshot(UUID organizationId) {
        List<Snapshot> rows = new ArrayList<>();
        for (Partnership p : partnerships.activeFor(organizationId)) {
            rows.add(new Snapshot(organizationId, p));
            rows.add(new Snapshot(p.partnerOf(organizationId), p));
        }
        storeInKeyOrder(rows);
    }

    /** Today's snapshot of every organization in an active partnership (the daily job). */
    @Transactional
    public int snapshotAll() {
        List<UUID> orgs = jdbc.sql("""
                select inviter_org_id from partnership where status = 'ACCEPTED'
                union select invitee_org_id from partnership where status = 'ACCEPTED'""").query(UUID.class).list();
        List<Snapshot> rows = new ArrayList<>();
        for (UUID org : orgs) {
            for (Partnership p : partnerships.activeFor(org)) {
                rows.add(new Snapshot(org, p));
            }
        }
        storeInKeyOrder(rows);
        return rows.size();
    }

    /** One organization's row of today's snapshot with one partner. */
    record Snapshot(UUID viewer, Partnership partnership) {
        UUID partner() {
            return partnership.partnerOf(viewer);
        }
    }

    /**
     * Upserts the rows in the order of their key. The two organizations of a partnership may snapshot at once (each
     * after its own sync), each writing both rows: in the order they came, A's transaction would hold (A, B) and wait
     * for (B, A) while B's holds (B, A) and waits for (A, B), a deadlock PostgreSQL breaks by failing one pipeline.
     */
    private void storeInKeyOrder(List<Snapshot> rows) {
        rows.stream().sorted(KEY_ORDER).forEach(r -> store(r.viewer(), r.partnership()));
    }

    static final java.util.Comparator<Snapshot> KEY_ORDER = java.util.Comparator.comparing(Snapshot::viewer)
            .thenComparing(Snapshot::partner);

    private void store(UUID viewer, Partnership p) {
        jdbc.sql("""
                insert into overlap_snapshot (organization_id, partner_org_id, day, overlap_count, taken_at) values (?, ?, ?, ?, ?)
                on conflict (organization_id, day, partner_org_id) do update set overlap_count = excluded.overlap_count, taken_at = excluded.taken_at""")
                .params(viewer, p.partnerOf(viewer), Date.valueOf(today()), count(viewer, p), Timestamp.from(clock.instant()))
                .update();
    }

    /** The stored snapshots of the last {@code days} days (today included), oldest first. */
    public List<Point> history(UUID organizationId, int days) {
        LocalDate from = today().minusDays(Math.max(1, days) - 1L);
        List<Point> out = new ArrayList<>();
        jdbc.sql("select partner_org_id, day, overlap_count from overlap_snapshot where organization_id = ? and day >= ? order by day, partner_org_id")
                .params(organizationId, Date.valueOf(from))
                .query((rs, n) -> new Point(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getLong(3)))
                .list().forEach(out::add);
        return out;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
