package dev.crosswalk.app.auth;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * Accepts only access tokens this server issued and still stands by: signed with one of its keys
 * (from PostgreSQL, so any node verifies what any node signed), not expired, carrying Crosswalk's
 * binding claims, and still active in the authorization store, so a revocation (RFC 7009, "revoke
 * all", a replayed code) stops the package API at once rather than at the token's expiry.
 */
@Component
class PackageTokenDecoder implements JwtDecoder {
    private final NimbusJwtDecoder signatures;
    private final OAuth2AuthorizationService authorizations;

    PackageTokenDecoder(SigningKeys keys, OAuth2AuthorizationService authorizations, @Value("${crosswalk.outbound.issuer:}") String issuer) {
        this.signatures = NimbusJwtDecoder.withJwkSource(keys).build();
        OAuth2TokenValidator<Jwt> validity = issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
        this.signatures.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(validity)));
        this.authorizations = authorizations;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = signatures.decode(token);
        if (jwt.getClaimAsString("org") == null || jwt.getClaimAsString("sf_org") == null) {
            throw new BadJwtException("not an Outbound access token");
        }
        OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
        if (authorization == null || authorization.getAccessToken() == null || !authorization.getAccessToken().isActive()) {
            throw new BadJwtException("the access token was revoked");
        }
        return jwt;
    }
}
