/**
 * The Outbound connection: Crosswalk as an OAuth 2.0 authorization server (Spring Authorization
 * Server) for the Salesforce package's External Credential, and the package API it guards
 * ({@code /api/package/v1}).
 *
 * <h2>Map</h2>
 * <ul>
 * <li>{@link dev.crosswalk.app.auth.OutboundClients}: the public service; one client per Custom
 *     Objects integration, bound to one organization and one Salesforce org (secret shown once).
 * <li>{@code AuthorizationServerConfig}: the server's filter chain and the package API's
 *     resource-server chain; {@code OrganizationSelection} + {@code ConsentController}: the consent page
 *     ("select the organization").
 * <li>{@code HashedAuthorizationService}, {@code SigningKeys}: tokens and signing keys at rest.
 * <li>{@code PackageTokenDecoder}, {@code PackageCalls}, {@code PackageApiController}: admitting a
 *     package call and answering it.
 * </ul>
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>A token's signature and expiry are not enough: {@code PackageTokenDecoder} also checks the
 *     authorization is still active, or a revoked token (RFC 7009) keeps working until it expires.
 *     It reads only the expiry and Spring's invalidated flag by the token's digest: loading the whole
 *     authorization (JSON attributes, registered client) per call is what made the record page slow.
 * <li>The record page ({@code GET …/records/…}) is the one call whose token is not checked against the
 *     store in the filter: its data statement checks it ({@code PackageCalls.recordPage},
 *     {@code OutboundClientRepository.activeAccessTokenOf}), together with the binding it ran under, and
 *     refuses with the filter's 401; one round trip per call instead of two (P6). A handler of another
 *     path never gets such a call unchecked ({@code PackageCalls.accept} checks the store when the filter
 *     did not). Any new data path under {@code /records/} must check its token the same way.
 * <li>What is cached of a token is only what cannot change: its verified signature and claims, by the
 *     digest of its value ({@code PackageTokenDecoder}); its time window is re-checked on every hit
 *     and the store is still asked on every call. Never cache "active": a revocation on any node
 *     must stop the very next call.
 * <li>The package API's chain is first and lean (no session, CSRF, logout, saved request, anonymous
 *     principal): anything added there runs on every record-page call. Its bearer resolver and the
 *     firewall's header checks take a fast path for plain ASCII and fall back to Spring's own
 *     checks, so what they refuse is Spring's decision.
 * <li>Verification keeps the last key set while it has the token's key (keys are retired, never
 *     deleted); signing re-reads the set and signs with its first, the active key.
 * <li>Token values reach PostgreSQL only as SHA-256 digests ({@code HashedAuthorizationService}); a
 *     lookup digests the presented value. Never store or log the plaintext.
 * <li>Signing keys live in PostgreSQL, encrypted with the service's key: keys generated in memory
 *     would make every restart (and every other node) refuse the tokens already issued.
 * <li>The binding is re-read on every call ({@code PackageCalls}): a client removed with its
 *     integration, or a token presented with another Salesforce org's id, admits nothing.
 * <li>Approving the consent re-reads the member from the database: a role lost since sign-in counts
 *     at once, and only an Admin of the client's own organization can approve.
 * <li>The client's one redirect URI is matched exactly: a code can only travel back to its own org.
 * </ul>
 */
package dev.crosswalk.app.auth;
