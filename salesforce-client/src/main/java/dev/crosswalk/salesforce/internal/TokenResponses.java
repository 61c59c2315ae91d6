package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.Credentials;
import dev.crosswalk.salesforce.InstanceUrlPolicy;
import dev.crosswalk.salesforce.SalesforceException;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Reads Salesforce's token response. Differences from textbook OAuth that matter: there is no
 * {@code expires_in} (expiry is learnt from a 401), {@code issued_at} is epoch milliseconds as a
 * string, and {@code instance_url} decides where every later call (with the token) goes — so it
 * is checked against the allow-list here, before anyone can use it.
 */
public final class TokenResponses {

    private TokenResponses() {
    }

    public static Credentials parse(JsonNode body, InstanceUrlPolicy policy, java.time.Clock clock) {
        String accessToken = Json.text(body, "access_token");
        String instanceUrl = Json.text(body, "instance_url");
        if (accessToken == null || instanceUrl == null) {
            throw new SalesforceException(ErrorClassifier.invalidTokenResponse());
        }
        policy.requireAllowed(instanceUrl);
        String identityUrl = Json.text(body, "id");
        if (identityUrl != null) {
            // The identity URL also receives the token (identity()); hold it to the same rule.
            policy.requireAllowed(identityUrl);
        }
        return new Credentials(accessToken, Json.text(body, "refresh_token"), instanceUrl, identityUrl,
                issuedAt(Json.text(body, "issued_at"), clock), Json.text(body, "scope"));
    }

    /** Epoch milliseconds (Salesforce) — tolerate seconds too, and absence. */
    static Instant issuedAt(String value, java.time.Clock clock) {
        if (value == null || value.isBlank()) {
            return clock.instant();
        }
        try {
            long n = Long.parseLong(value.trim());
            return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        } catch (NumberFormatException e) {
            return clock.instant();
        }
    }
}
