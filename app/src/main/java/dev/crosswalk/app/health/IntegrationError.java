package dev.crosswalk.app.health;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One error or warning row as the API shows it.
 *
 * @param visible false for a transient problem that has not persisted yet (see {@link #isVisible})
 */
public record IntegrationError(UUID id, UUID integrationId, UUID connectionId, HealthCode code, HealthCode.Severity severity,
        String object, String field, String message, String fix, Instant firstSeen, Instant lastSeen, int occurrences,
        Instant clearedAt, String clearedBy, UUID clearedByRun, boolean visible) {

    /** Transient problems become visible once they repeat {@code minOccurrences} times or last {@code minAge}. */
    static boolean isVisible(HealthCode code, int occurrences, Instant firstSeen, Instant lastSeen, int minOccurrences,
            Duration minAge) {
        return !code.isTransient() || occurrences >= minOccurrences
                || Duration.between(firstSeen, lastSeen).compareTo(minAge) >= 0;
    }

    public boolean open() {
        return clearedAt == null;
    }
}
