package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.Record;
import java.util.function.Predicate;

/**
 * A compiled WHERE clause. Most filters are fixed at prepare time; a semi-join
 * ({@code Id IN (SELECT …)}) must read the store when the query runs, so every execution first
 * {@link #bind binds} the tree into a plain per-row {@link Predicate}.
 */
@FunctionalInterface
interface Filter {
    /** Called once per execution, under the org's read lock. */
    Predicate<Record> bind();

    static Filter of(Predicate<Record> predicate) {
        return () -> predicate;
    }
}
