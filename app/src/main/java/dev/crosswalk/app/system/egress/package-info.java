/**
 * Server-side HTTP to addresses users give (webhooks), under one egress policy.
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>Checking the URL when it is saved is not enough: the name may resolve elsewhere later (DNS
 *     rebinding). {@code EgressClient}'s resolver is the policy, so the address checked is the address
 *     connected to, on every request.
 * <li>Never follow redirects, reuse connections or use a proxy for these calls: each would connect to
 *     an address the policy never saw.
 * <li>Hosts written as numbers other than a plain dotted quad (decimal, hex, octal, short forms) are
 *     refused: resolvers disagree on what they mean.
 * <li>Answers stay coarse (status class, timeout, refused): a detailed network error turns webhooks
 *     into a port scanner.
 * </ul>
 */
package dev.crosswalk.app.system.egress;
