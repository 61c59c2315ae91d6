package dev.crosswalk.salesforce;

import dev.crosswalk.salesforce.internal.Transport;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Entry point: one per application (it owns the HTTP client). Gives the {@link OAuthApi} and
 * opens a {@link SalesforceConnection} per stored set of tokens.
 *
 * <pre>{@code
 * SalesforceClient client = SalesforceClient.create(ClientConfig.builder("my-client-id")
 *         .clientSecret(secret).build());
 * SalesforceConnection sf = client.connect(myCredentialStore);
 * sf.rest().query("SELECT Id, Name FROM Account").forEach(...);
 * }</pre>
 */
public final class SalesforceClient {

    private final ClientConfig config;
    private final Transport transport;
    private final CallCounter calls = new CallCounter();
    private final DefaultOAuthApi oauth;

    private SalesforceClient(ClientConfig config, HttpClient http, boolean ownHttpClient) {
        this.config = config;
        this.transport = new Transport(http, config.clock(), config.listener(), ownHttpClient);
        this.oauth = new DefaultOAuthApi(config, transport, calls);
    }

    public static SalesforceClient create(ClientConfig config) {
        return new SalesforceClient(config, Transport.defaultHttpClient(Duration.ofSeconds(20)), true);
    }

    /** With your own {@link HttpClient}; it must not follow redirects (tokens would follow them). */
    public static SalesforceClient create(ClientConfig config, HttpClient http) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the HttpClient must not follow redirects");
        }
        return new SalesforceClient(config, http, false);
    }

    public ClientConfig config() {
        return config;
    }

    public OAuthApi oauth() {
        return oauth;
    }

    /** Every call made through this client and all its connections. */
    public CallCounter calls() {
        return calls;
    }

    /**
     * A connection over the tokens in {@code store}. Open one per stored connection and share it
     * between threads: token refresh is single-flight per {@code SalesforceConnection} instance.
     */
    public SalesforceConnection connect(CredentialStore store) {
        return new SalesforceConnection(config, transport, store, new CallCounter(calls));
    }
}
