package dev.crosswalk.app.record;

import java.util.Objects;
import java.util.Optional;

/** A match key, or none, and always the reason. */
public record KeyResult(Optional<String> key, KeyReason reason) {

    public KeyResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
        if (key.isPresent() != reason.producesKey()) {
            throw new IllegalArgumentException("reason " + reason + " does not fit key " + key);
        }
    }

    public static KeyResult of(String key, KeyReason reason) {
        return new KeyResult(Optional.of(key), reason);
    }

    public static KeyResult none(KeyReason reason) {
        return new KeyResult(Optional.empty(), reason);
    }

    public boolean present() {
        return key.isPresent();
    }

    /** The key, or null (for SQL parameters and JSON). */
    public String keyOrNull() {
        return key.orElse(null);
    }

    /** The same outcome under another key-producing reason (an email found in a website field). */
    KeyResult because(KeyReason producing) {
        return present() ? of(key.get(), producing) : this;
    }
}
