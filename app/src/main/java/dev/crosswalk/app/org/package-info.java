/**
 * Organizations (tenants), members and their roles (Admin, Manager, Viewer), sign-in and setup.
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>Every query is scoped by the caller's organization id, taken from the
 *     {@link dev.crosswalk.app.org.MemberPrincipal}, never from the request.
 * <li>Role checks go through {@code OrganizationService.requireAdmin} (and friends) in the service,
 *     not only in the UI.
 * <li>An organization keeps at least one Admin; {@link dev.crosswalk.app.org.MemberChanged} tells
 *     health when a connection's authorizer lost the role or left.
 * </ul>
 */
package dev.crosswalk.app.org;
