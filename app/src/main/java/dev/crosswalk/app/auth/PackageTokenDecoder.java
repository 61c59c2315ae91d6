package dev.crosswalk.app.auth;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Component;

/**
 * Accepts only access tokens this server issued and still stands by: signed with one of its keys
 * (from PostgreSQL, so any node verifies what any node signed), not expired, carrying Crosswalk's
 * binding claims, and still active in the authorization store, so a revocation (RFC 7009, "revoke
 * all", a replayed code) stops the package API at once rather than at the token's expiry.
 *
 * <p>The store is asked directly, by the token's digest, for the two facts that matter (expiry and
 * the invalidated flag Spring's store keeps in the token's metadata): loading the whole authorization
 * through {@link OAuth2AuthorizationService} parses its JSON attributes and re-reads the registered
 * client, which cost the record page more CPU than everything else in the call (P6 profile).
 */
@Component
class PackageTokenDecoder implements JwtDecoder {
    private final NimbusJwtDecoder signatures;
    private final JdbcClient jdbc;

    PackageTokenDecoder(SigningKeys keys, JdbcClient jdbc, @Value("${crosswalk.outbound.issuer:}") String issuer) {
        this.signatures = NimbusJwtDecoder.withJwkSource(keys.verifying()).build();
        OAuth2TokenValidator<Jwt> validity = issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
        this.signatures.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(validity)));
        this.jdbc = jdbc;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = signatures.decode(token);
        if (jwt.getClaimAsString("org") == null || jwt.getClaimAsString("sf_org") == null) {
            throw new BadJwtException("not an Outbound access token");
        }
        if (!active(token)) {
            throw new BadJwtException("the access token was revoked");
        }
        return jwt;
    }

    /** What {@code OAuth2Authorization.Token.isActive()} decides (not invalidated, not expired), read without loading the authorization. */
    private boolean active(String token) {
        return jdbc.sql("""
                        select access_token_expires_at > now()
                               and coalesce(cast(access_token_metadata as jsonb) ->> ?, 'false') <> 'true'
                          from oauth2_authorization
                         where access_token_value = ?""")
                .params(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, HashedAuthorizationService.digest(token))
                .query(Boolean.class).optional().orElse(false);
    }
}
