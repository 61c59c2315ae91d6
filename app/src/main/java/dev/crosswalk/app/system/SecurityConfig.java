package dev.crosswalk.app.system;

import dev.crosswalk.app.org.MemberSecurity;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * People sign in with the login form and keep a session; scripts send a personal API token
 * ({@code Authorization: Bearer cw_pat_…}). There is no HTTP Basic: it ran bcrypt on every
 * request. A session's member is re-read on every request, so role changes and removals apply
 * at once. CSRF stays on for every cookie-authenticated request (the token is in the
 * {@code XSRF-TOKEN} cookie for scripts and in the forms); bearer requests are not forgeable by
 * a third-party page and skip it. The API and the actuator answer 401 problems, never a login
 * redirect, and an unauthenticated POST is 401 too (not the CSRF filter's 403).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    /**
     * Self only, no inline script or style. No {@code form-action}: forms POST and then redirect to
     * Salesforce's login host (or the emulator), which form-action would block in some browsers.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(),"
            + " microphone=(), payment=(), usb=()";

    /**
     * No Micrometer observation around each of Spring Security's filters, authentications and authorizations: with
     * them every request went through a dozen observation wrappers, a large share of the package API's record-page
     * call (P6 profile). Requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** Spring's strict firewall (every chain goes through it), with a fast path for plain ASCII headers ({@link HeaderCharacters}). */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        return HeaderCharacters.firewall();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, MemberSecurity members, MetricsAccess metrics, JsonMapper json)
            throws Exception {
        ProblemEntryPoint problems = new ProblemEntryPoint(json);
        RequestMatcher api = r -> r.getRequestURI().startsWith("/api/") || r.getRequestURI().startsWith("/actuator/");
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> problems.write(response, ErrorCode.UNAUTHENTICATED,
                "Sign in, or send a personal API token as 'Authorization: Bearer cw_pat_…'");
        AuthenticationEntryPoint invalidToken = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(response, ErrorCode.UNAUTHENTICATED, "The API token is unknown, revoked or expired");
        };
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byPath = new LinkedHashMap<>();
        byPath.put(api, unauthenticated);
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byPath);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        AccessDeniedHandler webDenied = new AccessDeniedHandlerImpl();
        AccessDeniedHandler denied = (request, response, e) -> {
            if (e instanceof CsrfException && !signedIn()) {
                // Without a session there is nothing to forge: say "sign in" (401), not "forbidden".
                entryPoint.commence(request, response, new InsufficientAuthenticationException("not signed in"));
            } else if (api.matches(request)) {
                problems.write(response, ErrorCode.FORBIDDEN, e instanceof CsrfException
                        ? "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN header"
                        : "Not allowed for your role");
            } else {
                webDenied.handle(request, response, e);
            }
        };
        http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", MemberSecurity.throttledPage(), "/setup", "/css/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator", "/actuator/**")
                        .access((auth, ctx) -> new AuthorizationDecision(metrics.allows(ctx.getRequest())))
                        .anyRequest().authenticated())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)))
                .authenticationManager(members.loginManager())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(members.loginFailureHandler())
                        .permitAll())
                .addFilterBefore(members.sessionMemberRefresh(), CsrfFilter.class)
                .addFilterAfter(members.apiTokenFilter(invalidToken, metrics::isScrapeToken), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(c -> c
                        .csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(MemberSecurity::hasBearerToken));
        return http.build();
    }

    /** The XSRF-TOKEN cookie: readable by page scripts, SameSite=Lax like the session cookie, Secure on HTTPS. */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(c -> c.sameSite("Lax"));
        return repository;
    }

    private static boolean signedIn() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
    }

    /**
     * Loads the deferred CSRF token on every request, so the {@code XSRF-TOKEN} cookie is always
     * there for scripts and page JavaScript after sign-in (Spring's recipe for cookie-based CSRF).
     */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, java.io.IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null && !MemberSecurity.hasBearerToken(request)) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
