/**
 * Cross-cutting configuration: security, encryption of secrets at rest, the embedded PostgreSQL,
 * the clock, outbound egress policy, error codes and the one API exception handler.
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>API errors are {@link dev.crosswalk.app.system.ErrorCode}s thrown as
 *     {@link dev.crosswalk.app.system.CrosswalkException} and rendered once by
 *     {@code ApiExceptionHandler} as RFC 9457 problems; never hand-build error JSON.
 * <li>Inject {@code java.time.Clock}; never call {@code Instant.now()} in code that tests drive.
 * <li>Secrets are encrypted with {@link dev.crosswalk.app.system.SecretCipher} and bound to their
 *     row id; a ciphertext copied to another row must not decrypt.
 * <li>{@code TableStatistics} refreshes planner statistics after large loads: without it the first
 *     queries after a big first sync can pick a bad plan.
 * </ul>
 */
package dev.crosswalk.app.system;
