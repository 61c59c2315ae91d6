package dev.crosswalk.app.push;

import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The General Settings of a Custom Objects integration (what is pushed), stored in push's own table.
 * Saving queues a push: the records the new settings no longer cover are deleted from Salesforce,
 * the newly covered ones written.
 */
@Service
public class PushSettingsService {
    private final JdbcClient jdbc;
    private final PushTargets targets;
    private final PushService pushes;
    private final Clock clock;

    PushSettingsService(JdbcClient jdbc, PushTargets targets, PushService pushes, Clock clock) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.pushes = pushes;
        this.clock = clock;
    }

    /** The settings of the organization's Custom Objects integration; "everything shared" until saved. 404 for another organization's. */
    @Transactional(readOnly = true)
    public PushSettings get(UUID organizationId, UUID customObjectsIntegrationId) {
        targets.require(organizationId, customObjectsIntegrationId);
        return jdbc.sql("select partners, my_populations, partner_populations, partner_fields from push_settings"
                        + " where integration_id = ? and organization_id = ?")
                .params(customObjectsIntegrationId, organizationId)
                .query((rs, n) -> new PushSettings(uuids(rs, 1), uuids(rs, 2), uuids(rs, 3), strings(rs, 4)))
                .optional().orElse(PushSettings.all());
    }

    @Transactional
    public PushSettings save(UUID organizationId, UUID customObjectsIntegrationId, PushSettings settings) {
        if (settings == null) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "settings: required");
        }
        targets.require(organizationId, customObjectsIntegrationId);
        validate(organizationId, settings);
        jdbc.sql("""
                insert into push_settings (integration_id, organization_id, partners, my_populations, partner_populations,
                    partner_fields, updated_at)
                values (:id, :org, :partners, :mine, :theirs, :fields, :at)
                on conflict (integration_id) do update set partners = excluded.partners, my_populations = excluded.my_populations,
                    partner_populations = excluded.partner_populations, partner_fields = excluded.partner_fields,
                    updated_at = excluded.updated_at, version = push_settings.version + 1""")
                .param("id", customObjectsIntegrationId).param("org", organizationId)
                .param("partners", array(settings.partners())).param("mine", array(settings.myPopulations()))
                .param("theirs", array(settings.partnerPopulations()))
                .param("fields", settings.partnerFields() == null ? null : settings.partnerFields().stream().sorted().toArray(String[]::new))
                .param("at", Timestamp.from(clock.instant())).update();
        pushes.queue(organizationId, customObjectsIntegrationId);
        return settings;
    }

    /** Ids must name this organization's partners and populations (or the partners' populations); fields are API names. */
    private void validate(UUID organizationId, PushSettings s) {
        if (s.partners() != null && !s.partners().isEmpty()) {
            long partners = jdbc.sql("select count(distinct o) from (select case when inviter_org_id = :me then invitee_org_id"
                            + " else inviter_org_id end o from partnership where inviter_org_id = :me or invitee_org_id = :me) x"
                            + " where o in (:ids)")
                    .param("me", organizationId).param("ids", s.partners()).query(Long.class).single();
            if (partners != s.partners().size()) {
                throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "partners: not all are partners of your organization");
            }
        }
        if (s.myPopulations() != null && !s.myPopulations().isEmpty()) {
            long mine = jdbc.sql("select count(*) from population where organization_id = :me and id in (:ids)")
                    .param("me", organizationId).param("ids", s.myPopulations()).query(Long.class).single();
            if (mine != s.myPopulations().size()) {
                throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "myPopulations: not all are populations of your organization");
            }
        }
        if (s.partnerPopulations() != null && !s.partnerPopulations().isEmpty()) {
            // Only ids of populations owned by a partner: whether they are shared is decided at push time.
            long theirs = jdbc.sql("select count(*) from population p where p.id in (:ids) and exists (select 1 from partnership x"
                            + " where (x.inviter_org_id = :me and x.invitee_org_id = p.organization_id)"
                            + " or (x.invitee_org_id = :me and x.inviter_org_id = p.organization_id))")
                    .param("me", organizationId).param("ids", s.partnerPopulations()).query(Long.class).single();
            if (theirs != s.partnerPopulations().size()) {
                throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "partnerPopulations: not all are populations of your partners");
            }
        }
        if (s.partnerFields() != null) {
            for (String f : s.partnerFields()) {
                if (f == null || !f.matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
                    throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "partnerFields: not a field API name: " + f);
                }
            }
        }
    }

    private static UUID[] array(Set<UUID> ids) {
        return ids == null ? null : ids.stream().sorted().toArray(UUID[]::new);
    }

    private static Set<UUID> uuids(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) {
            return null;
        }
        Set<UUID> out = new LinkedHashSet<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add((UUID) o);
        }
        return out;
    }

    private static Set<String> strings(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? null : new LinkedHashSet<>(Arrays.asList((String[]) a.getArray()));
    }
}
