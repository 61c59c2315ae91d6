package dev.crosswalk.app.org;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How members prove who they are, for the security configuration in {@code system}: the form
 * login (people), personal API tokens (scripts), and the per-request re-read of a session's member.
 */
@Component
public class MemberSecurity {
    private static final String BEARER = "Bearer ";

    private final MemberRepository members;
    private final MemberDetailsService details;
    private final ApiTokenService tokens;
    private final PasswordEncoder passwords;

    MemberSecurity(MemberRepository members, MemberDetailsService details, ApiTokenService tokens, PasswordEncoder passwords) {
        this.members = members;
        this.details = details;
        this.tokens = tokens;
        this.passwords = passwords;
    }

    /** True when the request carries a bearer token: not forgeable by another site, so it needs no CSRF token. */
    public static boolean hasBearerToken(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /** Email and password, for the login form only. The principal kept in the session has no password hash. */
    public AuthenticationManager loginManager() {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(details);
        dao.setPasswordEncoder(passwords);
        AuthenticationProvider withoutHash = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                Authentication done = dao.authenticate(request);
                MemberPrincipal member = ((MemberPrincipal) done.getPrincipal()).withoutPassword();
                UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(member, null,
                        member.getAuthorities());
                result.setDetails(request.getDetails());
                return result;
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
        // No parent manager: nothing else may check a password behind this provider's back.
        return new ProviderManager(List.of(withoutHash));
    }

    /** Authenticates {@code Authorization: Bearer cw_pat_…}; a bad token answers through {@code invalidToken}. */
    public AuthenticationFilter apiTokenFilter(AuthenticationEntryPoint invalidToken) {
        AuthenticationProvider provider = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                String secret = (String) request.getCredentials();
                return tokens.authenticate(secret).map(ApiTokenAuthentication::authenticated)
                        .orElseThrow(() -> new BadCredentialsException("unknown, revoked or expired API token"));
            }

            @Override
            public boolean supports(Class<?> type) {
                return ApiTokenAuthentication.class.isAssignableFrom(type);
            }
        };
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(List.of(provider)),
                request -> hasBearerToken(request)
                        ? ApiTokenAuthentication.unauthenticated(request.getHeader("Authorization").substring(BEARER.length()).trim())
                        : null);
        filter.setSuccessHandler((request, response, auth) -> {
            // Stateless: the request goes on to its controller, nothing is stored in a session.
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(invalidToken));
        return filter;
    }

    /** Re-reads a signed-in browser's member on every request (role changes, removal). */
    public OncePerRequestFilter sessionMemberRefresh() {
        return new SessionMemberRefresh(members);
    }
}
