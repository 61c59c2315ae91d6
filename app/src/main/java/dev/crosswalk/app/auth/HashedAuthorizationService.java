package dev.crosswalk.app.auth;

import org.springframework.transaction.support.TransactionOperations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Spring's JDBC authorization store with token values kept as SHA-256 digests: authorization
 * codes, access and refresh tokens never reach PostgreSQL in plaintext (tokens are secrets at rest,
 * like every other credential here). A lookup digests the presented value and puts it back into
 * the authorization it finds, so the server's providers (refresh, revocation, introspection) see
 * the token they were given; the other tokens of that authorization stay digests, which nothing
 * needs. The signed-in member is stored as a plain name + authorities token, so no Crosswalk type
 * has to be allow-listed for Jackson and no password hash is ever serialized.
 */
final class HashedAuthorizationService implements OAuth2AuthorizationService {
    private static final String PREFIX = "sha256:";

    /** The consent step's state is the lookup key of a pending request (bound to the session), not a client credential: kept as is. */
    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
    private static final List<Class<? extends OAuth2Token>> TYPES =
            List.of(OAuth2AuthorizationCode.class, OAuth2AccessToken.class, OAuth2RefreshToken.class);

    private final OAuth2AuthorizationService delegate;
    private final TransactionOperations tx;

    /**
     * Every call runs in one transaction ({@code tx}): Spring's JDBC store maps each row by looking up its registered
     * client with a second query while the first one's connection is still open. Outside a transaction each query takes
     * its own connection from the pool, so as many concurrent package API calls as the pool has connections each held
     * one and waited for a second — every call stalled until the pool's timeout (what made P6's record-page calls fail).
     * In a transaction both queries share the call's one connection.
     */
    HashedAuthorizationService(OAuth2AuthorizationService delegate, TransactionOperations tx) {
        this.delegate = delegate;
        this.tx = tx;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        tx.executeWithoutResult(s -> delegate.save(sealed(authorization)));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        tx.executeWithoutResult(s -> delegate.remove(authorization));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return tx.execute(s -> delegate.findById(id));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null) {
            return null;
        }
        if (STATE.equals(tokenType)) {
            return tx.execute(s -> delegate.findByToken(token, tokenType));
        }
        String digest = digest(token);
        OAuth2Authorization found = tx.execute(s -> delegate.findByToken(digest, tokenType));
        return found == null ? null : restored(found, digest, token);
    }

    static String digest(String value) {
        if (value.startsWith(PREFIX)) {
            return value;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OAuth2Authorization sealed(OAuth2Authorization a) {
        OAuth2Authorization.Builder b = OAuth2Authorization.from(a);
        for (Class<? extends OAuth2Token> type : TYPES) {
            OAuth2Authorization.Token<? extends OAuth2Token> t = a.getToken(type);
            if (t != null && !t.getToken().getTokenValue().startsWith(PREFIX)) {
                b.token(withValue(t.getToken(), digest(t.getToken().getTokenValue())), copyOf(t.getMetadata()));
            }
        }
        Object principal = a.getAttribute(Principal.class.getName());
        if (principal instanceof Authentication auth && !(auth.getPrincipal() instanceof String)) {
            b.attribute(Principal.class.getName(),
                    UsernamePasswordAuthenticationToken.authenticated(auth.getName(), null, auth.getAuthorities()));
        }
        return b.build();
    }

    private static OAuth2Authorization restored(OAuth2Authorization a, String digest, String plain) {
        for (Class<? extends OAuth2Token> type : TYPES) {
            OAuth2Authorization.Token<? extends OAuth2Token> t = a.getToken(type);
            if (t != null && t.getToken().getTokenValue().equals(digest)) {
                return OAuth2Authorization.from(a).token(withValue(t.getToken(), plain), copyOf(t.getMetadata())).build();
            }
        }
        return a;
    }

    private static Consumer<Map<String, Object>> copyOf(Map<String, Object> metadata) {
        Map<String, Object> copy = new HashMap<>(metadata);
        return m -> {
            m.clear();
            m.putAll(copy);
        };
    }

    private static OAuth2Token withValue(OAuth2Token t, String value) {
        if (t instanceof OAuth2AccessToken at) {
            return new OAuth2AccessToken(at.getTokenType(), value, at.getIssuedAt(), at.getExpiresAt(), at.getScopes());
        }
        if (t instanceof OAuth2RefreshToken) {
            return new OAuth2RefreshToken(value, t.getIssuedAt(), t.getExpiresAt());
        }
        if (t instanceof OAuth2AuthorizationCode) {
            return new OAuth2AuthorizationCode(value, t.getIssuedAt(), t.getExpiresAt());
        }
        throw new IllegalArgumentException("unexpected token type " + t.getClass().getName());
    }
}
