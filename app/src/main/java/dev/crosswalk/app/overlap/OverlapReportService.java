package dev.crosswalk.app.overlap;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.overlap.OverlapReports.Cell;
import dev.crosswalk.app.overlap.OverlapReports.Column;
import dev.crosswalk.app.overlap.OverlapReports.GreenfieldRow;
import dev.crosswalk.app.overlap.OverlapReports.Matrix;
import dev.crosswalk.app.overlap.OverlapReports.OverlapRow;
import dev.crosswalk.app.overlap.OverlapReports.PopulationInfo;
import dev.crosswalk.app.overlap.OverlapReports.Row;
import dev.crosswalk.app.partner.Partnership;
import dev.crosswalk.app.partner.PartnershipService;
import dev.crosswalk.app.partner.PartnershipStatus;
import dev.crosswalk.app.partner.PopulationSharing;
import dev.crosswalk.app.partner.SharingService;
import dev.crosswalk.app.partner.Visibility;
import dev.crosswalk.app.population.Population;
import dev.crosswalk.app.population.PopulationService;
import dev.crosswalk.app.record.Evidence;
import dev.crosswalk.app.system.CrosswalkException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Overlap reports from PostgreSQL, for the asking organization. Which partner populations appear
 * and whether rows may be read is decided by {@link ReportRules} (the same code the never-leaks
 * property tests exercise); the SQL then reads only what was allowed: counts for shown columns,
 * and for rows only the chosen fields ({@code jsonb} projected in the query, so nothing else
 * leaves the database). The partnership's status is read in the same transaction as the data, so
 * a revocation stops reports at once.
 */
@Service
public class OverlapReportService {
    /**
     * The largest page a list answers. Larger asks are refused with a 400 naming {@code limit}
     * (they used to be cut to 500 rows without a word); every row at once is the CSV export.
     */
    public static final int MAX_PAGE = 10_000;
    /** Rows the CSV export's cursor fetches per round trip: memory stays constant whatever the list's size. */
    static final int EXPORT_FETCH_SIZE = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    /** The same database through a JdbcTemplate with a fetch size: inside a transaction PostgreSQL then streams through a cursor. */
    private final JdbcClient cursor;
    private final PartnershipService partnerships;
    private final PopulationService populations;
    private final SharingService sharing;
    private final RecordPageDecisions decisions = new RecordPageDecisions();
    /** Deciding reads populations and rules as every report does: read-only, so nothing on the way creates anything. */
    private final org.springframework.transaction.support.TransactionTemplate readOnly;

    OverlapReportService(JdbcClient jdbc, javax.sql.DataSource dataSource, PartnershipService partnerships,
            PopulationService populations, SharingService sharing, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        org.springframework.jdbc.core.JdbcTemplate streaming = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        streaming.setFetchSize(EXPORT_FETCH_SIZE);
        this.cursor = JdbcClient.create(streaming);
        this.partnerships = partnerships;
        this.populations = populations;
        this.sharing = sharing;
    }

    public Matrix matrix(MemberPrincipal me, UUID partnershipId) {
        return matrix(me.organizationId(), partnershipId);
    }

