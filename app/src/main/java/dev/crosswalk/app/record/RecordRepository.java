package dev.crosswalk.app.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code crm_record}; every query is scoped by organization and leaves deleted records out. */
@Repository
class RecordRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    /** The search filter, shared by the count and the page so both agree. */
    private static final String WHERE = """
            where organization_id = :org and object = :object and not is_deleted
              and (cast(:integration as uuid) is null or integration_id = cast(:integration as uuid))
              and (cast(:q as text) is null
                   or fields->>'Name' ilike :pattern escape '\\'
                   or fields->>'Website' ilike :pattern escape '\\'
                   or fields->>'Email' ilike :pattern escape '\\')""";

    private final JdbcClient jdbc;

    RecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Search(UUID organizationId, UUID integrationId, String object, String q, int limit, int offset) {
    }

    long count(Search s) {
        return params(jdbc.sql("select count(*) from crm_record " + WHERE), s).query(Long.class).single();
    }

    List<StoredRecord> page(Search s) {
        return params(jdbc.sql("""
                select integration_id, object, sf_id, fields::text as fields, system_modstamp, synced_at from crm_record
                """ + WHERE + " order by fields->>'Name', sf_id limit :limit offset :offset"), s)
                .param("limit", s.limit()).param("offset", s.offset())
                .query(RecordRepository::map).list();
    }

    /** The newest live copy (an org may be connected through two integrations). */
    Optional<StoredRecord> find(UUID organizationId, String object, String sfId) {
        return jdbc.sql("""
                select integration_id, object, sf_id, fields::text as fields, system_modstamp, synced_at from crm_record
                where organization_id = ? and object = ? and sf_id = ? and not is_deleted
                order by synced_at desc limit 1""")
                .params(organizationId, object, sfId).query(RecordRepository::map).optional();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Search s) {
        return spec.param("org", s.organizationId()).param("object", s.object())
                .param("integration", s.integrationId() == null ? null : s.integrationId().toString())
                .param("q", s.q())
                .param("pattern", s.q() == null ? null : "%" + likeEscape(s.q()) + "%");
    }

    static String likeEscape(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static StoredRecord map(ResultSet rs, int n) throws SQLException {
        return new StoredRecord(rs.getObject("integration_id", UUID.class), rs.getString("object"), rs.getString("sf_id").trim(),
                JSON.readValue(rs.getString("fields"), FIELDS), rs.getTimestamp("system_modstamp").toInstant(),
                rs.getTimestamp("synced_at").toInstant());
    }

    Map<String, Long> countsByObject(UUID organizationId, UUID integrationId) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("""
                select object, count(*) from crm_record where organization_id = ? and integration_id = ? and not is_deleted
                group by object order by object""")
                .params(organizationId, integrationId)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }
}
