package dev.crosswalk.app.push;

import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which Account of my Salesforce org stands for each partner company ({@code Partner_Account__c}).
 * Automatic: an Account of the data source whose registrable domain is one the partner declared as
 * its own, preferring Accounts of type Partner, then the oldest id (stable). An Admin may pick
 * another Account or "none"; that manual choice stays until reset to automatic.
 */
@Component
class PartnerAccounts {
    private final JdbcClient jdbc;
    private final Clock clock;

    PartnerAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A partner and its Account: {@code status} Mapped or Unmapped, {@code source} AUTO or MANUAL. */
    record Mapping(UUID partnerOrganizationId, String accountId, String accountName, String status, String source) {
    }

    /** The mapping to use now: a manual choice as set, else the automatic match (stored so the UI shows it). */
    Mapping resolve(PushTargets.Target t, UUID partnerOrgId) {
        Optional<String[]> manual = jdbc.sql("select account_sf_id, source from partner_account_mapping where integration_id = ?"
                        + " and partner_org_id = ?")
                .params(t.integrationId(), partnerOrgId)
                .query((rs, n) -> new String[] {rs.getString(1) == null ? null : rs.getString(1).trim(), rs.getString(2)}).optional();
        String account;
        String source;
        if (manual.isPresent() && manual.get()[1].equals("MANUAL")) {
            account = manual.get()[0];
            source = "MANUAL";
        } else {
            account = automatic(t, partnerOrgId).orElse(null);
            source = "AUTO";
            if (manual.isEmpty() || !java.util.Objects.equals(manual.get()[0], account)) {
                store(t, partnerOrgId, account, source);
            }
        }
        return new Mapping(partnerOrgId, account, account == null ? null : accountName(t, account).orElse(null),
                account == null ? "Unmapped" : "Mapped", source);
    }

    Mapping setManual(PushTargets.Target t, UUID partnerOrgId, String accountId) {
        if (accountId != null && accountName(t, accountId).isEmpty()) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED,
                    "accountId: no Account with this id was synced from this Salesforce org");
        }
        store(t, partnerOrgId, accountId, "MANUAL");
        return resolve(t, partnerOrgId);
    }

    Mapping resetToAutomatic(PushTargets.Target t, UUID partnerOrgId) {
        jdbc.sql("delete from partner_account_mapping where integration_id = ? and partner_org_id = ?")
                .params(t.integrationId(), partnerOrgId).update();
        return resolve(t, partnerOrgId);
    }

    private Optional<String> automatic(PushTargets.Target t, UUID partnerOrgId) {
        return jdbc.sql("""
                select k.sf_id from record_key k
                  join organization_domain d on d.domain = k.domain and d.organization_id = :partner
                  join crm_record r on r.integration_id = k.integration_id and r.object = k.object and r.sf_id = k.sf_id
                 where k.integration_id = :source and k.object = 'Account' and not r.is_deleted
                 order by (r.fields ->> 'Type' = 'Partner') desc nulls last, k.sf_id
                 limit 1""")
                .param("partner", partnerOrgId).param("source", t.sourceIntegrationId())
                .query((rs, n) -> rs.getString(1).trim()).optional();
    }

    private Optional<String> accountName(PushTargets.Target t, String accountId) {
        if (accountId.length() != 18) {
            return Optional.empty();
        }
        return jdbc.sql("select coalesce(fields ->> 'Name', '') from crm_record where integration_id = ? and object = 'Account'"
                        + " and sf_id = ? and not is_deleted")
                .params(t.sourceIntegrationId(), accountId).query(String.class).optional();
    }

    private void store(PushTargets.Target t, UUID partnerOrgId, String accountId, String source) {
        jdbc.sql("""
                insert into partner_account_mapping (integration_id, partner_org_id, account_sf_id, source, updated_at)
                values (?, ?, ?, ?, ?)
                on conflict (integration_id, partner_org_id) do update set account_sf_id = excluded.account_sf_id,
                    source = excluded.source, updated_at = excluded.updated_at""")
                .params(t.integrationId(), partnerOrgId, accountId, source, Timestamp.from(clock.instant())).update();
    }
}
