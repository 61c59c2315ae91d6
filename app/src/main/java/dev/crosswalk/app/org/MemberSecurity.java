package dev.crosswalk.app.org;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
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
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How members prove who they are, for the security configuration in {@code system}: the form
 * login (people), personal API tokens (scripts), and the per-request re-read of a session's member.
 */
@Component
public class MemberSecurity {
    private static final Logger LOG = LoggerFactory.getLogger(MemberSecurity.class);
    private static final String BEARER = "Bearer ";
    /** Request attribute: seconds until a throttled sign-in may try again (read by the login page). */
    static final String RETRY_AFTER = MemberSecurity.class.getName() + ".retryAfter";
    static final String THROTTLED_PAGE = "/login/throttled";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final MemberRepository members;
    private final MemberDetailsService details;
    private final ApiTokenService tokens;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;

    MemberSecurity(MemberRepository members, MemberDetailsService details, ApiTokenService tokens, PasswordEncoder passwords,
            LoginThrottle throttle) {
        this.members = members;
        this.details = details;
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /** True when the request carries a bearer token: not forgeable by another site, so it needs no CSRF token. */
    public static boolean hasBearerToken(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /**
     * Email and password, for the login form only: throttled before the password is checked
     * ({@link LoginThrottle}); failures and throttled attempts are logged with the account and
     * the client address, never the password. The principal kept in the session has no password hash.
     */
    public AuthenticationManager loginManager() {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(details);
        dao.setPasswordEncoder(passwords);
        AuthenticationProvider withoutHash = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                String account = request.getName();
                String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
                Optional<Duration> wait = throttle.retryAfter(account, address);
                if (wait.isPresent()) {
                    LoginThrottledException e = new LoginThrottledException(wait.get());
                    LOG.warn("Throttled sign-in for {} from {}: retry after {} s", loggable(account), address, e.retryAfterSeconds());
                    throw e;
                }
                Authentication done;
                try {
                    done = dao.authenticate(request);
                } catch (AuthenticationException e) {
                    throttle.failed(account, address);
                    LOG.warn("Failed sign-in for {} from {}", loggable(account), address);
                    throw e;
                }
                throttle.succeeded(account, address);
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

    /**
     * Where a failed sign-in goes: back to the form with "wrong email or password", or, when
     * throttled, 429 with {@code Retry-After} and the login page saying when to try again.
     */
    public AuthenticationFailureHandler loginFailureHandler() {
        SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException t) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(t.retryAfterSeconds()));
                request.setAttribute(RETRY_AFTER, t.retryAfterSeconds());
                request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
            } else {
                wrong.onAuthenticationFailure(request, response, e);
            }
        };
    }

    /** The page a throttled sign-in is forwarded to; only reachable that way (a direct visit goes to the login page). */
    public static String throttledPage() {
        return THROTTLED_PAGE;
    }

    /** An account name fit for the log: what was typed if it looks like an email, never something that may be a password. */
    static String loggable(String account) {
        return account != null && EMAIL.matcher(account).matches() ? account : "(not an email address)";
    }

    /**
     * Authenticates {@code Authorization: Bearer cw_pat_…}; a bad token answers through {@code invalidToken}.
     * Requests matching {@code notMine} (the operator's metrics scrape token) are left to their own check.
     */
    public AuthenticationFilter apiTokenFilter(AuthenticationEntryPoint invalidToken, RequestMatcher notMine) {
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
                request -> hasBearerToken(request) && !notMine.matches(request)
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
