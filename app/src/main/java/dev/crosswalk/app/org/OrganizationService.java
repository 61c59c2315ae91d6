package dev.crosswalk.app.org;

import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations and their members: the org feature's public service. */
@Service
public class OrganizationService {
    private final MemberRepository repository;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganizationService(MemberRepository repository, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** A new organization with its first Admin. */
    @Transactional
    public Member createOrganization(String name, String adminEmail, String adminName, String password) {
        requireText(name, "name");
        Organization org = new Organization(UUID.randomUUID(), name.trim(), clock.instant());
        repository.insertOrganization(org);
        return insertMember(org.id(), adminEmail, adminName, password, Role.ADMIN);
    }

    @Transactional
    public Member addMember(MemberPrincipal actor, String email, String name, String password, Role role) {
        requireAdmin(actor);
        return insertMember(actor.organizationId(), email, name, password, role);
    }

    public Optional<Organization> organization(UUID id) {
        return repository.organization(id);
    }

    public List<Organization> organizations() {
        return repository.organizations();
    }

    public boolean hasAnyOrganization() {
        return repository.organizationCount() > 0;
    }

    public List<Member> members(MemberPrincipal actor) {
        return repository.members(actor.organizationId());
    }

    public Optional<Member> member(UUID organizationId, UUID memberId) {
        return repository.member(organizationId, memberId);
    }

    @Transactional
    public Member changeRole(MemberPrincipal actor, UUID memberId, Role role) {
        requireAdmin(actor);
        Member m = repository.member(actor.organizationId(), memberId).orElseThrow(() -> CrosswalkException.notFound("Member"));
        if (m.role() == Role.ADMIN && role != Role.ADMIN && repository.adminCount(actor.organizationId()) <= 1) {
            throw CrosswalkException.of(ErrorCode.LAST_ADMIN, "Make someone else an Admin first");
        }
        repository.updateRole(actor.organizationId(), memberId, role);
        events.publishEvent(new MemberChanged(actor.organizationId(), memberId, m.email(), role, false));
        return new Member(m.id(), m.organizationId(), m.email(), m.displayName(), role, m.createdAt());
    }

    @Transactional
    public void removeMember(MemberPrincipal actor, UUID memberId) {
        requireAdmin(actor);
        Member m = repository.member(actor.organizationId(), memberId).orElseThrow(() -> CrosswalkException.notFound("Member"));
        if (m.role() == Role.ADMIN && repository.adminCount(actor.organizationId()) <= 1) {
            throw CrosswalkException.of(ErrorCode.LAST_ADMIN, "An organization needs at least one Admin");
        }
        repository.delete(actor.organizationId(), memberId);
        events.publishEvent(new MemberChanged(actor.organizationId(), memberId, m.email(), null, true));
    }

    public static void requireAdmin(MemberPrincipal actor) {
        if (!actor.isAdmin()) {
            throw CrosswalkException.forbidden("Only an Admin of the organization can do this");
        }
    }

    private Member insertMember(UUID orgId, String email, String name, String password, Role role) {
        requireText(email, "email");
        if (!email.contains("@")) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "email: not an email address");
        }
        if (password == null || password.length() < 8) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "password: at least 8 characters");
        }
        if (repository.emailTaken(email)) {
            throw CrosswalkException.of(ErrorCode.EMAIL_TAKEN, email + " already has an account");
        }
        Member m = new Member(UUID.randomUUID(), orgId, email.trim(), name == null || name.isBlank() ? email.trim() : name.trim(),
                role, clock.instant());
        repository.insertMember(m, passwords.encode(password));
        return m;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, field + ": must not be blank");
        }
    }
}
