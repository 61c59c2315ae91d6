package dev.crosswalk.app.push;

/** What an admin can do about a row Salesforce rejected, by Salesforce's error code (null when nothing generic helps). */
final class RejectionFixes {
    private RejectionFixes() {
    }

    static String fix(String errorCode) {
        return switch (errorCode) {
            case "UNABLE_TO_LOCK_ROW" -> "Nothing to do: someone was editing the record; Crosswalk retries within minutes, with backoff.";
            case "FIELD_CUSTOM_VALIDATION_EXCEPTION" -> "A validation rule on Ecosystem_Overlap__c (or Account) refused the row:"
                    + " change the rule to allow records written by the integration user, then the next push retries.";
            case "STRING_TOO_LONG" -> "A shared value is longer than the field allows: share fewer fields with this population"
                    + " (General Settings → partner fields) or lengthen the field in Salesforce.";
            case "INVALID_CROSS_REFERENCE_KEY", "ENTITY_IS_DELETED" -> "The Account, Lead or partner Account the row points at no longer exists in"
                    + " Salesforce: the next sync removes the row, or change the partner Account mapping.";
            case "INSUFFICIENT_ACCESS_OR_READONLY", "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY" -> "The integration user cannot"
                    + " edit this record: assign the permission set Crosswalk_Setup_User and check sharing on the record.";
            case "DUPLICATE_EXTERNAL_ID", "DUPLICATE_VALUE" -> "Another record already uses this Crosswalk key: delete the copy in"
                    + " Salesforce; the next push writes the row.";
            default -> null;
        };
    }
}
