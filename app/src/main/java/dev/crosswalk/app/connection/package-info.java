/**
 * OAuth connections to Salesforce: the web-server flow (PKCE, single-use state), tokens encrypted
 * at rest, compare-and-swap refresh, login hosts, and the one {@code SalesforceClient} of the
 * application ({@code SalesforceClientConfig}).
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>Tokens are stored only through {@code SecretCipher} (bound to the row's id) and never logged or
 *     returned; {@link dev.crosswalk.app.connection.ConnectionView} is the safe view.
 * <li>Refresh is compare-and-swap under a row lock: refresh only if the stored token is still the one
 *     the caller saw, re-read after locking, store a rotated refresh token in the same transaction.
 * <li>The client's own per-request retry and backoff stay configured here, in the client; the
 *     service's job retries are {@code schedule.RetryPolicies}.
 * <li>An {@code instance_url} is accepted only from the allow-list (the emulator's loopback only when
 *     {@code crosswalk.salesforce.allow-loopback} is set, in tests and the demo).
 * </ul>
 */
package dev.crosswalk.app.connection;
