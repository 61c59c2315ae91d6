package dev.crosswalk.emulator.data;

import java.util.List;

/**
 * One error of one record, as Salesforce reports it in a SaveResult: a status code such as
 * {@code REQUIRED_FIELD_MISSING}, a message and the fields concerned. REST renders it as
 * {@code {"message","errorCode","fields"}}, sObject Collections as {@code {"statusCode",…}},
 * Bulk API 2.0 as an {@code sf__Error} cell.
 */
public record ApiError(String statusCode, String message, List<String> fields) {

    public ApiError {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static ApiError of(String statusCode, String message) {
        return new ApiError(statusCode, message, List.of());
    }

    public static ApiError of(String statusCode, String message, List<String> fields) {
        return new ApiError(statusCode, message, fields);
    }

    public static ApiError invalidType(String typeName) {
        return of("INVALID_TYPE", "sObject type '" + typeName + "' is not supported. If you are attempting to use a custom "
                + "object, be sure to append the '__c' after the entity name. Please reference your WSDL or the "
                + "describe call for the appropriate names.");
    }

    public static ApiError noSuchColumn(String field, String typeName) {
        return of("INVALID_FIELD", "No such column '" + field + "' on sobject of type " + typeName);
    }

    public static ApiError idInCreate() {
        return of("INVALID_FIELD", "The Id field should not be specified in the sobject data.");
    }

    public static ApiError notWritable(List<String> fields) {
        return of("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + String.join(", ", fields)
                + ". Please check the security settings of this field and verify that it is read/write for your "
                + "profile or permission set.", fields);
    }

    public static ApiError requiredMissing(List<String> fields) {
        return of("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + String.join(", ", fields) + "]", fields);
    }

    public static ApiError insufficientAccess() {
        return of("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id");
    }

    public static ApiError entityIsDeleted() {
        return of("ENTITY_IS_DELETED", "entity is deleted");
    }

    public static ApiError malformedId(String id) {
        return of("MALFORMED_ID", "malformed id " + id);
    }

    public static ApiError invalidCrossReference() {
        return of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
    }

    public static ApiError rolledBack() {
        return of("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "Record rolled back because not all records were valid and the request was using AllOrNone header");
    }

    public static ApiError duplicateExternalId(String field, String value) {
        return of("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + value, List.of(field));
    }
}
