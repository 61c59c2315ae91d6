package dev.crosswalk.app.sync;

import dev.crosswalk.salesforce.ApiError;
import dev.crosswalk.salesforce.SalesforceError;

/**
 * Turns a Salesforce failure into a run error with a stable code and words an admin can act
 * on. {@link #isTerminal} tells failures that stop the whole run (the connection itself is
 * broken) from those that only stop one object.
 */
final class SyncErrors {
    private SyncErrors() {
    }

    static SyncRun.RunError of(SalesforceError error, String object, String username) {
        String sfMessage = error.errors().stream().findFirst().map(ApiError::message).orElse("");
        if (error instanceof SalesforceError.AuthRevoked) {
            return new SyncRun.RunError("AUTH_REVOKED", null, null, "Salesforce revoked Crosswalk's access for " + username
                    + ". Reauthorize the connection (⋯ → Update).");
        }
        if (error instanceof SalesforceError.AuthExpired) {
            return new SyncRun.RunError("AUTH_EXPIRED", null, null, "The Salesforce session for " + username
                    + " expired and could not be renewed. Reauthorize the connection (⋯ → Update).");
        }
        if (error instanceof SalesforceError.UserInactive) {
            return new SyncRun.RunError("USER_INACTIVE", null, null, "The Salesforce user " + username
                    + " is inactive. Reactivate it in Salesforce Setup, or reauthorize as another user.");
        }
        if (error instanceof SalesforceError.ApiDisabled) {
            return new SyncRun.RunError("API_DISABLED", null, null, "API access is disabled for " + username
                    + ". Give the user the 'API Enabled' permission in Salesforce Setup.");
        }
        if (error instanceof SalesforceError.RateLimited) {
            return new SyncRun.RunError("API_LIMIT", object, null, "Salesforce's daily API limit is reached ("
                    + sfMessage + "). Syncing resumes when usage drops.");
        }
        if (error instanceof SalesforceError.Transient) {
            return new SyncRun.RunError("SALESFORCE_UNAVAILABLE", object, null, "Salesforce did not answer reliably ("
                    + sfMessage + "). The next run retries.");
        }
        if (error instanceof SalesforceError.InsufficientAccess || error instanceof SalesforceError.NotFound) {
            return permissionMissing(object, username);
        }
        if (error instanceof SalesforceError.InvalidRequest r) {
            String code = r.errors().stream().findFirst().map(ApiError::errorCode).orElse("");
            if (code.equals("INVALID_TYPE")) {
                return permissionMissing(object, username);
            }
            if (code.equals("INVALID_FIELD")) {
                return new SyncRun.RunError("FIELD_MISSING", object, null, sfMessage.trim());
            }
        }
        if (error instanceof SalesforceError.UntrustedInstanceUrl u) {
            return new SyncRun.RunError("INSTANCE_URL_REJECTED", null, null, "Salesforce sent an instance URL outside the"
                    + " allowed hosts (" + u.host() + "); nothing was sent there. Reauthorize the connection.");
        }
        return new SyncRun.RunError("SALESFORCE_ERROR", object, null, error.toString());
    }

    static SyncRun.RunError permissionMissing(String object, String username) {
        return new SyncRun.RunError("PERMISSION_MISSING", object, null, "The Salesforce user " + username + " cannot read "
                + object + ". In Salesforce Setup, give " + username + " Read on " + object
                + " (in its profile or a permission set).");
    }

    static boolean isTerminal(SalesforceError error) {
        return error instanceof SalesforceError.AuthRevoked || error instanceof SalesforceError.AuthExpired
                || error instanceof SalesforceError.UserInactive || error instanceof SalesforceError.ApiDisabled
                || error instanceof SalesforceError.RateLimited || error instanceof SalesforceError.UntrustedInstanceUrl;
    }
}
