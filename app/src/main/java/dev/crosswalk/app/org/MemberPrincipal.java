package dev.crosswalk.app.org;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member. Controllers take it with {@code @AuthenticationPrincipal} and scope
 * every query by {@link #organizationId()}.
 */
public record MemberPrincipal(UUID memberId, UUID organizationId, String email, Role role, String passwordHash)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** The same member without the password hash, which has no business in a session. */
    public MemberPrincipal withoutPassword() {
        return new MemberPrincipal(memberId, organizationId, email, role, null);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public String toString() {
        // Never print the hash.
        return "MemberPrincipal[" + email + ", " + role + "]";
    }
}
