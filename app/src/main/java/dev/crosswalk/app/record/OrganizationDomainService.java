package dev.crosswalk.app.record;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The domains an organization owns ({@code organization_domain}): a multi-domain company
 * (acme.com, acme.co.uk, acme-labs.io) declares them once. They describe the organization
 * itself, not its CRM records:
 * <ul>
 * <li>partners invite it by any of them ({@link #organizationOwning});
 * <li>a record on one of them, in its own CRM or a partner's, is the organization itself (its
 *     own employees as leads, the partner's account for it), not a shared prospect or
 *     customer: the overlap engine should leave those out of overlaps between the two.
 * </ul>
 * Stored as registrable domains; a domain belongs to at most one organization (first claim
 * wins, 409 after; there is no DNS verification yet).
 */
@Service
public class OrganizationDomainService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MatchKeys keys = MatchKeys.standard();

    OrganizationDomainService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record OwnedDomain(String domain, Instant createdAt) {
    }

    public List<OwnedDomain> domains(UUID organizationId) {
        return jdbc.sql("select domain, created_at from organization_domain where organization_id = ? order by domain")
                .param(organizationId)
                .query((rs, n) -> new OwnedDomain(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** The organization owning a domain, given as a domain, URL or email address (its registrable domain counts). */
    public Optional<UUID> organizationOwning(String domainUrlOrEmail) {
        return canonical(domainUrlOrEmail).key()
                .flatMap(d -> jdbc.sql("select organization_id from organization_domain where domain = ?").param(d)
                        .query(UUID.class).optional());
    }

    /** Admins: claims a domain for the organization (idempotent); returns the stored registrable domain. */
    @Transactional
    public OwnedDomain add(MemberPrincipal me, String domainUrlOrEmail) {
        OrganizationService.requireAdmin(me);
        KeyResult key = canonical(domainUrlOrEmail);
        String domain = key.key().orElseThrow(() -> CrosswalkException.of(ErrorCode.VALIDATION_FAILED,
                "'" + domainUrlOrEmail + "' gives no domain: " + key.reason().description() + " (" + key.reason() + ")"));
        Instant now = clock.instant();
        jdbc.sql("insert into organization_domain (domain, organization_id, created_at, created_by_member) values (?, ?, ?, ?)"
                        + " on conflict (domain) do nothing")
                .params(domain, me.organizationId(), Timestamp.from(now), me.memberId()).update();
        return jdbc.sql("select organization_id, created_at from organization_domain where domain = ?").param(domain)
                .query((rs, n) -> {
                    if (!rs.getObject(1, UUID.class).equals(me.organizationId())) {
                        throw CrosswalkException.of(ErrorCode.CONFLICT, domain + " is already claimed by another organization");
                    }
                    return new OwnedDomain(domain, rs.getTimestamp(2).toInstant());
                })
                .single();
    }

    /** Admins: releases a domain of the organization. */
    @Transactional
    public void remove(MemberPrincipal me, String domain) {
        OrganizationService.requireAdmin(me);
        String d = canonical(domain).key().orElse(domain);
        int n = jdbc.sql("delete from organization_domain where organization_id = ? and domain = ?")
                .params(me.organizationId(), d).update();
        if (n == 0) {
            throw CrosswalkException.notFound("Domain " + d);
        }
    }

    private KeyResult canonical(String value) {
        if (value != null && value.contains("@") && !value.contains("://")) {
            return keys.email(value);
        }
        return keys.website(value);
    }
}
