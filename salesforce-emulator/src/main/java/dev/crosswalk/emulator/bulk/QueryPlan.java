package dev.crosswalk.emulator.bulk;

import dev.crosswalk.emulator.model.Record;
import java.util.List;

/**
 * What a query job runs, compiled (and checked against the user's access) when the job is created,
 * so a bad query is refused at once. {@link #execute()} and the readers run under the org's read lock.
 */
interface QueryPlan {

    /** The queried object, shown as {@code object} in job info. */
    String objectName();

    /** CSV header names in SELECT order, e.g. {@code Id}, {@code Owner.Name}. */
    List<String> headers();

    /** One reader per header, same order: the stored value of that column for a row. */
    List<CellReader> readers();

    /** The matching rows: references to the stored records, not copies. */
    List<Record> execute();

    /** Reads one column of a row; returns stored Java values (String, Boolean, Integer, Double, LocalDate, Instant). */
    @FunctionalInterface
    interface CellReader {
        Object read(Record row);
    }
}
