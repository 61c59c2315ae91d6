package dev.crosswalk.app.schedule;

import java.util.UUID;

/**
 * Published when the after-sync pipeline of an integration failed its last attempt (health shows
 * MATCHING_FAILED with the cause). The runs stay without {@code matchedAt}; the next request (a
 * sync, a partner-side change) starts over at the stage that failed.
 *
 * @param stage    the name of the stage that failed
 * @param cause    what it threw, in one line
 * @param attempts how many times the pass was tried
 */
public record PipelineFailed(UUID organizationId, UUID integrationId, String stage, String cause, int attempts) {
}
