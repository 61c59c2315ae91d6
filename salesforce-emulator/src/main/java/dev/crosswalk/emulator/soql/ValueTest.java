package dev.crosswalk.emulator.soql;

/** A test of one field value (already read from the row), compiled from an operator and a literal. */
@FunctionalInterface
interface ValueTest {
    boolean test(Object value);

    default ValueTest negate() {
        return v -> !test(v);
    }
}
