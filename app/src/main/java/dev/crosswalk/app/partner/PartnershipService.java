package dev.crosswalk.app.partner;

import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.org.OrganizationService;
import dev.crosswalk.app.record.OrganizationDomainService;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partnerships, dual opt-in: invite, accept, decline, revoke. The partner feature's public service
 * for partnerships. Only Admins change anything; every read is scoped to the asker's organization.
 */
@Service
public class PartnershipService {
    private final PartnershipRepository repository;
    private final OrganizationDomainService domains;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PartnershipService(PartnershipRepository repository, OrganizationDomainService domains, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.domains = domains;
        this.events = events;
        this.clock = clock;
    }

    /** A partnership as one side sees it: who the partner is and who still has to act. */
    public record View(UUID id, UUID partnerOrganizationId, String partnerName, PartnershipStatus status, boolean invitedByMe,
            boolean awaitingMyResponse, boolean myNameMatching, boolean partnerNameMatching, boolean nameMatching,
            Instant createdAt, Instant respondedAt, Instant revokedAt) {
    }

    /** Invite by exact organization name or by a domain its members sign in with. */
    @Transactional
    public View invite(MemberPrincipal me, String nameOrDomain) {
        OrganizationService.requireAdmin(me);
        if (nameOrDomain == null || nameOrDomain.isBlank()) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "partner: give an organization name or domain");
        }
        List<PartnershipRepository.OrgRef> found = repository.organizationsNamed(nameOrDomain);
        if (found.isEmpty() && nameOrDomain.contains(".") && !nameOrDomain.contains(" ")) {
            // A domain the organization declared it owns, else one its members sign in with.
            found = domains.organizationOwning(nameOrDomain.trim()).map(id -> List.of(new PartnershipRepository.OrgRef(id, null)))
                    .orElseGet(() -> repository.organizationsWithDomain(nameOrDomain.trim().replaceFirst("^@", "")));
        }
        found = found.stream().filter(o -> !o.id().equals(me.organizationId())).toList();
        if (found.isEmpty()) {
            throw CrosswalkException.notFound("An organization named or at '" + nameOrDomain.trim() + "'");
        }
        if (found.size() > 1) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "Several organizations match '" + nameOrDomain.trim()
                    + "'; invite by domain instead");
        }
        UUID partner = found.get(0).id();
        if (repository.live(me.organizationId(), partner).isPresent()) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "There is already a pending or active partnership with this organization");
        }
        Partnership p = new Partnership(UUID.randomUUID(), me.organizationId(), partner, PartnershipStatus.PENDING, false, false,
                clock.instant(), null, null, 0);
        repository.insert(p, me.memberId());
        return view(me.organizationId(), p);
    }

    public List<View> list(MemberPrincipal me) {
        return repository.forOrganization(me.organizationId()).stream().map(p -> view(me.organizationId(), p)).toList();
    }

    public View get(MemberPrincipal me, UUID id) {
        return view(me.organizationId(), find(me.organizationId(), id));
    }

    /** Scoped lookup: 404 for a partnership the organization is not part of. */
    public Partnership find(UUID organizationId, UUID id) {
        return repository.find(organizationId, id).orElseThrow(() -> CrosswalkException.notFound("Partnership"));
    }

    public Optional<Partnership> findAny(UUID id) {
        return repository.findAny(id);
    }

    public List<Partnership> activeFor(UUID organizationId) {
        return repository.activeFor(organizationId);
    }

    public List<Partnership> allFor(UUID organizationId) {
        return repository.forOrganization(organizationId);
    }

    @Transactional
    public View accept(MemberPrincipal me, UUID id) {
        return respond(me, id, PartnershipStatus.ACCEPTED);
    }

    @Transactional
    public View decline(MemberPrincipal me, UUID id) {
        return respond(me, id, PartnershipStatus.DECLINED);
    }

    private View respond(MemberPrincipal me, UUID id, PartnershipStatus to) {
        OrganizationService.requireAdmin(me);
        Partnership p = find(me.organizationId(), id);
        if (p.status() != PartnershipStatus.PENDING) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "The partnership is " + p.status() + ", not pending");
        }
        if (!p.inviteeOrgId().equals(me.organizationId())) {
            throw CrosswalkException.forbidden("Only the invited organization can accept or decline");
        }
        transition(p, to, clock.instant(), null, null);
        return get(me, id);
    }

    /** Either side ends a pending or active partnership; sharing stops at once (reports check the status). */
    @Transactional
    public View revoke(MemberPrincipal me, UUID id) {
        OrganizationService.requireAdmin(me);
        Partnership p = find(me.organizationId(), id);
        if (p.status() != PartnershipStatus.PENDING && p.status() != PartnershipStatus.ACCEPTED) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "The partnership is already " + p.status());
        }
        transition(p, PartnershipStatus.REVOKED, null, clock.instant(), me.organizationId());
        return get(me, id);
    }

    @Transactional
    public View setNameMatching(MemberPrincipal me, UUID id, boolean on) {
        OrganizationService.requireAdmin(me);
        Partnership p = find(me.organizationId(), id);
        if (repository.setNameMatching(id, p.version(), p.inviterOrgId().equals(me.organizationId()), on) != 1) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "The partnership changed meanwhile; reload and try again");
        }
        events.publishEvent(new PartnershipChanged(id, p.status(), true));
        return get(me, id);
    }

    private void transition(Partnership p, PartnershipStatus to, Instant respondedAt, Instant revokedAt, UUID revokedBy) {
        if (repository.transition(p.id(), p.version(), to, respondedAt, revokedAt, revokedBy) != 1) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "The partnership changed meanwhile; reload and try again");
        }
        events.publishEvent(new PartnershipChanged(p.id(), to, false));
    }

    private View view(UUID me, Partnership p) {
        UUID partner = p.partnerOf(me);
        boolean inviter = p.inviterOrgId().equals(me);
        return new View(p.id(), partner, repository.organizationName(partner).orElse("(deleted organization)"), p.status(), inviter,
                !inviter && p.status() == PartnershipStatus.PENDING, inviter ? p.inviterNameMatching() : p.inviteeNameMatching(),
                inviter ? p.inviteeNameMatching() : p.inviterNameMatching(), p.nameMatching(), p.createdAt(), p.respondedAt(),
                p.revokedAt());
    }
}
