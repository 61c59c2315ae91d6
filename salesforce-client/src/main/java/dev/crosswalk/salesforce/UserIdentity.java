package dev.crosswalk.salesforce;

/**
 * Who a token belongs to, from {@code /services/oauth2/userinfo} or the identity URL.
 *
 * @param userId   005…
 * @param orgId    00D…
 * @param active   false once the user is deactivated (the token usually stops working first)
 */
public record UserIdentity(String userId, String orgId, String username, String displayName, String email,
                           boolean active, String userType) {
}
