package dev.crosswalk.app.connection;

import dev.crosswalk.app.system.SecretCipher;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Started OAuth round trips. A state is consumed once, atomically, only while fresh, and only by
 * the member who started it (another Admin of the same organization cannot finish it).
 */
@Repository
class OAuthFlowRepository {
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    record Flow(String state, UUID organizationId, UUID memberId, UUID integrationId, String loginHost, String redirectUri,
            String codeVerifier, boolean replaceOrg, String name, AuthorizationPurpose purpose) {
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    OAuthFlowRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Flow f, Instant now) {
        jdbc.sql("""
                insert into oauth_flow (state, organization_id, member_id, integration_id, login_host, redirect_uri,
                    code_verifier_enc, replace_org, name, purpose, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.state(), f.organizationId(), f.memberId(), f.integrationId(), f.loginHost(), f.redirectUri(),
                        cipher.encrypt(f.codeVerifier(), f.state()), f.replaceOrg(), f.name(), f.purpose().name(),
                        Timestamp.from(now))
                .update();
    }

    /** Forgets round trips older than {@link #MAX_AGE}: used or not, they can no longer be completed. */
    int purge(Instant now) {
        return jdbc.sql("delete from oauth_flow where created_at <= ?").param(Timestamp.from(now.minus(MAX_AGE))).update();
    }

    /**
     * Marks the state used and returns its flow; empty if unknown, already used, expired, another
     * organization's or another member's.
     */
    Optional<Flow> consume(String state, UUID organizationId, UUID memberId, Instant now) {
        return jdbc.sql("""
                update oauth_flow set consumed_at = ?
                where state = ? and organization_id = ? and member_id = ? and consumed_at is null and created_at > ?
                returning state, organization_id, member_id, integration_id, login_host, redirect_uri, code_verifier_enc,
                          replace_org, name, purpose""")
                .params(Timestamp.from(now), state, organizationId, memberId, Timestamp.from(now.minus(MAX_AGE)))
                .query((rs, n) -> new Flow(rs.getString("state"), rs.getObject("organization_id", UUID.class),
                        rs.getObject("member_id", UUID.class), rs.getObject("integration_id", UUID.class),
                        rs.getString("login_host"), rs.getString("redirect_uri"),
                        cipher.decrypt(rs.getBytes("code_verifier_enc"), rs.getString("state")), rs.getBoolean("replace_org"),
                        rs.getString("name"), AuthorizationPurpose.valueOf(rs.getString("purpose"))))
                .optional();
    }
}
