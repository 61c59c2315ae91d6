package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.internal.ApiCaller;
import dev.crosswalk.salesforce.internal.TokenRefresher;
import dev.crosswalk.salesforce.internal.Transport;

import java.util.Optional;

/**
 * One Salesforce connection (one set of tokens in a {@link CredentialStore}). Thread-safe.
 * All its APIs share one auth interceptor: a 401 anywhere triggers one refresh, and every
 * request reads the newest token from the store.
 */
public final class SalesforceConnection {

    private final ClientConfig config;
    private final CredentialStore store;
    private final DefaultOAuthApi oauth;
    private final CallCounter calls;
    private final ApiCaller caller;
    private final DefaultRestApi rest;
    private final DefaultBulkQueryApi bulkQuery;
    private final DefaultBulkIngestApi bulkIngest;

    SalesforceConnection(ClientConfig config, Transport transport, CredentialStore store, CallCounter calls) {
        this.config = config;
        this.store = store;
        this.calls = calls;
        // The connection's own OAuth view, so that its refreshes count as this connection's AUTH calls.
        this.oauth = new DefaultOAuthApi(config, transport, calls);
        TokenRefresher refresher = new TokenRefresher(store, this.oauth::refresh);
        this.caller = new ApiCaller(transport, config, store, refresher, calls);
        this.rest = new DefaultRestApi(config, caller);
        this.bulkQuery = new DefaultBulkQueryApi(config, caller, rest);
        this.bulkIngest = new DefaultBulkIngestApi(config, caller, rest);
    }

    public RestApi rest() {
        return rest;
    }

    public BulkQueryApi bulkQuery() {
        return bulkQuery;
    }

    public BulkIngestApi bulkIngest() {
        return bulkIngest;
    }

    public PermissionPreflight preflight() {
        return new PermissionPreflight(this);
    }

    /** Calls made through this connection, by kind. */
    public CallCounter calls() {
        return calls;
    }

    /** The org's API usage from the last response that carried {@code Sforce-Limit-Info}. */
    public Optional<LimitInfo> lastLimitInfo() {
        return caller.lastLimitInfo();
    }

    /** The current credentials (from the store). */
    public Credentials credentials() {
        return store.load();
    }

    /** {@code /services/oauth2/userinfo} through the auth interceptor (refreshes on 401). */
    public UserIdentity userInfo() {
        return DefaultOAuthApi.parseIdentity(caller.json(
                dev.crosswalk.salesforce.internal.ApiCall.get(CallKind.AUTH, "/services/oauth2/userinfo")));
    }

    ClientConfig config() {
        return config;
    }
}
