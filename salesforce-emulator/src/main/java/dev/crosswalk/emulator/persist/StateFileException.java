package dev.crosswalk.emulator.persist;

/** A state file that cannot be loaded: corrupt, truncated, foreign or from an incompatible version. */
public final class StateFileException extends RuntimeException {
    public StateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
