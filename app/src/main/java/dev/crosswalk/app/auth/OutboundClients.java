package dev.crosswalk.app.auth;

import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Outbound connection's OAuth clients: one per Salesforce Custom Objects integration, the
 * package's Auth. Provider in that Salesforce org. The auth feature's public service.
 *
 * <p>A client is bound to one Crosswalk organization and one Salesforce org. Its secret is returned
 * once, by {@link #register} and {@link #rotateSecret}, and stored only as a password hash. Its one
 * redirect URI is the org's {@code /services/authcallback/Crosswalk} on the data source's instance,
 * matched exactly, so a code can only travel back to that org.
 */
@Service
public class OutboundClients {
    /** The Auth. Provider's URL suffix in the package: Salesforce calls back on {@code /services/authcallback/<suffix>}. */
    public static final String CALLBACK_PATH = "/services/authcallback/Crosswalk";
    static final String KIND = "SALESFORCE_CUSTOM_OBJECTS";
    static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(5);
    static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(30);
    static final Duration CODE_TTL = Duration.ofMinutes(2);

    private final RegisteredClientRepository clients;
    private final OAuth2AuthorizationService authorizations;
    private final OutboundClientRepository repository;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OutboundClients(RegisteredClientRepository clients, OAuth2AuthorizationService authorizations, OutboundClientRepository repository,
            PasswordEncoder passwords, Clock clock) {
        this.clients = clients;
        this.authorizations = authorizations;
        this.repository = repository;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A client id and its secret, shown once to the admin who copies them into the package's Auth. Provider. */
    public record ClientCredentials(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "ClientCredentials[" + clientId + ", secret hidden]";
        }
    }

    /** How the Outbound connection is, for the integration's Advanced Settings. */
    public enum TokenHealth {
        /** No one has completed the authorization yet (or it was revoked and not redone). */
        NOT_AUTHORIZED,
        /** Salesforce holds a refresh token that works. */
        ACTIVE,
        /** The refresh token expired unused: Salesforce must authenticate again. */
        EXPIRED,
        /** Revoked (from Crosswalk, by RFC 7009 revocation, or by a replayed code): Salesforce must authenticate again. */
        REVOKED
    }

    /**
     * The Outbound row: the Crosswalk admin who selected the organization and when, the Salesforce org
     * (and the Salesforce user last seen on a callout, when the package sends it), the token's health, and
     * the last callout received and the last one refused.
     */
    public record OutboundStatus(String clientId, String salesforceOrgId, Instant registeredAt, Instant secretRotatedAt,
            String authorizedByEmail, Instant authorizedAt, TokenHealth tokenHealth, Instant lastTokenAt, String lastTokenGrant,
            Instant refreshTokenExpiresAt, Instant lastCalloutAt, String lastCalloutPath, String lastCalloutSalesforceUserId,
            Instant lastRefusedAt, String lastRefusedReason) {
    }

    /**
     * Registers the client of a Custom Objects integration whose data source is the Salesforce org
     * {@code salesforceOrgId}. Refused when the integration already has one (rotate its secret instead).
     */
    @Transactional
    public ClientCredentials register(UUID organizationId, UUID customObjectsIntegrationId, String salesforceOrgId) {
        OutboundClientRepository.Target target = repository.target(organizationId, customObjectsIntegrationId)
                .orElseThrow(() -> CrosswalkException.notFound("Integration"));
        if (!KIND.equals(target.kind())) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "customObjectsIntegrationId: not a Salesforce Custom Objects integration");
        }
        String sfOrg = SalesforceIds.normalize(salesforceOrgId).filter(id -> id.startsWith("00D"))
                .orElseThrow(() -> CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "salesforceOrgId: not a Salesforce organization id (00D…)"));
        if (target.sourceSalesforceOrgId() == null || target.sourceInstanceUrl() == null) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "The integration's data source has no Salesforce connection");
        }
        if (!sfOrg.equals(SalesforceIds.normalize(target.sourceSalesforceOrgId()).orElse(""))) {
            throw CrosswalkException.of(ErrorCode.SALESFORCE_ORG_MISMATCH,
                    "salesforceOrgId: the integration's data source is another Salesforce org");
        }
        if (repository.byIntegration(organizationId, customObjectsIntegrationId).isPresent()) {
            throw CrosswalkException.of(ErrorCode.CONFLICT, "The integration already has an Outbound client: rotate its secret instead");
        }
        String secret = newSecret();
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("cw_out_" + randomToken(18))
                .clientIdIssuedAt(clock.instant())
                .clientSecret(passwords.encode(secret))
                .clientName("Salesforce " + sfOrg)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(stripTrailingSlash(target.sourceInstanceUrl()) + CALLBACK_PATH)
                .scopes(s -> s.addAll(OutboundScopes.ALL))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(ACCESS_TOKEN_TTL)
                        .authorizationCodeTimeToLive(CODE_TTL)
                        .refreshTokenTimeToLive(REFRESH_TOKEN_TTL)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
        clients.save(client);
        repository.insert(new OutboundBinding(client.getId(), client.getClientId(), organizationId, customObjectsIntegrationId,
                target.sourceIntegrationId(), sfOrg), clock.instant());
        return new ClientCredentials(client.getClientId(), secret);
    }

    /** The integration's client id, if it has a client (the secret is never available again). */
    public Optional<String> clientId(UUID organizationId, UUID customObjectsIntegrationId) {
        return repository.byIntegration(organizationId, customObjectsIntegrationId).map(OutboundBinding::clientId);
    }

    /** A new secret for the integration's client (the old one stops working at once); tokens already issued stay valid. */
    @Transactional
    public ClientCredentials rotateSecret(UUID organizationId, UUID customObjectsIntegrationId) {
        OutboundBinding b = require(organizationId, customObjectsIntegrationId);
        RegisteredClient current = clients.findById(b.registeredClientId());
        String secret = newSecret();
        clients.save(RegisteredClient.from(current).clientSecret(passwords.encode(secret)).build());
        repository.secretRotated(b.registeredClientId(), clock.instant());
        return new ClientCredentials(b.clientId(), secret);
    }

    /** Revokes every code, access and refresh token of the integration's client: Salesforce must authenticate again. */
    @Transactional
    public int revokeAll(UUID organizationId, UUID customObjectsIntegrationId) {
        return repository.revokeTokens(require(organizationId, customObjectsIntegrationId).registeredClientId(), clock.instant());
    }

    /** The Advanced Settings "Outbound" row of the integration, empty when it has no client. */
    @Transactional(readOnly = true)
    public Optional<OutboundStatus> status(UUID organizationId, UUID customObjectsIntegrationId) {
        return repository.byIntegration(organizationId, customObjectsIntegrationId).map(this::status);
    }

    private OutboundStatus status(OutboundBinding b) {
        OutboundClientRepository.Activity a = repository.activity(b.registeredClientId());
        OAuth2Authorization latest = repository.latestAuthorizationId(b.registeredClientId()).map(authorizations::findById).orElse(null);
        TokenHealth health;
        Instant refreshExpires = null;
        if (latest == null || latest.getRefreshToken() == null) {
            health = a.tokensRevokedAt() != null ? TokenHealth.REVOKED : TokenHealth.NOT_AUTHORIZED;
        } else {
            OAuth2Authorization.Token<?> refresh = latest.getRefreshToken();
            refreshExpires = refresh.getToken().getExpiresAt();
            health = refresh.isInvalidated() ? TokenHealth.REVOKED : refresh.isExpired() ? TokenHealth.EXPIRED : TokenHealth.ACTIVE;
        }
        return new OutboundStatus(b.clientId(), b.salesforceOrgId(), a.createdAt(), a.secretRotatedAt(), a.consentedByEmail(),
                a.consentedAt(), health, a.lastTokenAt(), a.lastTokenGrant(), refreshExpires, a.lastCalloutAt(), a.lastCalloutPath(),
                a.lastCalloutSalesforceUser(), a.lastRefusedAt(), a.lastRefusedReason());
    }

    private OutboundBinding require(UUID organizationId, UUID integrationId) {
        return repository.byIntegration(organizationId, integrationId).orElseThrow(() -> CrosswalkException.notFound("Outbound client"));
    }

    private String newSecret() {
        return randomToken(32);
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
