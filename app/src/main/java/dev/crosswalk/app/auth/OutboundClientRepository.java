package dev.crosswalk.app.auth;

import dev.crosswalk.app.overlap.StillAdmitted;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Repository;

/** The binding of each authorization-server client to its organization, integration and Salesforce org, and its activity. */
@Repository
class OutboundClientRepository {
    private static final String BINDING = """
            select oc.registered_client_id, oc.client_id, oc.organization_id, oc.integration_id, i.source_integration_id, oc.sf_org_id
              from outbound_client oc join integration i on i.id = oc.integration_id""";

    private final JdbcClient jdbc;

    OutboundClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A Custom Objects integration of the organization, with the Salesforce org of its data source (null when none is connected). */
    record Target(String kind, UUID sourceIntegrationId, String sourceSalesforceOrgId, String sourceInstanceUrl) {
    }

    Optional<Target> target(UUID organizationId, UUID integrationId) {
        return jdbc.sql("""
                        select i.kind, i.source_integration_id, c.sf_org_id, c.instance_url
                          from integration i
                          left join salesforce_connection c on c.integration_id = i.source_integration_id and c.direction = 'INBOUND'
                         where i.id = ? and i.organization_id = ?""")
                .params(integrationId, organizationId)
                .query((rs, n) -> new Target(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)))
                .optional();
    }

    void insert(OutboundBinding b, Instant now) {
        jdbc.sql("""
                        insert into outbound_client (registered_client_id, organization_id, integration_id, sf_org_id, client_id, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(b.registeredClientId(), b.organizationId(), b.integrationId(), b.salesforceOrgId(), b.clientId(), Timestamp.from(now))
                .update();
    }

    Optional<OutboundBinding> byClientId(String clientId) {
        return jdbc.sql(BINDING + " where oc.client_id = ?").param(clientId).query(OutboundClientRepository::binding).optional();
    }

    /**
     * The binding of an access token's client while the token (given as its digest) is active: what
     * {@code OAuth2Authorization.Token.isActive()} decides (not expired, not invalidated; Spring's store keeps the flag in
     * the token's metadata), read without loading the authorization.
     */
    Optional<OutboundBinding> byActiveAccessToken(String digest) {
        return jdbc.sql(BINDING + """
                         join oauth2_authorization a on a.registered_client_id = oc.registered_client_id
                        where a.access_token_value = ? and a.access_token_expires_at > now()
                          and coalesce(cast(a.access_token_metadata as jsonb) ->> ?, 'false') <> 'true'""")
                .params(digest, OAuth2Authorization.Token.INVALIDATED_METADATA_NAME)
                .query(OutboundClientRepository::binding).optional();
    }

    /**
     * {@link #byActiveAccessToken} as a condition for another statement ({@link StillAdmitted}): the token (its digest) is
     * active and its client is still bound exactly as {@code binding} says (organization, integration and its data source,
     * Salesforce org), so a statement run under a binding read earlier admits nothing once the token was revoked or the
     * client removed or re-bound. The record page's statement uses it in place of the token filter's own query (P6).
     */
    static StillAdmitted activeAccessTokenOf(String digest, OutboundBinding binding) {
        Map<String, Object> params = new HashMap<>(); // a client without a data source has no source integration: null
        params.put("admitToken", digest);
        params.put("admitInvalidated", OAuth2Authorization.Token.INVALIDATED_METADATA_NAME);
        params.put("admitClient", binding.registeredClientId());
        params.put("admitOrg", binding.organizationId());
        params.put("admitIntegration", binding.integrationId());
        params.put("admitSource", binding.sourceIntegrationId());
        params.put("admitSfOrg", binding.salesforceOrgId());
        return new StillAdmitted("""
                exists (select 1 from oauth2_authorization a
                          join outbound_client oc on oc.registered_client_id = a.registered_client_id
                          join integration i on i.id = oc.integration_id
                         where a.access_token_value = :admitToken and a.access_token_expires_at > now()
                           and coalesce(cast(a.access_token_metadata as jsonb) ->> :admitInvalidated, 'false') <> 'true'
                           and oc.registered_client_id = :admitClient and oc.organization_id = :admitOrg
                           and oc.integration_id = :admitIntegration and i.source_integration_id is not distinct from cast(:admitSource as uuid)
                           and oc.sf_org_id = :admitSfOrg)""",
                params);
    }

    Optional<OutboundBinding> byRegisteredClientId(String id) {
        return jdbc.sql(BINDING + " where oc.registered_client_id = ?").param(id).query(OutboundClientRepository::binding).optional();
    }

    Optional<OutboundBinding> byIntegration(UUID organizationId, UUID integrationId) {
        return jdbc.sql(BINDING + " where oc.organization_id = ? and oc.integration_id = ?").params(organizationId, integrationId)
                .query(OutboundClientRepository::binding).optional();
    }

    void secretRotated(String registeredClientId, Instant at) {
        jdbc.sql("update outbound_client set secret_rotated_at = ? where registered_client_id = ?").params(Timestamp.from(at), registeredClientId)
                .update();
    }

    void consented(String registeredClientId, UUID memberId, String email, Instant at) {
        jdbc.sql("update outbound_client set consented_by_member = ?, consented_by_email = ?, consented_at = ? where registered_client_id = ?")
                .params(memberId, email, Timestamp.from(at), registeredClientId).update();
    }

    void tokenIssued(String clientId, String grant, Instant at) {
        jdbc.sql("update outbound_client set last_token_at = ?, last_token_grant = ? where client_id = ?")
                .params(Timestamp.from(at), grant, clientId).update();
    }

    void calloutReceived(String registeredClientId, String path, String salesforceUserId, Instant at) {
        jdbc.sql("""
                        update outbound_client set last_callout_at = ?, last_callout_path = ?,
                               last_callout_sf_user = coalesce(?, last_callout_sf_user)
                         where registered_client_id = ?""")
                .params(Timestamp.from(at), path, salesforceUserId, registeredClientId).update();
    }

    void refused(String registeredClientId, String reason, Instant at) {
        jdbc.sql("update outbound_client set last_refused_at = ?, last_refused_reason = ? where registered_client_id = ?")
                .params(Timestamp.from(at), reason, registeredClientId).update();
    }

    int revokeTokens(String registeredClientId, Instant at) {
        int n = jdbc.sql("delete from oauth2_authorization where registered_client_id = ?").param(registeredClientId).update();
        jdbc.sql("update outbound_client set tokens_revoked_at = ? where registered_client_id = ?").params(Timestamp.from(at), registeredClientId)
                .update();
        return n;
    }

    /** The newest authorization of the client that reached a token, if any. */
    Optional<String> latestAuthorizationId(String registeredClientId) {
        return jdbc.sql("""
                        select id from oauth2_authorization where registered_client_id = ? and refresh_token_value is not null
                         order by refresh_token_issued_at desc limit 1""")
                .param(registeredClientId).query(String.class).optional();
    }

    record Activity(String consentedByEmail, Instant consentedAt, Instant lastTokenAt, String lastTokenGrant, Instant lastCalloutAt,
            String lastCalloutPath, String lastCalloutSalesforceUser, Instant lastRefusedAt, String lastRefusedReason,
            Instant tokensRevokedAt, Instant createdAt, Instant secretRotatedAt) {
    }

    Activity activity(String registeredClientId) {
        return jdbc.sql("""
                        select consented_by_email, consented_at, last_token_at, last_token_grant, last_callout_at, last_callout_path,
                               last_callout_sf_user, last_refused_at, last_refused_reason, tokens_revoked_at, created_at, secret_rotated_at
                          from outbound_client where registered_client_id = ?""")
                .param(registeredClientId)
                .query((rs, n) -> new Activity(rs.getString(1), instant(rs, 2), instant(rs, 3), rs.getString(4), instant(rs, 5),
                        rs.getString(6), rs.getString(7), instant(rs, 8), rs.getString(9), instant(rs, 10), instant(rs, 11), instant(rs, 12)))
                .single();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static OutboundBinding binding(ResultSet rs, int n) throws SQLException {
        return new OutboundBinding(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class), rs.getString(6));
    }
}
