package dev.crosswalk.app.org;

import java.util.UUID;

/**
 * Published when a member is removed or changes role, so features holding a member's
 * authorization (a Salesforce connection someone authorized) can warn before it breaks.
 */
public record MemberChanged(UUID organizationId, UUID memberId, String email, Role newRole, boolean removed) {
}
