package dev.crosswalk.app.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Crosswalk's OAuth 2.0 authorization server (Spring Security's) for the package's External
 * Credential, and the package API it guards. Two chains ahead of the main one, each matching only
 * its own paths: the server's endpoints plus the consent page (browsers: the session of a signed-in
 * member, sign-in through the main chain's {@code /login}), and {@code /api/package/**} as a
 * stateless resource server that accepts only this server's access tokens, only while they are
 * neither expired nor revoked.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {
    /** The same policy as the main chain: the consent page uses no inline script or style. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, OrganizationSelection selection, OutboundClientRepository clients,
            Clock clock) throws Exception {
        AuthenticationSuccessHandler issued = tokenIssued(clients, clock);
        http.oauth2AuthorizationServer(as -> {
            http.securityMatcher(new OrRequestMatcher(as.getEndpointsMatcher(),
                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, OrganizationSelection.CONSENT_PAGE)));
            as.authorizationEndpoint(e -> e
                    .consentPage(OrganizationSelection.CONSENT_PAGE)
                    .authenticationProviders(providers -> providers.forEach(p -> {
                        if (p instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                            consent.setAuthorizationConsentCustomizer(selection::decide);
                        }
                    })));
            as.tokenEndpoint(t -> t.accessTokenResponseHandler(issued));
        });
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                // The consent page is drawn in the product's shell, whose Sign out posts to the main chain: the same
                // XSRF-TOKEN cookie as there, so that form's token is one the main chain accepts.
                .csrf(c -> c.csrfTokenRepository(csrfCookie()).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()));
        return http.build();
    }

    /**
     * The package API's chain, first of all (its path is disjoint from the server's endpoints, so the record page's calls
     * skip their matchers) and lean: a bearer token or nothing. No session, CSRF, logout, saved request, anonymous
     * principal or servlet API wrapper: each is a filter or a request wrapper on every call and none applies to a
     * stateless API (without a token the authorization filter still finds no authentication and the entry point answers
     * 401). The security headers stay.
     */
    @Bean
    @Order(1)
    SecurityFilterChain packageApiChain(HttpSecurity http, PackageTokenDecoder decoder) throws Exception {
        JwtAuthenticationConverter scopes = new JwtAuthenticationConverter();
        http.securityMatcher("/api/package/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, PackageApiController.BASE + "/status")
                        .hasAnyAuthority(authority(OutboundScopes.SETUP), authority(OutboundScopes.OVERLAPS_READ))
                        .requestMatchers(HttpMethod.GET, PackageApiController.BASE + "/records/**").hasAuthority(authority(OutboundScopes.OVERLAPS_READ))
                        .anyRequest().denyAll())
                // Bearer tokens only: a browser session of a member never authenticates the package API.
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.disable())
                .csrf(c -> c.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .anonymous(a -> a.disable())
                .servletApi(s -> s.disable())
                .oauth2ResourceServer(o -> o.bearerTokenResolver(new PackageBearerTokens())
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(scopes)));
        return http.build();
    }

    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(c -> c.sameSite("Lax"));
        return repository;
    }

    private static String authority(String scope) {
        return "SCOPE_" + scope;
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        return new HashedAuthorizationService(new JdbcOAuth2AuthorizationService(jdbc, clients),
                new org.springframework.transaction.support.TransactionTemplate(transactions));
    }

    /**
     * Consents are never remembered: each authorization shows the consent page, where a signed-in Admin
     * selects the organization again (a member demoted or moved since cannot skip it).
     */
    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService() {
        return new OAuth2AuthorizationConsentService() {
            @Override
            public void save(OAuth2AuthorizationConsent consent) {
            }

            @Override
            public void remove(OAuth2AuthorizationConsent consent) {
            }

            @Override
            public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
                return null;
            }
        };
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${crosswalk.outbound.issuer:}") String issuer) {
        AuthorizationServerSettings.Builder b = AuthorizationServerSettings.builder();
        if (!issuer.isBlank()) {
            b.issuer(issuer);
        }
        return b.build();
    }

    /**
     * Tokens are signed with the active key, the first of the set: after a rotation the set also holds the retired keys
     * (they keep verifying), and Spring's encoder refuses to choose among several on its own.
     */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(candidates -> candidates.get(0));
        return encoder;
    }

    /** Access tokens name what they are bound to, so the package API needs no second lookup to scope a call. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> outboundClaims(OutboundClientRepository clients) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                clients.byRegisteredClientId(context.getRegisteredClient().getId()).ifPresent(b -> context.getClaims()
                        .claim("org", b.organizationId().toString())
                        .claim("sf_org", b.salesforceOrgId())
                        .claim("integration", b.integrationId().toString()));
            }
        };
    }

    private static AuthenticationSuccessHandler tokenIssued(OutboundClientRepository clients, Clock clock) {
        OAuth2AccessTokenResponseAuthenticationSuccessHandler respond = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            if (authentication instanceof OAuth2AccessTokenAuthenticationToken t) {
                clients.tokenIssued(t.getRegisteredClient().getClientId(), request.getParameter("grant_type"), clock.instant());
            }
            respond.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
