package dev.crosswalk.salesforce;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of writing one record (collections, upsert): per-record errors are values here,
 * not exceptions, because one bad row must not hide 199 good ones.
 *
 * @param created present for upserts: true when the record was inserted
 */
public record SaveResult(String id, boolean success, Optional<Boolean> created, List<ApiError> errors) {

    public SaveResult {
        errors = List.copyOf(errors);
    }
}
