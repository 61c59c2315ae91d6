package dev.crosswalk.app.health;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Notifications that are not alerts of an integration (e.g. a partner's invitation), contributed
 * by the feature that owns them, so the bell counts and lists them without this package knowing
 * that feature. {@code readUpTo} is when the member last opened the notifications ({@link Instant#MIN}
 * if never): items after it count as unread.
 */
public interface NotificationSource {

    /** One item: what happened, where to act on it, and when. */
    record Item(String summary, String href, Notifications.Kind kind, Instant at) {
    }

    List<Item> recent(UUID organizationId, int limit);
}
