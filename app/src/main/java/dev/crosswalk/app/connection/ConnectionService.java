package dev.crosswalk.app.connection;

import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import dev.crosswalk.salesforce.AuthorizationRequest;
import dev.crosswalk.salesforce.Credentials;
import dev.crosswalk.salesforce.InstanceUrlPolicy;
import dev.crosswalk.salesforce.LoginHost;
import dev.crosswalk.salesforce.SalesforceClient;
import dev.crosswalk.salesforce.SalesforceConnection;
import dev.crosswalk.salesforce.SalesforceException;
import dev.crosswalk.salesforce.UserIdentity;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OAuth connections to Salesforce: starting and finishing the web-server flow (PKCE + single-use
 * state), storing tokens encrypted, and opening a client connection over them. The integration
 * feature decides what a finished authorization means (new integration or reauthorization).
 */
@Service
public class ConnectionService {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionService.class);
    static final Set<String> SCOPES = Set.of("api", "refresh_token", "id");

    private final SalesforceClient client;
    private final ConnectionRepository connections;
    private final OAuthFlowRepository flows;
    private final TransactionTemplate tx;
    /** Consuming a state commits on its own: a callback that fails afterwards must not hand the state back. */
    private final TransactionTemplate ownTx;
    private final Clock clock;
    /**
     * One client connection per stored connection on this node, as the client asks: its refresh is
     * single-flight, so a probe and a sync that both meet an expired token make one refresh (which
     * matters under refresh-token rotation). Across nodes the database compare-and-swap decides.
     */
    private final ConcurrentMap<UUID, SalesforceConnection> open = new ConcurrentHashMap<>();

    ConnectionService(SalesforceClient client, ConnectionRepository connections, OAuthFlowRepository flows,
            TransactionTemplate tx, Clock clock) {
        this.client = client;
        this.connections = connections;
        this.flows = flows;
        this.tx = tx;
        this.ownTx = new TransactionTemplate(tx.getTransactionManager());
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What an admin asked for when starting a round trip. */
    public record AuthorizationStart(UUID organizationId, UUID memberId, String loginHost, UUID integrationId,
            boolean replaceOrg, String name, String redirectUri, AuthorizationPurpose purpose) {
        /** Connecting or reauthorizing a data source. */
        public AuthorizationStart(UUID organizationId, UUID memberId, String loginHost, UUID integrationId, boolean replaceOrg,
                String name, String redirectUri) {
            this(organizationId, memberId, loginHost, integrationId, replaceOrg, name, redirectUri,
                    AuthorizationPurpose.DATA_SOURCE);
        }
    }

    /** A finished round trip: who signed in where, with fresh tokens (not stored yet). */
    public record Authorized(UUID organizationId, UUID memberId, UUID integrationId, boolean replaceOrg, String name,
            String loginHost, Credentials credentials, UserIdentity identity, AuthorizationPurpose purpose) {
        @Override
        public String toString() {
            return "Authorized[" + identity.username() + " in " + identity.orgId() + "]";
        }
    }

    /** Builds the Salesforce authorize URL; {@code prompt=login} so an admin can pick the user even when signed in. */
    public URI begin(AuthorizationStart start) {
        LoginHost host = LoginHosts.parse(start.loginHost());
        // Refused before any flow is stored: the host that would receive the code must be Salesforce's
        // (or the emulator's, when configured); a 400 naming the field, not a Salesforce failure.
        InstanceUrlPolicy.Decision allowed = client.config().instanceUrlPolicy().check(host.baseUrl());
        if (!allowed.allowed()) {
            throw CrosswalkException.of(ErrorCode.LOGIN_HOST_NOT_ALLOWED, "loginHost: not a Salesforce login host ("
                    + allowed.reason() + "). Use production, sandbox or your My Domain (acme or acme.my.salesforce.com).");
        }
        AuthorizationRequest req = client.oauth().authorizationRequest(host, start.redirectUri(), SCOPES, true);
        flows.purge(clock.instant());
        flows.insert(new OAuthFlowRepository.Flow(req.state(), start.organizationId(), start.memberId(), start.integrationId(),
                host.baseUrl(), start.redirectUri(), req.codeVerifier(), start.replaceOrg(), start.name(), start.purpose()),
                clock.instant());
        return req.url();
    }

    /**
     * Consumes the state (in its own transaction, so it stays used whatever happens next) and
     * exchanges the code. Unknown, replayed, expired or foreign state — started by another member,
     * even of the same organization — is refused before any call.
     */
    public Authorized finish(UUID organizationId, UUID memberId, String state, String code, String error,
            String errorDescription) {
        OAuthFlowRepository.Flow flow = state == null ? null
                : ownTx.execute(s -> flows.consume(state, organizationId, memberId, clock.instant()).orElse(null));
        if (flow == null) {
            throw CrosswalkException.of(ErrorCode.OAUTH_STATE_INVALID,
                    "This sign-in link is unknown, was already used or expired. Start the connection again.");
        }
        if (error != null) {
            throw CrosswalkException.of(ErrorCode.OAUTH_DENIED, "Salesforce answered " + error
                    + (errorDescription == null ? "" : " (" + errorDescription + ")") + ". Nothing was changed.");
        }
        if (code == null || code.isBlank()) {
            throw CrosswalkException.of(ErrorCode.OAUTH_DENIED, "Salesforce sent no authorization code. Nothing was changed.");
        }
        LoginHost host = LoginHost.of(flow.loginHost());
        try {
            Credentials creds = client.oauth().exchangeCode(host, code, flow.redirectUri(), flow.codeVerifier());
            UserIdentity identity = client.oauth().userInfo(creds);
            return new Authorized(flow.organizationId(), flow.memberId(), flow.integrationId(), flow.replaceOrg(), flow.name(),
                    flow.loginHost(), creds, identity, flow.purpose());
        } catch (SalesforceException e) {
            throw CrosswalkException.of(ErrorCode.SALESFORCE_ERROR, "Salesforce refused the sign-in: " + e.getMessage());
        }
    }

    /** Stores the first connection of an integration. */
    public UUID store(UUID integrationId, Authorized a, String memberEmail) {
        UUID id = UUID.randomUUID();
        connections.insert(newConnection(id, integrationId, a, memberEmail), a.credentials());
        return id;
    }

    /** Replaces the tokens (and possibly the Salesforce user) of an existing connection. */
    public void replace(UUID connectionId, UUID integrationId, Authorized a, String memberEmail) {
        Credentials previous = connections.load(connectionId);
        connections.replaceAuthorization(connectionId, newConnection(connectionId, integrationId, a, memberEmail), a.credentials());
        open.remove(connectionId);
        // Only once the new tokens are committed: revoked earlier, a run in another transaction still
        // reads the old tokens from the database, finds them revoked and reports AUTH_REVOKED although
        // the sign-in that replaced them is valid.
        afterCommit(() -> revokeReplaced(previous, a.credentials()));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /**
     * Gives back the approval a reauthorization replaced: Salesforce keeps at most five per user and
     * app and silently revokes the oldest on the sixth, which could be another connection's.
     */
    private void revokeReplaced(Credentials previous, Credentials replacement) {
        if (previous.refreshToken() == null || previous.refreshToken().equals(replacement.refreshToken())) {
            return;
        }
        revokeQuietly(previous, "the replaced refresh token");
    }

    /** Best effort: the token may already be revoked, and the caller's change stands either way. */
    private void revokeQuietly(Credentials credentials, String what) {
        try {
            client.oauth().revoke(credentials, true);
        } catch (SalesforceException e) {
            LOG.info("revoking {} failed ({}); it may already be revoked", what, e.error().message());
        }
    }

    /** Disconnects: gives the approval back to Salesforce (best effort) and forgets the tokens. */
    public void remove(UUID connectionId) {
        Credentials previous = connections.load(connectionId);
        connections.delete(connectionId);
        open.remove(connectionId);
        revokeQuietly(previous, "the tokens of a disconnected connection");
    }

    /** A refused sign-in (e.g. the wrong Salesforce org): give its fresh tokens back so no approval lingers. */
    public void discard(Authorized a) {
        revokeQuietly(a.credentials(), "the tokens of a refused sign-in");
    }

    /**
     * Keep-alive: uses the refresh token now (Salesforce can expire refresh tokens unused for a
     * while) and stores the result by compare-and-swap. Losing the race to another refresh is fine.
     */
    public void keepAlive(UUID connectionId) {
        Credentials current = connections.load(connectionId);
        if (!current.canRefresh()) {
            return;
        }
        Credentials fresh = client.oauth().refresh(current);
        new DbCredentialStore(connectionId, connections, tx).compareAndSet(current.accessToken(), current.refreshedWith(fresh));
    }

    public Optional<ConnectionView> inbound(UUID organizationId, UUID integrationId) {
        return connections.view(organizationId, integrationId);
    }

    /** A live client connection over the stored tokens (refreshes write back through compare-and-swap). */
    public SalesforceConnection open(UUID connectionId) {
        return open.computeIfAbsent(connectionId, id -> client.connect(new DbCredentialStore(id, connections, tx)));
    }

    public void recordSuccess(UUID connectionId) {
        connections.recordSuccess(connectionId, clock.instant());
    }

    public void recordFailure(UUID connectionId, ConnectionHealth health) {
        connections.recordFailure(connectionId, clock.instant(), health);
    }

    private ConnectionRepository.NewConnection newConnection(UUID id, UUID integrationId, Authorized a, String memberEmail) {
        return new ConnectionRepository.NewConnection(id, a.organizationId(), integrationId, a.loginHost(),
                a.identity().orgId(), a.identity().userId(), a.identity().username(), a.memberId(), memberEmail, clock.instant());
    }
}
