/**
 * The emulator's OAuth 2.0 / OpenID Connect endpoints (Salesforce digest §1). Entry point:
 * {@link dev.crosswalk.emulator.oauth.OAuthEndpoints#register}; behaviours the digest marks
 * UNCONFIRMED are gathered in {@link dev.crosswalk.emulator.oauth.OAuthSettings}.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><td>{@code GET|POST /services/oauth2/authorize}</td><td>login form, approval page, redirect with
 *       {@code code} + {@code state} (see {@code AuthorizeEndpoint} for how to drive it over HTTP)</td></tr>
 *   <tr><td>{@code POST /services/oauth2/token}</td><td>{@code authorization_code}, {@code refresh_token},
 *       {@code password}; credentials in the body or HTTP Basic; {@code format=urlencoded}</td></tr>
 *   <tr><td>{@code POST /services/oauth2/revoke}, {@code GET …/revoke?token=}</td><td>200 empty / 400
 *       {@code invalid_token}</td></tr>
 *   <tr><td>{@code POST /services/oauth2/introspect}</td><td>RFC 7662, the calling app's tokens only</td></tr>
 *   <tr><td>{@code GET /services/oauth2/userinfo}, {@code GET /id/{orgId}/{userId}}</td><td>who the token
 *       belongs to</td></tr>
 *   <tr><td>{@code GET /.well-known/openid-configuration}, {@code GET /id/keys}</td><td>discovery; empty
 *       key set</td></tr>
 *   <tr><td>{@code GET /secur/logout.jsp}, {@code GET /services/auth/idp/oidc/logout}</td><td>ends the
 *       browser login ({@code sid} cookie)</td></tr>
 * </table>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 *   <li>The token response has no {@code expires_in}; a session ends after the org's session
 *       timeout of <em>inactivity</em> (every API call resets it) and clients learn it from a 401.</li>
 *   <li>A refresh grant answers without {@code refresh_token} unless the app rotates refresh
 *       tokens; with rotation the presented token is dead after one use.</li>
 *   <li>Codes are consumed by the first exchange attempt, successful or not.</li>
 *   <li>A PKCE challenge without {@code code_challenge_method} is S256 (jsforce never sends the
 *       method); a {@code code_verifier} on a code without a challenge, or on other grants, is ignored.</li>
 *   <li>Approval = an unrevoked refresh token of that user for that app. At most
 *       {@code maxApprovalsPerApp} (5) exist; the sixth revokes the oldest and its sessions.</li>
 *   <li>The identity URL answers a bad token with 403 {@code Bad_OAuth_Token} (text), userinfo
 *       with 401 {@code INVALID_SESSION_ID}.</li>
 * </ul>
 */
package dev.crosswalk.emulator.oauth;
