package dev.crosswalk.app.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organizations and members in SQL. Every member query is scoped by organization, except login by email. */
@Repository
class MemberRepository {
    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertOrganization(Organization org) {
        jdbc.sql("insert into organization (id, name, created_at) values (?, ?, ?)")
                .params(org.id(), org.name(), java.sql.Timestamp.from(org.createdAt())).update();
    }

    Optional<Organization> organization(UUID id) {
        return jdbc.sql("select id, name, created_at from organization where id = ?").param(id)
                .query((rs, n) -> new Organization(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    List<Organization> organizations() {
        return jdbc.sql("select id, name, created_at from organization order by created_at")
                .query((rs, n) -> new Organization(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    long organizationCount() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single();
    }

    void insertMember(Member m, String passwordHash) {
        jdbc.sql("""
                insert into member (id, organization_id, email, display_name, password_hash, role, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.organizationId(), m.email(), m.displayName(), passwordHash, m.role().name(),
                        java.sql.Timestamp.from(m.createdAt()))
                .update();
    }

    Optional<MemberPrincipal> principalByEmail(String email) {
        return jdbc.sql("select id, organization_id, email, role, password_hash from member where lower(email) = lower(?)")
                .param(email)
                .query((rs, n) -> new MemberPrincipal(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                        rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getString("password_hash")))
                .optional();
    }

    /** The member as it is now, without the password hash: what a session or a token request acts as. */
    Optional<MemberPrincipal> principalById(UUID memberId) {
        return jdbc.sql("select id, organization_id, email, role from member where id = ?")
                .param(memberId)
                .query((rs, n) -> new MemberPrincipal(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                        rs.getString("email"), Role.valueOf(rs.getString("role")), null))
                .optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from member where lower(email) = lower(?)").param(email).query(Long.class).single() > 0;
    }

    List<Member> members(UUID organizationId) {
        return jdbc.sql(SELECT + " where organization_id = ? order by created_at").param(organizationId)
                .query(MemberRepository::member).list();
    }

    Optional<Member> member(UUID organizationId, UUID memberId) {
        return jdbc.sql(SELECT + " where organization_id = ? and id = ?").params(organizationId, memberId)
                .query(MemberRepository::member).optional();
    }

    int updateRole(UUID organizationId, UUID memberId, Role role) {
        return jdbc.sql("update member set role = ? where organization_id = ? and id = ?")
                .params(role.name(), organizationId, memberId).update();
    }

    int delete(UUID organizationId, UUID memberId) {
        return jdbc.sql("delete from member where organization_id = ? and id = ?").params(organizationId, memberId).update();
    }

    long adminCount(UUID organizationId) {
        return jdbc.sql("select count(*) from member where organization_id = ? and role = 'ADMIN'")
                .param(organizationId).query(Long.class).single();
    }

    private static final String SELECT = "select id, organization_id, email, display_name, role, created_at from member";

    private static Member member(ResultSet rs, int n) throws SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("email"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getTimestamp("created_at").toInstant());
    }
}