    @Transactional(readOnly = true)
    public Matrix matrix(UUID viewer, UUID partnershipId) {
        Partnership p = partnerships.find(viewer, partnershipId);
        List<Row> rows = populations.populations(viewer).stream().map(x -> new Row(x.id(), x.name(), x.baseObject())).toList();
        List<ReportRules.Shown> shown = shown(p, viewer);
        List<Column> columns = shown.stream()
                .map(s -> Column.of(s.population().id(), s.population().name(), s.population().baseObject(), s.visibility()))
                .toList();
        Map<String, Long> counts = new HashMap<>();
        if (!columns.isEmpty() && !rows.isEmpty()) {
            Side side = Side.of(p, viewer);
            jdbc.sql("select mm.population_id, pm.population_id, count(distinct (x." + side.mine + "_object, x." + side.mine + "_sf_id))"
                            + " from overlap_pair x"
                            + join("mm", side.mine) + join("pm", side.partner)
                            + " where x.partnership_id = :p and mm.organization_id = :me and pm.organization_id = :partner"
                            + " and pm.population_id in (:shown) group by 1, 2")
                    .param("p", p.id()).param("me", viewer).param("partner", p.partnerOf(viewer))
                    .param("shown", columns.stream().map(Column::populationId).toList())
                    .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class) + "/" + rs.getObject(2, UUID.class), rs.getLong(3)))
                    .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        }
        List<Cell> cells = new ArrayList<>();
        for (Row r : rows) {
            for (Column c : columns) {
                cells.add(new Cell(r.populationId(), c.populationId(), counts.getOrDefault(r.populationId() + "/" + c.populationId(), 0L)));
            }
        }
        return new Matrix(p.id(), p.active(), rows, columns, cells);
    }

    public List<OverlapRow> overlaps(MemberPrincipal me, UUID partnershipId, UUID myPopulationId, UUID partnerPopulationId,
            int limit, int offset) {
        return overlaps(me.organizationId(), partnershipId, myPopulationId, partnerPopulationId, limit, offset);
    }

    @Transactional(readOnly = true)
    public List<OverlapRow> overlaps(UUID viewer, UUID partnershipId, UUID myPopulationId, UUID partnerPopulationId, int limit,
            int offset) {
        return overlaps(viewer, partnershipId, myPopulationId, partnerPopulationId, ListQuery.DEFAULT, limit, offset);
    }

    /** A cell's overlapping records, searched and sorted as asked, one page. */
    @Transactional(readOnly = true)
    public List<OverlapRow> overlaps(UUID viewer, UUID partnershipId, UUID myPopulationId, UUID partnerPopulationId, ListQuery query,
            int limit, int offset) {
        Selection s = overlapSelection(viewer, partnershipId, myPopulationId, partnerPopulationId, query);
        return jdbc.sql(s.select() + s.from() + s.order() + " limit :lim offset :off").params(s.params())
                .param("lim", page(limit)).param("off", offset(offset)).query(OverlapReportService::overlapRow).list();
    }

    /** How many records a cell's list (searched as asked) holds: the pages of the list page. */
    @Transactional(readOnly = true)
    public long countOverlaps(UUID viewer, UUID partnershipId, UUID myPopulationId, UUID partnerPopulationId, ListQuery query) {
        Selection s = overlapSelection(viewer, partnershipId, myPopulationId, partnerPopulationId, query);
        return jdbc.sql("select count(*)" + s.from()).params(s.params()).query(Long.class).single();
    }

    /**
     * Every row of a cell's list, in the list's order, as CSV: the same selection (rules, shared
     * fields, search, order) as {@link #overlaps}, read through a server-side cursor so memory stays
     * constant whatever the size. The checks run before {@code target} is opened, so a refusal is
     * still a 4xx answer, not a broken download.
     */
    @Transactional(readOnly = true)
    public long exportOverlaps(UUID viewer, UUID partnershipId, UUID myPopulationId, UUID partnerPopulationId, ListQuery query,
            OverlapCsv.Target target) throws java.io.IOException {
        Selection s = overlapSelection(viewer, partnershipId, myPopulationId, partnerPopulationId, query);
        try (OverlapCsv.Writer csv = OverlapCsv.overlaps(target.open("overlaps"), s.fields())) {
            cursor.sql(s.select() + s.from() + s.order()).params(s.params())
                    .query((java.sql.ResultSet rs) -> csv.overlap(overlapRow(rs, 0)));
            return csv.rows();
        }
    }

    public List<GreenfieldRow> greenfield(MemberPrincipal me, UUID partnershipId, UUID partnerPopulationId, int limit, int offset) {
        return greenfield(me.organizationId(), partnershipId, partnerPopulationId, limit, offset);
    }

    @Transactional(readOnly = true)
    public List<GreenfieldRow> greenfield(UUID viewer, UUID partnershipId, UUID partnerPopulationId, int limit, int offset) {
        return greenfield(viewer, partnershipId, partnerPopulationId, ListQuery.DEFAULT, limit, offset);
    }

    @Transactional(readOnly = true)
    public List<GreenfieldRow> greenfield(UUID viewer, UUID partnershipId, UUID partnerPopulationId, ListQuery query, int limit,
            int offset) {
        Selection s = greenfieldSelection(viewer, partnershipId, partnerPopulationId, query);
        return jdbc.sql(s.select() + s.from() + s.order() + " limit :lim offset :off").params(s.params())
                .param("lim", page(limit)).param("off", offset(offset))
                .query((rs, n) -> new GreenfieldRow(rs.getString(1), fields(rs.getString(2)))).list();
    }

    @Transactional(readOnly = true)
    public long countGreenfield(UUID viewer, UUID partnershipId, UUID partnerPopulationId, ListQuery query) {
        Selection s = greenfieldSelection(viewer, partnershipId, partnerPopulationId, query);
        return jdbc.sql("select count(*)" + s.from()).params(s.params()).query(Long.class).single();
    }

    /** Every greenfield row as CSV through a cursor (see {@link #exportOverlaps}). */
    @Transactional(readOnly = true)
    public long exportGreenfield(UUID viewer, UUID partnershipId, UUID partnerPopulationId, ListQuery query, OverlapCsv.Target target)
            throws java.io.IOException {
        Selection s = greenfieldSelection(viewer, partnershipId, partnerPopulationId, query);
        try (OverlapCsv.Writer csv = OverlapCsv.greenfield(target.open("greenfield"), s.fields())) {
            cursor.sql(s.select() + s.from() + s.order()).params(s.params())
                    .query((java.sql.ResultSet rs) -> csv.greenfield(new GreenfieldRow(rs.getString(1), fields(rs.getString(2)))));
            return csv.rows();
        }
    }

    /**
     * A list's search and order. {@code sort} is one of the names below, never SQL; {@code search}
     * matches my record's name and the values of the partner's shared fields only.
     */
    public record ListQuery(String search, String sort, boolean descending) {
        // SORTS first: DEFAULT's constructor reads it during class initialization.
        public static final List<String> SORTS = List.of("record", "name", "evidence");
        public static final ListQuery DEFAULT = new ListQuery(null, "record", false);

        public ListQuery {
            search = search == null || search.isBlank() ? null : search.strip();
            sort = sort == null || sort.isBlank() ? "record" : sort;
            if (!SORTS.contains(sort)) {
                throw CrosswalkException.of(dev.crosswalk.app.system.ErrorCode.VALIDATION_FAILED, "sort: one of " + SORTS);
            }
            if (search != null && search.length() > 200) {
                throw CrosswalkException.of(dev.crosswalk.app.system.ErrorCode.VALIDATION_FAILED, "q: at most 200 characters");
            }
        }
    }

    /** A list the rules allowed: its select list, its from/where (for the count too), its order, parameters and shared fields. */
    private record Selection(String select, String from, String order, Map<String, Object> params, List<String> fields) {
    }

    private Selection overlapSelection(UUID viewer, UUID partnershipId, UUID myPopulationId, UUID partnerPopulationId,
            ListQuery query) {
        Partnership p = partnerships.find(viewer, partnershipId);
        // Parameters are checked after the partnership: a foreign partnership is 404 whatever else is asked.
        requireParameter(myPopulationId, "myPopulation");
        requireParameter(partnerPopulationId, "partnerPopulation");
        populations.find(viewer, myPopulationId);
        Visibility.Rows rows = requireRows(p, viewer, partnerPopulationId);
        Side side = Side.of(p, viewer);
        String m = side.mine;
        String t = side.partner;
        String select = "select x." + m + "_sf_id, x." + m + "_object, mr.fields ->> 'Name', x.evidence, x.matched_key,"
                + " x." + t + "_object, " + projection("pr") + " as shared";
        String from = " from overlap_pair x" + join("mm", m) + join("pm", t)
                + " join crm_record mr on mr.integration_id = x." + m + "_integration_id and mr.object = x." + m
                + "_object and mr.sf_id = x." + m + "_sf_id"
                + " join crm_record pr on pr.integration_id = x." + t + "_integration_id and pr.object = x."
                + t + "_object and pr.sf_id = x." + t + "_sf_id"
                + " where x.partnership_id = :p and mm.population_id = :mine and mm.organization_id = :me"
                + " and pm.population_id = :theirs and pm.organization_id = :partner and pr.organization_id = :partner";
        Map<String, Object> params = new HashMap<>();
        if (query.search() != null) {
            from += " and (strpos(lower(coalesce(mr.fields ->> 'Name', '')), lower(:q)) > 0 or " + sharedValueContains("pr") + ")";
            params.put("q", query.search());
        }
        String dir = query.descending() ? " desc" : "";
        String ids = "x." + m + "_sf_id" + dir + ", x." + t + "_sf_id" + dir;
        String order = switch (query.sort()) {
            case "name" -> " order by mr.fields ->> 'Name'" + dir + " nulls last, " + ids;
            case "evidence" -> " order by x.evidence" + dir + ", " + ids;
            default -> " order by " + ids;
        };
        params.put("p", p.id());
        params.put("mine", myPopulationId);
        params.put("me", viewer);
        params.put("theirs", partnerPopulationId);
        params.put("partner", p.partnerOf(viewer));
        params.put("fields", rows.fields().stream().sorted().toArray(String[]::new));
        return new Selection(select, from, order, params, rows.fields().stream().sorted().toList());
    }

    private Selection greenfieldSelection(UUID viewer, UUID partnershipId, UUID partnerPopulationId, ListQuery query) {
        Partnership p = partnerships.find(viewer, partnershipId);
        requireParameter(partnerPopulationId, "partnerPopulation");
        Visibility.Rows rows = requireRows(p, viewer, partnerPopulationId);
        if (!rows.greenfield()) {
            throw CrosswalkException.forbidden("The partner shares only overlapping records of this population");
        }
        Side side = Side.of(p, viewer);
        String select = "select pr.object, " + projection("pr") + " as shared";
        String from = " from population_member pm"
                + " join crm_record pr on pr.integration_id = pm.integration_id and pr.object = pm.object and pr.sf_id = pm.sf_id"
                + " where pm.population_id = :theirs and pm.organization_id = :partner and pr.organization_id = :partner"
                + " and not exists (select 1 from overlap_pair x where x.partnership_id = :p and x." + side.partner
                + "_integration_id = pm.integration_id and x." + side.partner + "_object = pm.object and x." + side.partner
                + "_sf_id = pm.sf_id)";
        Map<String, Object> params = new HashMap<>();
        if (query.search() != null) {
            from += " and " + sharedValueContains("pr");
            params.put("q", query.search());
        }
        // Greenfield rows are ordered by the partner's record only (an order by an unshared field would leak it).
        String order = " order by pm.sf_id" + (query.descending() ? " desc" : "");
        params.put("p", p.id());
        params.put("theirs", partnerPopulationId);
        params.put("partner", p.partnerOf(viewer));
        params.put("fields", rows.fields().stream().sorted().toArray(String[]::new));
        return new Selection(select, from, order, params, rows.fields().stream().sorted().toList());
    }

    /** True when a shared field's value (never an unshared one, never a key) contains {@code :q}, ignoring case. */
    private static String sharedValueContains(String alias) {
        return "exists (select 1 from unnest(cast(:fields as text[])) k where strpos(lower(" + alias + ".fields ->> k), lower(:q)) > 0)";
    }

    private static OverlapRow overlapRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OverlapRow(rs.getString(1).trim(), rs.getString(2), rs.getString(3), Evidence.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), fields(rs.getString(7)));
    }

    /** A page size the API honours exactly, or a 400 naming {@code limit}: never silently fewer rows than asked. */
    static int page(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw CrosswalkException.of(dev.crosswalk.app.system.ErrorCode.VALIDATION_FAILED,
                    "limit: between 1 and " + MAX_PAGE + " rows per page; page on with offset, or export every row as CSV");
        }
        return limit;
    }

    static int offset(int offset) {
        if (offset < 0) {
            throw CrosswalkException.of(dev.crosswalk.app.system.ErrorCode.VALIDATION_FAILED, "offset: 0 or more");
        }
        return offset;
    }

    /**
     * The record page's one query: the viewer's active partnerships (with each partner's name and sharing version) and,
     * through each, the partner records overlapping {@code :sf} that are in a population {@code :rules} lets the viewer
     * read, with only those fields. The two branches of the union serve the viewer as inviter and as invitee, each on
     * its own index of overlap_pair. A partnership without such a record still comes back (one row without a hit), so
     * the caller sees every partnership the decision must have been made for. The caller's admission condition
     * ({@link StillAdmitted}, {@code %s}) is evaluated in the same statement: it always returns one row at least, whose
     * last column says whether the caller was still admitted (no data comes back when it was not).
     */
    private static final String RECORD_PAGE = """
            select r.*, g.admitted
              from (select %s as admitted) g
              left join (
            select ps.id, ps.inviter_org_id, ps.invitee_org_id, ps.status, ps.inviter_name_matching, ps.invitee_name_matching,
                   ps.created_at, ps.responded_at, ps.revoked_at, ps.version, o.name, coalesce(v.version, 0),
                   h.sf_id, h.object, h.evidence, h.matched_key, h.population_id, h.fields
              from partnership ps
              join organization o on o.id = case when ps.inviter_org_id = :viewer then ps.invitee_org_id else ps.inviter_org_id end
              left join sharing_version v on v.organization_id = o.id
              left join lateral (
                   select x.sf_id, x.object, x.evidence, x.matched_key, pm.population_id,
                          coalesce((select jsonb_object_agg(k, pr.fields -> k)
                                      from jsonb_array_elements_text(cast(:rules as jsonb) -> pm.population_id::text) k
                                     where pr.fields -> k is not null), cast('{}' as jsonb))::text as fields
                     from (select b_integration_id as integration_id, b_object as object, b_sf_id as sf_id, evidence, matched_key
                             from overlap_pair
                            where ps.inviter_org_id = :viewer and partnership_id = ps.id and a_sf_id = :sf and a_integration_id = :mine
                           union all
                           select a_integration_id, a_object, a_sf_id, evidence, matched_key
                             from overlap_pair
                            where ps.invitee_org_id = :viewer and partnership_id = ps.id and b_sf_id = :sf and b_integration_id = :mine) x
                     join population_member pm on pm.integration_id = x.integration_id and pm.object = x.object and pm.sf_id = x.sf_id
                     join crm_record pr on pr.integration_id = x.integration_id and pr.object = x.object and pr.sf_id = x.sf_id
                    where pm.organization_id = o.id and pr.organization_id = o.id
                      and jsonb_exists(cast(:rules as jsonb), pm.population_id::text)) h on true
             where ps.status = 'ACCEPTED' and (ps.inviter_org_id = :viewer or ps.invitee_org_id = :viewer)
              ) r on g.admitted
             order by r.created_at, r.id, r.sf_id""";

    /** How often a record page call re-decides when sharing keeps changing under it before it gives up. */
    private static final int RECORD_PAGE_ATTEMPTS = 5;

    /**
     * The overlaps of one of the viewer's records (in its data-source integration {@code integrationId}) with each
     * active partner, as {@link ReportRules} allows: only partner records in populations shared with rows, only
     * their shared fields (projected in PostgreSQL per population), nothing under counts only or hidden. Partners
     * with nothing to show are left out. The record page of the Salesforce package reads this.
     *
     * <p>One statement per call, no transaction (each statement sees the latest committed sharing and
     * partnerships): the decisions are cached ({@link RecordPageDecisions}) and the statement returns what they
     * must have been made from; when that changed, they are made again and the statement re-run.
     */
    public List<OverlapReports.RecordOverlap> recordOverlaps(UUID viewer, UUID integrationId, String sfId) {
        return recordOverlaps(StillAdmitted.ALWAYS, viewer, integrationId, sfId).orElseThrow();
    }

    /**
     * {@link #recordOverlaps(UUID, UUID, String)} in the same statement as the caller's admission check: empty, with
     * nothing read, when {@code admission} no longer holds.
     */
    public java.util.Optional<List<OverlapReports.RecordOverlap>> recordOverlaps(StillAdmitted admission, UUID viewer, UUID integrationId,
            String sfId) {
        String sql = RECORD_PAGE.formatted(admission.condition());
        for (int attempt = 1; ; attempt++) {
            RecordPageDecisions.Entry decided = decisions.of(viewer);
            Map<UUID, RecordPageDecisions.Label> current = new LinkedHashMap<>();
            Map<UUID, List<RecordHit>> hits = new LinkedHashMap<>();
            boolean[] admitted = {false};
            jdbc.sql(sql).params(admission.params()).param("viewer", viewer).param("sf", sfId).param("mine", integrationId)
                    .param("rules", decided.rulesJson())
                    .query(rs -> {
                        admitted[0] = rs.getBoolean(19);
                        UUID id = rs.getObject(1, UUID.class);
                        if (id == null) {
                            return; // the one row of a caller no longer admitted, or of a viewer without active partnerships
                        }
                        current.computeIfAbsent(id, k -> {
                            try {
                                return new RecordPageDecisions.Label(partnership(rs), rs.getString(11), rs.getLong(12));
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        List<RecordHit> mine = hits.computeIfAbsent(id, k -> new ArrayList<>());
                        if (rs.getString(13) != null) {
                            mine.add(new RecordHit(rs.getString(13), rs.getString(14), Evidence.valueOf(rs.getString(15)), rs.getString(16),
                                    decided.names().get(rs.getObject(17, UUID.class)), fields(rs.getString(18))));
                        }
                    });
            if (!admitted[0]) {
                return java.util.Optional.empty();
            }
            if (current.equals(decided.decidedFrom())) {
                return java.util.Optional.of(assemble(viewer, current, hits));
            }
            if (attempt == RECORD_PAGE_ATTEMPTS) {
                throw new IllegalStateException("the partners' sharing kept changing during " + attempt + " attempts");
            }
            decisions.put(viewer, readOnly.execute(t -> decide(viewer, current)));
        }
    }

    private static List<OverlapReports.RecordOverlap> assemble(UUID viewer, Map<UUID, RecordPageDecisions.Label> partners,
            Map<UUID, List<RecordHit>> hits) {
        List<OverlapReports.RecordOverlap> out = new ArrayList<>();
        for (RecordPageDecisions.Label l : partners.values()) {
            // A partner record in several shared populations is one record: its populations listed, their fields merged.
            Map<String, OverlapReports.PartnerRecord> byRecord = new LinkedHashMap<>();
            for (RecordHit h : hits.getOrDefault(l.partnership().id(), List.of())) {
                OverlapReports.PartnerRecord r = byRecord.computeIfAbsent(h.partnerSfId(),
                        k -> new OverlapReports.PartnerRecord(h.object(), h.evidence(), h.matchedKey(), new ArrayList<>(), new TreeMap<>()));
                r.populations().add(h.population());
                r.partnerFields().putAll(h.fields());
            }
            if (!byRecord.isEmpty()) {
                Partnership p = l.partnership();
                out.add(new OverlapReports.RecordOverlap(p.id(), p.partnerOf(viewer), l.partnerName(), List.copyOf(byRecord.values())));
            }
        }
        return out;
    }

    /** What the record page may read of each partner: the rows-shared populations, their names and fields, labelled with what was read. */
    private RecordPageDecisions.Entry decide(UUID viewer, Map<UUID, RecordPageDecisions.Label> partners) {
        Map<String, Object> fieldsByPopulation = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (RecordPageDecisions.Label l : partners.values()) {
            for (ReportRules.Shown s : shown(l.partnership(), viewer)) {
                if (s.visibility() instanceof Visibility.Rows rows) {
                    fieldsByPopulation.put(s.population().id().toString(), rows.fields().stream().sorted().toList());
                    names.put(s.population().id(), s.population().name());
                }
            }
        }
        return new RecordPageDecisions.Entry(Map.copyOf(partners), JSON.writeValueAsString(fieldsByPopulation), Map.copyOf(names));
    }

    private static Partnership partnership(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Partnership(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                PartnershipStatus.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant(),
                instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getLong(10));
    }

    private static java.time.Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The partner's populations the viewer may know of, with what it may see of each. */
    public List<Column> partnerPopulations(MemberPrincipal me, UUID partnershipId) {
        Partnership p = partnerships.find(me.organizationId(), partnershipId);
        return shown(p, me.organizationId()).stream()
                .map(s -> Column.of(s.population().id(), s.population().name(), s.population().baseObject(), s.visibility()))
                .toList();
    }

    private static void requireParameter(UUID value, String name) {
        if (value == null) {
            throw CrosswalkException.of(dev.crosswalk.app.system.ErrorCode.VALIDATION_FAILED, name + ": required");
        }
    }

    private List<ReportRules.Shown> shown(Partnership p, UUID viewer) {
        if (!p.active()) {
            return List.of();
        }
        UUID partner = p.partnerOf(viewer);
        return ReportRules.visiblePartnerPopulations(p, viewer, infos(partner), sharingOf(partner));
    }

    private Visibility.Rows requireRows(Partnership p, UUID viewer, UUID partnerPopulationId) {
        if (!p.active()) {
            throw CrosswalkException.notFound("Partner population");
        }
        UUID partner = p.partnerOf(viewer);
        return ReportRules.requireRows(p, viewer, partnerPopulationId, infos(partner), sharingOf(partner));
    }

    List<PopulationInfo> infos(UUID org) {
        return populations.populations(org).stream()
                .map((Population x) -> new PopulationInfo(x.id(), x.organizationId(), x.name(), x.baseObject())).toList();
    }

    Map<UUID, PopulationSharing> sharingOf(UUID org) {
        return sharing.sharingOf(org).stream().collect(Collectors.toMap(PopulationSharing::populationId, Function.identity()));
    }

    /** Only the allowed keys of the partner's record, built inside PostgreSQL from a bound array. */
    static String projection(String alias) {
        return "coalesce((select jsonb_object_agg(k, " + alias + ".fields -> k) from unnest(cast(:fields as text[])) k where "
                + alias + ".fields -> k is not null), cast('{}' as jsonb))::text";
    }

    static String join(String alias, String side) {
        return " join population_member " + alias + " on " + alias + ".integration_id = x." + side + "_integration_id and " + alias
                + ".object = x." + side + "_object and " + alias + ".sf_id = x." + side + "_sf_id";
    }

    static Map<String, String> fields(String json) {
        Map<String, String> m = JSON.readValue(json, FIELDS);
        return new TreeMap<>(m == null ? Map.of() : new LinkedHashMap<>(m));
    }

    /** One row of a record's overlaps: a partner record in one shared population (its id stays here, never answered). */
    private record RecordHit(String partnerSfId, String object, Evidence evidence, String matchedKey, String population,
            Map<String, String> fields) {
    }

    /** Which columns of overlap_pair are the viewer's records ("a" = inviter) and which the partner's. */
    record Side(String mine, String partner) {
        static Side of(Partnership p, UUID viewer) {
            return p.inviterOrgId().equals(viewer) ? new Side("a", "b") : new Side("b", "a");
        }
    }
}
