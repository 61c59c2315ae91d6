package dev.crosswalk.app.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PartnershipRepository {
    private static final String SELECT = """
            select id, inviter_org_id, invitee_org_id, status, inviter_name_matching, invitee_name_matching, created_at,
                   responded_at, revoked_at, version
            from partnership""";

    private final JdbcClient jdbc;

    PartnershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record OrgRef(UUID id, String name) {
    }

    List<OrgRef> organizationsNamed(String name) {
        return jdbc.sql("select id, name from organization where lower(name) = lower(?)").param(name.trim())
                .query((rs, n) -> new OrgRef(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** Organizations whose members sign in with an email at this domain. */
    List<OrgRef> organizationsWithDomain(String domain) {
        return jdbc.sql("""
                select distinct o.id, o.name from organization o join member m on m.organization_id = o.id
                where lower(split_part(m.email, '@', 2)) = lower(?)""").param(domain.trim())
                .query((rs, n) -> new OrgRef(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    Optional<String> organizationName(UUID id) {
        return jdbc.sql("select name from organization where id = ?").param(id).query(String.class).optional();
    }

    void insert(Partnership p, UUID invitedBy) {
        jdbc.sql("""
                insert into partnership (id, inviter_org_id, invitee_org_id, status, inviter_name_matching, invitee_name_matching,
                                         invited_by_member, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.inviterOrgId(), p.inviteeOrgId(), p.status().name(), p.inviterNameMatching(),
                        p.inviteeNameMatching(), invitedBy, Timestamp.from(p.createdAt()))
                .update();
    }

    /** The partnerships an organization is part of, newest first. */
    List<Partnership> forOrganization(UUID organizationId) {
        return jdbc.sql(SELECT + " where inviter_org_id = ? or invitee_org_id = ? order by created_at desc")
                .params(organizationId, organizationId).query(PartnershipRepository::map).list();
    }

    /** Scoped: a partnership the organization is not part of does not exist for it. */
    Optional<Partnership> find(UUID organizationId, UUID id) {
        return jdbc.sql(SELECT + " where id = ? and (inviter_org_id = ? or invitee_org_id = ?)").params(id, organizationId, organizationId)
                .query(PartnershipRepository::map).optional();
    }

    Optional<Partnership> findAny(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(PartnershipRepository::map).optional();
    }

    Optional<Partnership> live(UUID a, UUID b) {
        return jdbc.sql(SELECT + " " + """
                 where status in ('PENDING', 'ACCEPTED')
                   and ((inviter_org_id = ? and invitee_org_id = ?) or (inviter_org_id = ? and invitee_org_id = ?))""")
                .params(a, b, b, a).query(PartnershipRepository::map).optional();
    }

    List<Partnership> activeFor(UUID organizationId) {
        return jdbc.sql(SELECT + " where status = 'ACCEPTED' and (inviter_org_id = ? or invitee_org_id = ?)")
                .params(organizationId, organizationId).query(PartnershipRepository::map).list();
    }

    /** Optimistic transition: zero rows means the partnership changed since it was read. */
    int transition(UUID id, long version, PartnershipStatus to, Instant respondedAt, Instant revokedAt, UUID revokedBy) {
        return jdbc.sql("""
                update partnership set status = ?, responded_at = coalesce(?, responded_at), revoked_at = ?, revoked_by_org_id = ?,
                                       version = version + 1
                where id = ? and version = ?""")
                .params(to.name(), respondedAt == null ? null : Timestamp.from(respondedAt),
                        revokedAt == null ? null : Timestamp.from(revokedAt), revokedBy, id, version)
                .update();
    }

    int setNameMatching(UUID id, long version, boolean inviterSide, boolean on) {
        String column = inviterSide ? "inviter_name_matching" : "invitee_name_matching";
        return jdbc.sql("update partnership set " + column + " = ?, version = version + 1 where id = ? and version = ?")
                .params(on, id, version).update();
    }

    private static Partnership map(ResultSet rs, int n) throws SQLException {
        return new Partnership(rs.getObject("id", UUID.class), rs.getObject("inviter_org_id", UUID.class),
                rs.getObject("invitee_org_id", UUID.class), PartnershipStatus.valueOf(rs.getString("status")),
                rs.getBoolean("inviter_name_matching"), rs.getBoolean("invitee_name_matching"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("responded_at")),
                instant(rs.getTimestamp("revoked_at")), rs.getLong("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
