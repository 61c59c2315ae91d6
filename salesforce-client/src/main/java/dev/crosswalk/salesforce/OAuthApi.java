package dev.crosswalk.salesforce;

import java.util.Set;

/**
 * Salesforce's OAuth 2.0 endpoints ({@code /services/oauth2/…}, the identity URL). None of these
 * methods refresh anything by themselves; a {@link SalesforceConnection} does that.
 */
public interface OAuthApi {

    /**
     * Builds {@code GET /services/oauth2/authorize} for the web-server flow with PKCE (S256) and a
     * fresh {@code state}. No HTTP call.
     *
     * @param scopes     e.g. {@code api refresh_token id}; empty = what the connected app allows
     * @param forceLogin adds {@code prompt=login} (reauthorization: make the admin log in as the
     *                   integration user even if the browser holds another session)
     */
    AuthorizationRequest authorizationRequest(LoginHost host, String redirectUri, Set<String> scopes,
                                              boolean forceLogin);

    /** {@code POST /services/oauth2/token} grant_type=authorization_code (with the PKCE verifier). */
    Credentials exchangeCode(LoginHost host, String code, String redirectUri, String codeVerifier);

    /**
     * {@code POST /services/oauth2/token} grant_type=refresh_token, sent to the credentials'
     * instance URL. Returns the token response as-is (no refresh token unless rotated); use
     * {@link Credentials#refreshedWith} to merge. Callers normally let a connection do this.
     */
    Credentials refresh(Credentials current);

    /** {@code POST /services/oauth2/token} grant_type=password: scripts and the sandbox contract test only. */
    Credentials passwordGrant(LoginHost host, String username, String password);

    /** {@code POST /services/oauth2/revoke}; revoking the refresh token also ends its access tokens. */
    void revoke(Credentials credentials, boolean revokeRefreshToken);

    /** {@code GET /services/oauth2/userinfo} with the credentials' access token (no refresh). */
    UserIdentity userInfo(Credentials credentials);

    /** {@code GET {id}} (the identity URL of the token response; no refresh). */
    UserIdentity identity(Credentials credentials);
}
