package dev.crosswalk.app.org;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by a personal API token. Before authentication it carries the secret
 * from the {@code Authorization: Bearer} header; after, the member the token belongs to (re-read
 * on every request), and no secret.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {
    private final transient MemberPrincipal member;
    private transient String secret;

    private ApiTokenAuthentication(MemberPrincipal member, String secret) {
        super(member == null ? List.of() : member.getAuthorities());
        this.member = member;
        this.secret = secret;
        super.setAuthenticated(member != null);
    }

    static ApiTokenAuthentication unauthenticated(String secret) {
        return new ApiTokenAuthentication(null, secret);
    }

    static ApiTokenAuthentication authenticated(MemberPrincipal member) {
        return new ApiTokenAuthentication(member, null);
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return member;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("only the API token provider authenticates a token");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        secret = null;
        super.eraseCredentials();
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "ApiTokenAuthentication[" + (member == null ? "unauthenticated" : member.email()) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
