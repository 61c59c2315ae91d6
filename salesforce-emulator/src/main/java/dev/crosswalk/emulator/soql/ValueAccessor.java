package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.Record;

/** Reads one (possibly parent) value from a row; resolved once at prepare time, called per row. */
@FunctionalInterface
interface ValueAccessor {
    Object get(Record record);
}
