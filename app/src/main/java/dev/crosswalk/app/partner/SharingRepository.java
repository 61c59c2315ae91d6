package dev.crosswalk.app.partner;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class SharingRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Set<String>>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    SharingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(UUID populationId, UUID partnerOrgId, SharingRule rule) {
    }

    /** All rules of the given populations of one organization: population id → (partner or null → rule). */
    Map<UUID, Map<UUID, SharingRule>> rules(UUID organizationId, List<UUID> populationIds) {
        Map<UUID, Map<UUID, SharingRule>> out = new HashMap<>();
        if (populationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select population_id, partner_org_id, level, fields::text from sharing_rule
                where organization_id = :org and population_id in (:ids)""")
                .param("org", organizationId).param("ids", populationIds)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        new SharingRule(SharingLevel.valueOf(rs.getString(3)), JSON.readValue(rs.getString(4), FIELDS))))
                .list()
                .forEach(r -> out.computeIfAbsent(r.populationId(), k -> new HashMap<>()).put(r.partnerOrgId(), r.rule()));
        return out;
    }

    void upsert(UUID organizationId, UUID populationId, UUID partnerOrgId, SharingRule rule, Instant now) {
        String conflict = partnerOrgId == null ? "(population_id) where partner_org_id is null"
                : "(population_id, partner_org_id) where partner_org_id is not null";
        jdbc.sql("""
                insert into sharing_rule (id, organization_id, population_id, partner_org_id, level, fields, updated_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?)
                on conflict """ + conflict + " do update set level = excluded.level, fields = excluded.fields, updated_at = excluded.updated_at")
                .params(UUID.randomUUID(), organizationId, populationId, partnerOrgId, rule.level().name(),
                        JSON.writeValueAsString(rule.fields()), Timestamp.from(now))
                .update();
    }

    int deleteOverride(UUID organizationId, UUID populationId, UUID partnerOrgId) {
        return jdbc.sql("delete from sharing_rule where organization_id = ? and population_id = ? and partner_org_id = ?")
                .params(organizationId, populationId, partnerOrgId).update();
    }
}
