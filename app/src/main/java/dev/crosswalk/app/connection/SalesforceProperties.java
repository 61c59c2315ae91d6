package dev.crosswalk.app.connection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The connected app Crosswalk signs in with ({@code crosswalk.salesforce.*}).
 *
 * @param clientId        consumer key of the connected app
 * @param clientSecret    consumer secret
 * @param callbackUrl     the app's callback URL; blank = {@code <this server>/oauth/salesforce/callback}
 * @param allowLoopback   accept a loopback {@code instance_url} (only for the emulator; never in production)
 * @param apiVersion      the highest API version to use
 */
@ConfigurationProperties("crosswalk.salesforce")
public record SalesforceProperties(String clientId, String clientSecret, String callbackUrl, boolean allowLoopback,
        String apiVersion) {
    public SalesforceProperties {
        clientId = clientId == null ? "" : clientId;
        clientSecret = clientSecret == null ? "" : clientSecret;
        callbackUrl = callbackUrl == null ? "" : callbackUrl;
        apiVersion = apiVersion == null || apiVersion.isBlank() ? "62.0" : apiVersion;
    }
}
