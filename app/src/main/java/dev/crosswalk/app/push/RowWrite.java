package dev.crosswalk.app.push;

import dev.crosswalk.salesforce.ApiError;
import java.util.Map;

/** Writing rows into Salesforce and what came back for each. */
final class RowWrite {
    private RowWrite() {
    }

    /** A row to write: its push key and the Salesforce fields (an Id for update and delete). */
    record Item(String key, Map<String, Object> fields) {
    }

    /** Salesforce's answer for one row: its record id on success, else the error. Unprocessed rows have neither. */
    record Result(String key, boolean success, String sfId, ApiError error) {
        static Result ok(String key, String sfId) {
            return new Result(key, true, sfId, null);
        }

        static Result failed(String key, ApiError error) {
            return new Result(key, false, null, error);
        }

        /** A delete of a record that is already gone is what we wanted. */
        boolean alreadyGone() {
            return error != null && (error.is("ENTITY_IS_DELETED") || error.is("NOT_FOUND")
                    || (error.is("INVALID_CROSS_REFERENCE_KEY") && error.message().toLowerCase().contains("deleted")));
        }

        boolean lockError() {
            return error != null && error.is("UNABLE_TO_LOCK_ROW");
        }
    }

    enum Operation { UPSERT, UPDATE, DELETE }
}
