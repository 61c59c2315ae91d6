package dev.crosswalk.app.population;

import dev.crosswalk.app.system.TableStatistics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class PopulationRepository {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select id, organization_id, name, base_object, filter::text as filter, standard_kind, created_at, updated_at, version
            from population""";

    private final JdbcClient jdbc;

    private final TableStatistics statistics;

    PopulationRepository(JdbcClient jdbc, TableStatistics statistics) {
        this.jdbc = jdbc;
        this.statistics = statistics;
    }

    List<Population> list(UUID organizationId) {
        return jdbc.sql(SELECT + " where organization_id = ? order by standard_kind nulls last, created_at, name")
                .param(organizationId).query(PopulationRepository::map).list();
    }

    Optional<Population> find(UUID organizationId, UUID id) {
        return jdbc.sql(SELECT + " where organization_id = ? and id = ?").params(organizationId, id)
                .query(PopulationRepository::map).optional();
    }

    boolean nameTaken(UUID organizationId, String name, UUID except) {
        return jdbc.sql("select count(*) from population where organization_id = ? and lower(name) = lower(?) and id <> ?")
                .params(organizationId, name, except == null ? new UUID(0, 0) : except).query(Long.class).single() > 0;
    }

    void insert(Population p) {
        jdbc.sql("""
                insert into population (id, organization_id, name, base_object, filter, standard_kind, created_at, updated_at)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) on conflict do nothing""")
                .params(p.id(), p.organizationId(), p.name(), p.baseObject(), JSON.writeValueAsString(p.filter()),
                        p.standardKind() == null ? null : p.standardKind().name(), Timestamp.from(p.createdAt()),
                        Timestamp.from(p.updatedAt()))
                .update();
    }

    /** Optimistic update: zero rows means the population changed (or vanished) since it was read. */
    int update(UUID organizationId, UUID id, long expectedVersion, String name, Filter filter, Instant now) {
        return jdbc.sql("""
                update population set name = ?, filter = cast(? as jsonb), updated_at = ?, version = version + 1
                where organization_id = ? and id = ? and version = ?""")
                .params(name, JSON.writeValueAsString(filter), Timestamp.from(now), organizationId, id, expectedVersion)
                .update();
    }

    int delete(UUID organizationId, UUID id) {
        return jdbc.sql("delete from population where organization_id = ? and id = ?").params(organizationId, id).update();
    }

    Set<StandardPopulation> standardKinds(UUID organizationId) {
        Set<StandardPopulation> out = new java.util.HashSet<>();
        jdbc.sql("select standard_kind from population where organization_id = ? and standard_kind is not null")
                .param(organizationId).query(String.class).list().forEach(k -> out.add(StandardPopulation.valueOf(k)));
        return out;
    }

    /**
     * The fields an organization syncs for an object: those seen in (a sample of) its synced
     * records, plus those its integrations are set to sync.
     */
    Set<String> knownFields(UUID organizationId, String object) {
        Set<String> out = new TreeSet<>(jdbc.sql("""
                select distinct k from (select fields from crm_record where organization_id = ? and object = ? limit 2000) s,
                     jsonb_object_keys(s.fields) k""").params(organizationId, object).query(String.class).list());
        out.addAll(jdbc.sql("""
                select distinct f from integration i, jsonb_array_elements_text(coalesce(i.settings -> ?, '[]'::jsonb)) f
                where i.organization_id = ?""").params(object, organizationId).query(String.class).list());
        // Always synced, whatever the settings (ids, names, websites, change tracking).
        out.addAll(dev.crosswalk.app.integration.SyncSettings.ALWAYS_ON);
        return out;
    }

    void lockOrganization(UUID organizationId) {
        // Serializes membership maintenance of one organization (sync listener vs. an admin's edit).
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('population:' || ?, 0))) l")
                .param(organizationId.toString()).query(Integer.class).single();
    }

    /** Recomputes a population's membership from scratch. */
    int recompute(Population p) {
        FilterSql.Compiled f = FilterSql.compile(p.filter());
        int deleted = jdbc.sql("delete from population_member where population_id = :pid").param("pid", p.id()).update();
        int inserted = jdbc.sql("""
                insert into population_member (population_id, organization_id, integration_id, object, sf_id)
                select :pid, r.organization_id, r.integration_id, r.object, r.sf_id from crm_record r
                where r.organization_id = :org and r.object = :obj and not r.is_deleted and \s""" + f.predicate())
                .params(f.params()).param("pid", p.id()).param("org", p.organizationId()).param("obj", p.baseObject())
                .update();
        statistics.refreshIfChangedMuch("population_member", deleted + inserted);
        return inserted;
    }

    /** Re-evaluates only the records of one integration synced in (from, to]. */
    void refreshTouched(Population p, UUID integrationId, Instant from, Instant to) {
        FilterSql.Compiled f = FilterSql.compile(p.filter());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("pid", p.id());
        window.put("org", p.organizationId());
        window.put("obj", p.baseObject());
        window.put("integration", integrationId);
        window.put("fromTs", Timestamp.from(from));
        window.put("toTs", Timestamp.from(to));
        // Nothing to delete while the population has no member from this integration (its first sync): the delete would
        // otherwise be a hash join over every record of the window to find none (4.5 s per population at 1,000,000).
        int deleted = !hasMembers(p.id(), integrationId) ? 0 : jdbc.sql("""
                delete from population_member m using crm_record t
                where m.population_id = :pid and t.integration_id = :integration and t.object = :obj
                  and t.synced_at > :fromTs and t.synced_at <= :toTs
                  and m.integration_id = t.integration_id and m.object = t.object and m.sf_id = t.sf_id""")
                .params(window).update();
        int inserted = jdbc.sql("""
                insert into population_member (population_id, organization_id, integration_id, object, sf_id)
                select :pid, r.organization_id, r.integration_id, r.object, r.sf_id from crm_record r
                where r.integration_id = :integration and r.organization_id = :org and r.object = :obj
                  and r.synced_at > :fromTs and r.synced_at <= :toTs and not r.is_deleted and \s""" + f.predicate())
                .params(f.params()).params(window).update();
        statistics.refreshIfChangedMuch("population_member", deleted + inserted);
    }

    /** Whether the population has any member synced through the integration (one probe of its primary key). */
    boolean hasMembers(UUID populationId, UUID integrationId) {
        return jdbc.sql("select exists (select 1 from population_member where population_id = ? and integration_id = ?)")
                .params(populationId, integrationId).query(Boolean.class).single();
    }

    boolean touched(UUID integrationId, String object, Instant from, Instant to) {
        return jdbc.sql("""
                select exists (select 1 from crm_record where integration_id = ? and object = ? and synced_at > ? and synced_at <= ?)""")
                .params(integrationId, object, Timestamp.from(from), Timestamp.from(to)).query(Boolean.class).single();
    }

    Optional<Instant> watermark(UUID integrationId) {
        return jdbc.sql("select membership_at from overlap_watermark where integration_id = ?").param(integrationId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).optional()
                .flatMap(o -> o);
    }

    Optional<Instant> latestSync(UUID integrationId) {
        return jdbc.sql("select max(synced_at) from crm_record where integration_id = ?").param(integrationId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    void saveWatermark(UUID integrationId, Instant at) {
        jdbc.sql("""
                insert into overlap_watermark (integration_id, membership_at) values (?, ?)
                on conflict (integration_id) do update set membership_at = excluded.membership_at""")
                .params(integrationId, Timestamp.from(at)).update();
    }

    /**
     * Each synced field of an object with its distinct non-blank values (up to one more than a
     * picklist may have) and whether all of them are numbers, from a sample of the records.
     */
    List<FieldProfile> fieldProfiles(UUID organizationId, String object, Set<String> known) {
        Map<String, FieldProfile> seen = new LinkedHashMap<>();
        jdbc.sql("""
                select e.key, count(distinct e.value), bool_and(e.value ~ '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$'),
                       (array_agg(distinct e.value order by e.value))[1:?]
                from (select fields from crm_record where organization_id = ? and object = ? and not is_deleted limit 2000) s,
                     jsonb_each_text(s.fields) e
                where btrim(coalesce(e.value, '')) <> '' group by e.key""")
                .params(FieldProfile.PICKLIST_MAX + 1, organizationId, object)
                .query((rs, n) -> {
                    String name = rs.getString(1);
                    long distinct = rs.getLong(2);
                    List<String> values = List.of((String[]) rs.getArray(4).getArray());
                    FieldProfile.Kind kind = rs.getBoolean(3) ? FieldProfile.Kind.NUMBER
                            : distinct <= FieldProfile.PICKLIST_MAX && !IDENTIFYING.contains(name) ? FieldProfile.Kind.PICKLIST
                            : FieldProfile.Kind.TEXT;
                    return new FieldProfile(name, kind, kind == FieldProfile.Kind.PICKLIST ? values : List.of());
                }).list().forEach(f -> seen.put(f.name(), f));
        return known.stream().map(f -> seen.getOrDefault(f, new FieldProfile(f, FieldProfile.Kind.TEXT, List.of()))).toList();
    }

    /** Fields that identify a record: few distinct values in a small org still do not make them picklists. */
    private static final Set<String> IDENTIFYING = Set.of("Id", "Name", "Website", "Company", "Email", "OwnerId", "AccountId",
            "SystemModstamp", "CreatedDate", "LastModifiedDate", "Phone", "Domain");

    long memberCount(UUID populationId) {
        // Salesforce ids are unique across orgs: a record reached through two integrations counts once.
        return jdbc.sql("select count(distinct sf_id) from population_member where population_id = ?").param(populationId)
                .query(Long.class).single();
    }

    long previewCount(UUID organizationId, String object, Filter filter) {
        FilterSql.Compiled f = FilterSql.compile(filter);
        return jdbc.sql("select count(distinct r.sf_id) from crm_record r where r.organization_id = :org and r.object = :obj and not r.is_deleted and "
                + f.predicate()).params(f.params()).param("org", organizationId).param("obj", object).query(Long.class).single();
    }

    List<Sample> previewSample(UUID organizationId, String object, Filter filter, int limit) {
        FilterSql.Compiled f = FilterSql.compile(filter);
        return jdbc.sql("select r.sf_id, r.object, r.fields::text from crm_record r where r.organization_id = :org and r.object = :obj"
                + " and not r.is_deleted and " + f.predicate() + " order by r.fields ->> 'Name', r.sf_id limit :lim")
                .params(f.params()).param("org", organizationId).param("obj", object).param("lim", limit)
                .query((rs, n) -> new Sample(rs.getString(1), rs.getString(2),
                        JSON.readValue(rs.getString(3), new TypeReference<Map<String, String>>() {
                        })))
                .list();
    }

    private static Population map(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("standard_kind");
        return new Population(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("name"),
                rs.getString("base_object"), JSON.readValue(rs.getString("filter"), Filter.class),
                kind == null ? null : StandardPopulation.valueOf(kind), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
