package dev.crosswalk.emulator.oauth;

import java.time.Duration;

/**
 * The OAuth behaviours the Salesforce digest marks UNCONFIRMED, gathered so a test (or a later
 * finding about real Salesforce) can change them in one place.
 *
 * @param codeTtl                   how long an authorization code can be exchanged (commonly cited: 15 min)
 * @param loginRequestTtl           how long a rendered login / approval form stays usable
 * @param pkceMismatchError         the token error for a code verifier that does not match the challenge
 *                                  ({@code invalid_grant} observed; the docs say {@code invalid_request})
 * @param identityBadTokenStatus    status of the identity URL for a bad or expired token
 * @param identityBadTokenBody      plain-text body of that answer ({@code Bad_OAuth_Token} is commonly reported)
 */
public record OAuthSettings(Duration codeTtl, Duration loginRequestTtl, String pkceMismatchError,
        int identityBadTokenStatus, String identityBadTokenBody) {

    public static final Duration DEFAULT_CODE_TTL = Duration.ofMinutes(15);

    public static OAuthSettings defaults() {
        return new OAuthSettings(DEFAULT_CODE_TTL, Duration.ofMinutes(30), "invalid_grant", 403, "Bad_OAuth_Token");
    }

    public OAuthSettings withCodeTtl(Duration ttl) {
        return new OAuthSettings(ttl, loginRequestTtl, pkceMismatchError, identityBadTokenStatus, identityBadTokenBody);
    }

    public OAuthSettings withPkceMismatchError(String error) {
        return new OAuthSettings(codeTtl, loginRequestTtl, error, identityBadTokenStatus, identityBadTokenBody);
    }
}
