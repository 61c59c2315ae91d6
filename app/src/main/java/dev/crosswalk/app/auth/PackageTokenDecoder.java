package dev.crosswalk.app.auth;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Key;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Accepts only access tokens this server issued and still stands by: signed with one of its keys
 * (from PostgreSQL, so any node verifies what any node signed), not expired, carrying Crosswalk's
 * binding claims, and still active in the authorization store, so a revocation (RFC 7009, "revoke
 * all", a replayed code) stops the package API at once rather than at the token's expiry.
 *
 * <p>The store is asked directly, by the token's digest, for the two facts that matter (expiry and
 * the invalidated flag Spring's store keeps in the token's metadata), together with the client's
 * binding, in one query: loading the whole authorization through Spring's authorization service parses
 * its JSON attributes and re-reads the registered client, which cost the record page more CPU than
 * everything else in the call (P6 profile). The binding is left on the request for {@code PackageCalls},
 * which would otherwise read it again.
 *
 * <p>One call is the exception: the record page ({@code GET …/records/…}), the package's hot path, makes the same check
 * in its data statement instead ({@code PackageCalls.recordPage}), so it costs no round trip of its own; the store is
 * still asked on every call, so a revocation still stops its very next call, on every node.
 */
@Component
class PackageTokenDecoder implements JwtDecoder {
    /** The request attribute holding the {@link OutboundBinding} the token was admitted with. */
    static final String BINDING = OutboundBinding.class.getName();
    /**
     * The request attribute holding the digest of a record-page call's token, whose store check was left to that call's
     * statement (the one place it is not made here): only the record page's handler may honour it.
     */
    static final String DEFERRED_CHECK = PackageTokenDecoder.class.getName() + ".deferredCheck";
    private static final String RECORD_PAGE_PREFIX = PackageApiController.BASE + "/records/";
    /** Far above the live tokens one node sees (each lives minutes); past it the cache starts over rather than grow. */
    private static final int MAX_VERIFIED = 4_096;

    private final NimbusJwtDecoder signatures;
    private final OAuth2TokenValidator<Jwt> validity;
    private final OutboundClientRepository clients;
    /**
     * Tokens whose signature and claims were verified, by the digest of their value. Verifying again would give the same
     * answer (keys are retired, never deleted), so a hit only re-checks the time window ({@link #validity}); revocation is
     * never cached: every call still asks the store.
     */
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    PackageTokenDecoder(SigningKeys keys, OutboundClientRepository clients, @Value("${crosswalk.outbound.issuer:}") String issuer) {
        this.signatures = NimbusJwtDecoder.withJwkSource(keys.verifying())
                .jwtProcessorCustomizer(p -> p.setJWSKeySelector(new KnownKeys(p.getJWSKeySelector()))).build();
        this.validity = issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
        this.signatures.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(validity)));
        this.clients = clients;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String digest = HashedAuthorizationService.digest(token);
        Jwt jwt = verified(token, digest);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request instanceof ServletRequestAttributes servlet && isRecordPage(servlet.getRequest())) {
            // The record page checks the store in its own statement (PackageCalls.recordPage), saving a round trip per call
            // (P6). What it must check is left on the request: a handler that does not check refuses (PackageCalls.accept).
            request.setAttribute(DEFERRED_CHECK, digest, RequestAttributes.SCOPE_REQUEST);
            return jwt;
        }
        OutboundBinding binding = clients.byActiveAccessToken(digest)
                .orElseThrow(() -> new BadJwtException("the access token was revoked"));
        if (request != null) {
            request.setAttribute(BINDING, binding, RequestAttributes.SCOPE_REQUEST);
        }
        return jwt;
    }

    /** {@code GET …/records/…}: the record page's path, the one package API call whose statement checks the token itself. */
    static boolean isRecordPage(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return HttpMethod.GET.matches(request.getMethod()) && uri != null && context != null
                && uri.startsWith(RECORD_PAGE_PREFIX, context.length()) && uri.startsWith(context);
    }

    /**
     * The token verified (signature, time window, Crosswalk's claims): from the cache when this value was verified before,
     * with its time window checked again, so an expired token is refused whether or not it is cached.
     */
    private Jwt verified(String token, String digest) {
        Jwt known = verified.get(digest);
        // The value itself must match, not only its digest: digest() passes a value already in digest form through as is.
        if (known != null && known.getTokenValue().equals(token)) {
            if (validity.validate(known).hasErrors()) {
                verified.remove(digest);
                throw new BadJwtException("the access token expired");
            }
            return known;
        }
        Jwt jwt = signatures.decode(token);
        if (jwt.getClaimAsString("org") == null || jwt.getClaimAsString("sf_org") == null) {
            throw new BadJwtException("not an Outbound access token");
        }
        if (verified.size() >= MAX_VERIFIED) {
            verified.clear();
        }
        verified.put(digest, jwt);
        return jwt;
    }

    /**
     * The verification keys already converted from their JWK, per key id: converting on every call was a visible part of
     * its cost. Safe because keys are retired, never deleted, and a key id names one key; an unknown id asks the
     * delegate (which reads the database).
     */
    private static final class KnownKeys implements JWSKeySelector<SecurityContext> {
        private final JWSKeySelector<SecurityContext> delegate;
        private final Map<String, List<? extends Key>> byKeyId = new ConcurrentHashMap<>();

        KnownKeys(JWSKeySelector<SecurityContext> delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
            String kid = header.getKeyID();
            List<? extends Key> known = kid == null ? null : byKeyId.get(kid + "/" + header.getAlgorithm());
            if (known != null) {
                return known;
            }
            List<? extends Key> keys = delegate.selectJWSKeys(header, context);
            if (kid != null && !keys.isEmpty()) {
                byKeyId.put(kid + "/" + header.getAlgorithm(), List.copyOf(keys));
            }
            return keys;
        }
    }
}
