package dev.crosswalk.salesforce;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokens of one connection, as the token endpoint returned them.
 *
 * <p>There is no expiry: Salesforce's token response has no {@code expires_in}; an access token
 * is known to be expired only when a call answers 401 / {@code INVALID_SESSION_ID}.
 * {@link #toString()} never prints a token.
 *
 * @param accessToken  the session id sent as {@code Authorization: Bearer}
 * @param refreshToken may be null (no {@code refresh_token} scope granted)
 * @param instanceUrl  base URL for API calls, already checked against the {@link InstanceUrlPolicy}
 * @param identityUrl  the {@code id} URL {@code https://login.salesforce.com/id/{orgId}/{userId}}; may be null
 * @param issuedAt     {@code issued_at} (Salesforce sends epoch milliseconds as a string)
 * @param scope        granted scopes, space separated; may be null
 */
public record Credentials(String accessToken, String refreshToken, String instanceUrl, String identityUrl,
                          Instant issuedAt, String scope) {

    public Credentials {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(instanceUrl, "instanceUrl");
        instanceUrl = stripTrailingSlash(instanceUrl);
    }

    /** Same connection with a new access token and, when the server rotated it, a new refresh token. */
    public Credentials refreshedWith(Credentials fromRefresh) {
        return new Credentials(fromRefresh.accessToken,
                fromRefresh.refreshToken != null ? fromRefresh.refreshToken : refreshToken,
                fromRefresh.instanceUrl,
                fromRefresh.identityUrl != null ? fromRefresh.identityUrl : identityUrl,
                fromRefresh.issuedAt,
                fromRefresh.scope != null ? fromRefresh.scope : scope);
    }

    public boolean canRefresh() {
        return refreshToken != null && !refreshToken.isBlank();
    }

    /** Org id (00D…) from the identity URL, else from the access token's prefix ({@code 00D…!…}). */
    public Optional<String> orgId() {
        Optional<String> fromId = idSegment(2);
        if (fromId.isPresent()) {
            return fromId;
        }
        int bang = accessToken.indexOf('!');
        return bang > 0 ? Optional.of(accessToken.substring(0, bang)) : Optional.empty();
    }

    /** User id (005…) from the identity URL. */
    public Optional<String> userId() {
        return idSegment(1);
    }

    /** {@code fromEnd}=1 → last path segment, 2 → the one before. */
    private Optional<String> idSegment(int fromEnd) {
        if (identityUrl == null) {
            return Optional.empty();
        }
        String path = stripTrailingSlash(identityUrl);
        String[] parts = path.split("/");
        int i = parts.length - fromEnd;
        if (i < 0 || !path.contains("/id/")) {
            return Optional.empty();
        }
        return Optional.of(parts[i]);
    }

    private static String stripTrailingSlash(String s) {
        return s != null && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "Credentials[instanceUrl=" + instanceUrl + ", identityUrl=" + identityUrl + ", issuedAt=" + issuedAt
                + ", refreshToken=" + (canRefresh() ? "present" : "absent") + ", accessToken=***]";
    }
}
