package dev.crosswalk.app.health;

import dev.crosswalk.salesforce.LimitInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What probes and runs last learnt per connection ({@code connection_probe}), plus the connection facts the probe needs. */
@Repository
class ProbeRepository {
    private final JdbcClient jdbc;

    ProbeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ProbeState(UUID connectionId, Instant lastProbeAt, Boolean lastProbeOk, LimitInfo usage, Instant usageSeenAt,
            Instant preflightAt, String preflightJson) {
    }

    /** A connection the probe looks after: a data source's (Custom Objects integrations have their own checks). */
    record Target(UUID connectionId, UUID organizationId, UUID integrationId, String sfOrgId, String sfUserId,
            String sfUsername, UUID authorizedBy, Instant authorizedAt, Instant tokenIssuedAt, Instant lastProbeAt,
            Instant preflightAt) {
    }

    private void ensure(UUID connectionId) {
        jdbc.sql("""
                insert into connection_probe (connection_id, organization_id, integration_id)
                select id, organization_id, integration_id from salesforce_connection where id = ?
                on conflict (connection_id) do nothing""").param(connectionId).update();
    }

    void probed(UUID connectionId, boolean ok, Instant at) {
        ensure(connectionId);
        jdbc.sql("update connection_probe set last_probe_at = ?, last_probe_ok = ?, version = version + 1 where connection_id = ?")
                .params(Timestamp.from(at), ok, connectionId).update();
    }

    void usage(UUID connectionId, LimitInfo usage, Instant at) {
        ensure(connectionId);
        jdbc.sql("update connection_probe set api_used = ?, api_max = ?, usage_seen_at = ? where connection_id = ?")
                .params(usage.used(), usage.max(), Timestamp.from(at), connectionId).update();
    }

    void preflight(UUID connectionId, String json, Instant at) {
        ensure(connectionId);
        jdbc.sql("update connection_probe set preflight = cast(? as jsonb), preflight_at = ? where connection_id = ?")
                .params(json, Timestamp.from(at), connectionId).update();
    }

    Optional<ProbeState> find(UUID connectionId) {
        return jdbc.sql("""
                select connection_id, last_probe_at, last_probe_ok, api_used, api_max, usage_seen_at, preflight_at,
                       preflight::text as preflight from connection_probe where connection_id = ?""")
                .param(connectionId).query(ProbeRepository::state).optional();
    }

    /** Inbound connections of integrations whose last probe (or authorization) is older than {@code before}. */
    List<Target> due(Instant before) {
        return jdbc.sql(TARGETS + " where coalesce(p.last_probe_at, c.authorized_at) <= ? order by coalesce(p.last_probe_at, c.authorized_at)")
                .param(Timestamp.from(before)).query(ProbeRepository::target).list();
    }

    Optional<Target> target(UUID integrationId) {
        return jdbc.sql(TARGETS + " where c.integration_id = ?").param(integrationId).query(ProbeRepository::target).optional();
    }

    List<Target> authorizedBy(UUID organizationId, UUID memberId) {
        return jdbc.sql(TARGETS + " where c.organization_id = ? and c.authorized_by_member = ?").params(organizationId, memberId)
                .query(ProbeRepository::target).list();
    }

    /** Crosswalk connections (in any organization) holding an approval of the same Salesforce user. */
    int approvalsHeld(String sfOrgId, String sfUserId) {
        return jdbc.sql("select count(*) from salesforce_connection where sf_org_id = ? and sf_user_id = ?")
                .params(sfOrgId, sfUserId).query(Integer.class).single();
    }

    List<Target> sameSalesforceUser(String sfOrgId, String sfUserId) {
        return jdbc.sql(TARGETS + " where c.sf_org_id = ? and c.sf_user_id = ?").params(sfOrgId, sfUserId)
                .query(ProbeRepository::target).list();
    }

    private static final String TARGETS = """
            select c.id, c.organization_id, c.integration_id, c.sf_org_id, c.sf_user_id, c.sf_username, c.authorized_by_member,
                   c.authorized_at, c.token_issued_at, p.last_probe_at, p.preflight_at
            from salesforce_connection c left join connection_probe p on p.connection_id = c.id
            join integration i on i.id = c.integration_id and i.kind = 'SALESFORCE_DATA_SOURCE'
            """;

    private static Target target(ResultSet rs, int n) throws SQLException {
        return new Target(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), instant(rs, 8), instant(rs, 9), instant(rs, 10),
                instant(rs, 11));
    }

    private static ProbeState state(ResultSet rs, int n) throws SQLException {
        Long used = rs.getObject("api_used", Long.class);
        Long max = rs.getObject("api_max", Long.class);
        return new ProbeState(rs.getObject("connection_id", UUID.class), instant(rs, 2),
                rs.getObject("last_probe_ok", Boolean.class), used == null || max == null ? null : new LimitInfo(used, max),
                instant(rs, 6), instant(rs, 7), rs.getString("preflight"));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
