package dev.crosswalk.emulator.rules;

/**
 * A rule that refuses the save of a record whose {@code field} (after the change) contains
 * {@code contains}: the emulator's stand-in for a Salesforce validation rule (code
 * {@code FIELD_CUSTOM_VALIDATION_EXCEPTION}, the rule's error message, the error shown at the field)
 * and, with another code and a count, for per-row transient errors such as {@code UNABLE_TO_LOCK_ROW}.
 *
 * @param id        assigned when registered
 * @param object    API name of the object ({@code Ecosystem_Overlap__c})
 * @param field     API name of the field the condition reads and the error is shown at
 * @param contains  the condition: the field's value as text contains this (case-sensitive)
 * @param errorCode the status code of the row's error
 * @param message   the error message, as the admin wrote it on the rule
 * @param times     how many saves it refuses before it stops matching; negative = always (a validation rule)
 */
public record RowRule(String id, String object, String field, String contains, String errorCode, String message, int times) {
    public static final String VALIDATION = "FIELD_CUSTOM_VALIDATION_EXCEPTION";

    public RowRule {
        if (object == null || object.isBlank() || field == null || field.isBlank()) {
            throw new IllegalArgumentException("A rule needs an object and a field");
        }
        if (contains == null || contains.isEmpty()) {
            throw new IllegalArgumentException("A rule needs a non-empty 'contains' condition");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("A rule needs an error message");
        }
        errorCode = errorCode == null || errorCode.isBlank() ? VALIDATION : errorCode;
    }

    /** A validation rule: refuses every matching save with FIELD_CUSTOM_VALIDATION_EXCEPTION. */
    public static RowRule validation(String object, String field, String contains, String message) {
        return new RowRule(null, object, field, contains, VALIDATION, message, -1);
    }
}
