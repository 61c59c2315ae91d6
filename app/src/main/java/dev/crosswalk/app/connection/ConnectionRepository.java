package dev.crosswalk.app.connection;

import dev.crosswalk.app.system.SecretCipher;
import dev.crosswalk.salesforce.Credentials;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Connections in SQL. Tokens are encrypted with the row id as associated data and decrypted
 * only on the way into the Salesforce client.
 */
@Repository
class ConnectionRepository {
    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    ConnectionRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    record NewConnection(UUID id, UUID organizationId, UUID integrationId, String loginHost, String orgId, String userId,
            String username, UUID memberId, String memberEmail, Instant at) {
    }

    void insert(NewConnection c, Credentials creds) {
        String aad = c.id().toString();
        jdbc.sql("""
                insert into salesforce_connection (id, organization_id, integration_id, login_host, instance_url, sf_org_id,
                    sf_user_id, sf_username, access_token_enc, refresh_token_enc, token_issued_at, authorized_by_member,
                    authorized_by_email, authorized_at, last_success_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.organizationId(), c.integrationId(), c.loginHost(), creds.instanceUrl(), c.orgId(), c.userId(),
                        c.username(), cipher.encrypt(creds.accessToken(), aad), cipher.encrypt(creds.refreshToken(), aad),
                        ts(creds.issuedAt()), c.memberId(), c.memberEmail(), ts(c.at()), ts(c.at()))
                .update();
    }

    /** Reauthorization: new tokens and possibly a new Salesforce user on the same row. */
    void replaceAuthorization(UUID connectionId, NewConnection c, Credentials creds) {
        String aad = connectionId.toString();
        jdbc.sql("""
                update salesforce_connection set login_host = ?, instance_url = ?, sf_org_id = ?, sf_user_id = ?, sf_username = ?,
                    access_token_enc = ?, refresh_token_enc = ?, token_issued_at = ?, authorized_by_member = ?,
                    authorized_by_email = ?, authorized_at = ?, health = 'HEALTHY', last_success_at = ?, version = version + 1
                where id = ?""")
                .params(c.loginHost(), creds.instanceUrl(), c.orgId(), c.userId(), c.username(),
                        cipher.encrypt(creds.accessToken(), aad), cipher.encrypt(creds.refreshToken(), aad), ts(creds.issuedAt()),
                        c.memberId(), c.memberEmail(), ts(c.at()), ts(c.at()), connectionId)
                .update();
    }

    Optional<ConnectionView> view(UUID organizationId, UUID integrationId) {
        return jdbc.sql(SELECT_VIEW + " where organization_id = ? and integration_id = ? and direction = 'INBOUND'")
                .params(organizationId, integrationId).query(ConnectionRepository::view).optional();
    }

    Optional<ConnectionView> viewById(UUID connectionId) {
        return jdbc.sql(SELECT_VIEW + " where id = ?").param(connectionId).query(ConnectionRepository::view).optional();
    }

    /** The current tokens, decrypted. */
    Credentials load(UUID connectionId) {
        return jdbc.sql("select access_token_enc, refresh_token_enc, instance_url, sf_org_id, sf_user_id, login_host, token_issued_at"
                        + " from salesforce_connection where id = ?")
                .param(connectionId)
                .query((rs, n) -> credentials(rs, connectionId))
                .optional()
                .orElseThrow(() -> new IllegalStateException("connection " + connectionId + " is gone"));
    }

    /**
     * Compare-and-swap under a row lock: replaces the tokens only if the stored access token is
     * still {@code expectedAccessToken} — else another worker or node refreshed first.
     */
    boolean compareAndSet(UUID connectionId, String expectedAccessToken, Credentials replacement) {
        Credentials current = jdbc.sql("select access_token_enc, refresh_token_enc, instance_url, sf_org_id, sf_user_id,"
                        + " login_host, token_issued_at from salesforce_connection where id = ? for update")
                .param(connectionId)
                .query((rs, n) -> credentials(rs, connectionId))
                .optional().orElse(null);
        if (current == null || !current.accessToken().equals(expectedAccessToken)) {
            return false;
        }
        String aad = connectionId.toString();
        int updated = jdbc.sql("""
                update salesforce_connection set access_token_enc = ?, refresh_token_enc = ?, instance_url = ?,
                    token_issued_at = ?, version = version + 1 where id = ?""")
                .params(cipher.encrypt(replacement.accessToken(), aad), cipher.encrypt(replacement.refreshToken(), aad),
                        replacement.instanceUrl(), ts(replacement.issuedAt()), connectionId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("expected to update one connection, updated " + updated);
        }
        return true;
    }

    void delete(UUID connectionId) {
        jdbc.sql("delete from salesforce_connection where id = ?").param(connectionId).update();
    }

    void recordSuccess(UUID connectionId, Instant at) {
        jdbc.sql("update salesforce_connection set last_success_at = ?, last_used_at = ?, health = 'HEALTHY' where id = ?")
                .params(ts(at), ts(at), connectionId).update();
    }

    void recordFailure(UUID connectionId, Instant at, ConnectionHealth health) {
        jdbc.sql("update salesforce_connection set last_failure_at = ?, health = ? where id = ?")
                .params(ts(at), health.name(), connectionId).update();
    }

    private Credentials credentials(ResultSet rs, UUID connectionId) throws SQLException {
        String aad = connectionId.toString();
        String instance = rs.getString("instance_url");
        String identity = rs.getString("login_host") + "/id/" + rs.getString("sf_org_id") + "/" + rs.getString("sf_user_id");
        Timestamp issued = rs.getTimestamp("token_issued_at");
        return new Credentials(cipher.decrypt(rs.getBytes("access_token_enc"), aad),
                cipher.decrypt(rs.getBytes("refresh_token_enc"), aad), instance, identity,
                issued == null ? null : issued.toInstant(), null);
    }

    private static final String SELECT_VIEW = """
            select id, integration_id, direction, login_host, instance_url, sf_org_id, sf_user_id, sf_username,
                   authorized_by_email, authorized_at, health, last_success_at, last_failure_at, last_used_at
            from salesforce_connection""";

    private static ConnectionView view(ResultSet rs, int n) throws SQLException {
        return new ConnectionView(rs.getObject("id", UUID.class), rs.getObject("integration_id", UUID.class),
                rs.getString("direction"), rs.getString("login_host"), rs.getString("instance_url"), rs.getString("sf_org_id"),
                rs.getString("sf_user_id"), rs.getString("sf_username"), rs.getString("authorized_by_email"),
                instant(rs, "authorized_at"), ConnectionHealth.valueOf(rs.getString("health")), instant(rs, "last_success_at"),
                instant(rs, "last_failure_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
