package dev.crosswalk.app.org;

import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for scripts: created and revoked by their member (an Admin may revoke any
 * token of the organization), shown once, stored as SHA-256 only. A bearer request costs one hash
 * and one indexed lookup, instead of the bcrypt check HTTP Basic paid on every request.
 */
@Service
public class ApiTokenService {
    public static final String PREFIX = "cw_pat_";
    static final int MAX_TOKENS_PER_MEMBER = 50;
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_EXPIRY_DAYS = 3650;
    /** last_used_at is written at most this often per token, so a busy script does not turn every GET into a write. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final int SECRET_BYTES = 32;
    private static final int HINT_CHARS = 4;

    private final ApiTokenRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A token just created: {@code secret} is the only time the token is ever shown. */
    public record CreatedToken(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "CreatedToken[" + token.hint() + "]";
        }
    }

    /** A new token for the actor itself; {@code expiresInDays} null means it does not expire. */
    @Transactional
    public CreatedToken create(MemberPrincipal actor, String name, Integer expiresInDays) {
        if (name == null || name.isBlank()) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "name: must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED,
                    "name: at most " + MAX_NAME_LENGTH + " characters, no control characters");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS)) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "expiresInDays: between 1 and " + MAX_EXPIRY_DAYS);
        }
        if (repository.countOfMember(actor.organizationId(), actor.memberId()) >= MAX_TOKENS_PER_MEMBER) {
            throw CrosswalkException.of(ErrorCode.API_TOKEN_LIMIT,
                    "You have " + MAX_TOKENS_PER_MEMBER + " API tokens; revoke one you no longer use first");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String secret = PREFIX + body;
        Instant now = clock.instant();
        ApiToken token = new ApiToken(UUID.randomUUID(), actor.memberId(), actor.email(), name.trim(),
                PREFIX + body.substring(0, HINT_CHARS) + "…", now,
                expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays)), null);
        repository.insert(token, actor.organizationId(), sha256(secret));
        return new CreatedToken(token, secret);
    }

    /** The actor's own tokens. */
    public List<ApiToken> mine(MemberPrincipal actor) {
        return repository.ofMember(actor.organizationId(), actor.memberId());
    }

    /** Every token of the organization, with its member (Admins only: the Team page). */
    public List<ApiToken> organization(MemberPrincipal actor) {
        OrganizationService.requireAdmin(actor);
        return repository.ofOrganization(actor.organizationId());
    }

    /** Revokes at once: the next request with it is 401. Members revoke their own; Admins any of the organization. */
    @Transactional
    public void revoke(MemberPrincipal actor, UUID tokenId) {
        ApiToken token = repository.find(actor.organizationId(), tokenId)
                .filter(t -> actor.isAdmin() || t.memberId().equals(actor.memberId()))
                .orElseThrow(() -> CrosswalkException.notFound("API token"));
        repository.delete(actor.organizationId(), token.id());
    }

    /** The member a bearer token stands for, as the member is now; empty if malformed, unknown, revoked or expired. */
    Optional<MemberPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return repository.byHash(sha256(secret))
                .filter(r -> r.expiresAt() == null || now.isBefore(r.expiresAt()))
                .map(r -> {
                    if (r.lastUsedAt() == null || !r.lastUsedAt().plus(LAST_USED_RESOLUTION).isAfter(now)) {
                        repository.touch(r.tokenId(), now);
                    }
                    return r.member();
                });
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
