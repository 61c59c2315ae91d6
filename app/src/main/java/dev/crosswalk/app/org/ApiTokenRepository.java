package dev.crosswalk.app.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens in SQL: stored by SHA-256 only, every query scoped by organization except the lookup by hash. */
@Repository
class ApiTokenRepository {
    private static final String SELECT = """
            select t.id, t.member_id, m.email, t.name, t.hint, t.created_at, t.expires_at, t.last_used_at
            from api_token t join member m on m.id = t.member_id""";

    /** What a bearer request resolves to: the token's member as it is now, and when the token was last used. */
    record Resolved(UUID tokenId, MemberPrincipal member, Instant expiresAt, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiToken t, UUID organizationId, byte[] hash) {
        jdbc.sql("""
                insert into api_token (id, organization_id, member_id, name, token_hash, hint, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), organizationId, t.memberId(), t.name(), hash, t.hint(), Timestamp.from(t.createdAt()),
                        t.expiresAt() == null ? null : Timestamp.from(t.expiresAt()))
                .update();
    }

    /** The member is re-read with the token (one join), so a role change applies to the next request. */
    Optional<Resolved> byHash(byte[] hash) {
        return jdbc.sql("""
                select t.id, t.expires_at, t.last_used_at, m.id as member_id, m.organization_id, m.email, m.role
                from api_token t join member m on m.id = t.member_id and m.organization_id = t.organization_id
                where t.token_hash = ?""")
                .param(hash)
                .query((rs, n) -> new Resolved(rs.getObject("id", UUID.class),
                        new MemberPrincipal(rs.getObject("member_id", UUID.class), rs.getObject("organization_id", UUID.class),
                                rs.getString("email"), Role.valueOf(rs.getString("role")), null),
                        instant(rs, "expires_at"), instant(rs, "last_used_at")))
                .optional();
    }

    void touch(UUID tokenId, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ?").params(Timestamp.from(now), tokenId).update();
    }

    List<ApiToken> ofMember(UUID organizationId, UUID memberId) {
        return jdbc.sql(SELECT + " where t.organization_id = ? and t.member_id = ? order by t.created_at")
                .params(organizationId, memberId).query(ApiTokenRepository::token).list();
    }

    List<ApiToken> ofOrganization(UUID organizationId) {
        return jdbc.sql(SELECT + " where t.organization_id = ? order by m.email, t.created_at")
                .param(organizationId).query(ApiTokenRepository::token).list();
    }

    Optional<ApiToken> find(UUID organizationId, UUID tokenId) {
        return jdbc.sql(SELECT + " where t.organization_id = ? and t.id = ?").params(organizationId, tokenId)
                .query(ApiTokenRepository::token).optional();
    }

    long countOfMember(UUID organizationId, UUID memberId) {
        return jdbc.sql("select count(*) from api_token where organization_id = ? and member_id = ?")
                .params(organizationId, memberId).query(Long.class).single();
    }

    int delete(UUID organizationId, UUID tokenId) {
        return jdbc.sql("delete from api_token where organization_id = ? and id = ?").params(organizationId, tokenId).update();
    }

    private static ApiToken token(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class), rs.getString("email"),
                rs.getString("name"), rs.getString("hint"), rs.getTimestamp("created_at").toInstant(), instant(rs, "expires_at"),
                instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
