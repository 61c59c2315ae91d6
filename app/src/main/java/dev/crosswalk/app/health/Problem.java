package dev.crosswalk.app.health;

import java.util.Objects;

/**
 * One observed problem: a stable code, the object/field concerned (null when the whole
 * connection is concerned), what happened in words and the fix in words.
 */
public record Problem(HealthCode code, String object, String field, String message, String fix) {
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    /** The same problem with a more specific fix (a preflight line knows exactly what is missing). */
    public Problem withFix(String specificFix) {
        return new Problem(code, object, field, message, specificFix);
    }

    /** Message and fix in one line, for run history. */
    public String text() {
        return fix.isEmpty() ? message : message + " Fix: " + fix;
    }
}
