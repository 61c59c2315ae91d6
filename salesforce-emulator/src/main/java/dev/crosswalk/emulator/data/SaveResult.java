package dev.crosswalk.emulator.data;

import java.util.List;

/**
 * The outcome of writing one record: never an exception, so a batch can report every record.
 *
 * @param id      the record's 18-character id (null when a create failed or was rolled back)
 * @param created true when the write inserted the record (create, or upsert that found no match)
 */
public record SaveResult(String id, boolean success, boolean created, List<ApiError> errors) {

    public SaveResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static SaveResult created(String id) {
        return new SaveResult(id, true, true, List.of());
    }

    public static SaveResult updated(String id) {
        return new SaveResult(id, true, false, List.of());
    }

    public static SaveResult failed(String id, ApiError error) {
        return new SaveResult(id, false, false, List.of(error));
    }

    public static SaveResult failed(ApiError error) {
        return failed(null, error);
    }

    /** The first error, for single-record APIs that answer with one status. */
    public ApiError firstError() {
        return errors.isEmpty() ? null : errors.get(0);
    }
}
