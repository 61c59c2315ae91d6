package dev.crosswalk.app.connection;

import dev.crosswalk.app.system.SecretCipher;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Started OAuth round trips. A state is consumed once, atomically, and only while fresh. */
@Repository
class OAuthFlowRepository {
    static final Duration MAX_AGE = Duration.ofMinutes(15);

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

    /** Marks the state used and returns its flow; empty if unknown, already used, expired or another organization's. */
    Optional<Flow> consume(String state, UUID organizationId, Instant now) {
        return jdbc.sql("""
                update oauth_flow set consumed_at = ?
                where state = ? and organization_id = ? and consumed_at is null and created_at > ?
                returning state, organization_id, member_id, integration_id, login_host, redirect_uri, code_verifier_enc,
                          replace_org, name, purpose""")
                .params(Timestamp.from(now), state, organizationId, Timestamp.from(now.minus(MAX_AGE)))
                .query((rs, n) -> new Flow(rs.getString("state"), rs.getObject("organization_id", UUID.class),
                        rs.getObject("member_id", UUID.class), rs.getObject("integration_id", UUID.class),
                        rs.getString("login_host"), rs.getString("redirect_uri"),
                        cipher.decrypt(rs.getBytes("code_verifier_enc"), rs.getString("state")), rs.getBoolean("replace_org"),
                        rs.getString("name"), AuthorizationPurpose.valueOf(rs.getString("purpose"))))
                .optional();
    }
}
