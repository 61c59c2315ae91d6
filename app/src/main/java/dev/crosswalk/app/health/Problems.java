package dev.crosswalk.app.health;

import dev.crosswalk.app.system.Screens;
import dev.crosswalk.salesforce.ApiError;
import dev.crosswalk.salesforce.LimitInfo;
import dev.crosswalk.salesforce.SalesforceError;

/**
 * Turns what Salesforce answered into {@link Problem}s with a stable code and an admin's words:
 * what broke, and what to do in which system. The one place these texts are written.
 */
public final class Problems {
    /** Where a connection is reauthorized; generated from the UI's navigation, so it names a screen that exists. */
    static final String UPDATE = Screens.INTEGRATION_ADVANCED_SETTINGS.trailTo("⋯ Actions", "Update");
    /** Where objects and fields are chosen. */
    static final String SETTINGS = Screens.INTEGRATION_GENERAL_SETTINGS.trail();

    private Problems() {
    }

    public static Problem of(SalesforceError error, String object, String username) {
        String sfMessage = error.first().map(ApiError::message).orElse("").trim();
        if (error instanceof SalesforceError.AuthRevoked) {
            return new Problem(HealthCode.AUTH_REVOKED, null, null, "Salesforce no longer accepts Crosswalk's authorization for "
                    + username + " (the refresh token was revoked, expired by policy or replaced).",
                    "Reauthorize the connection: " + UPDATE + ", and sign in as "
                            + username + " (or another integration user).");
        }
        if (error instanceof SalesforceError.AuthExpired) {
            return new Problem(HealthCode.AUTH_EXPIRED, null, null, "The Salesforce session for " + username
                    + " expired and could not be renewed.", "Reauthorize the connection: " + UPDATE + ".");
        }
        if (error instanceof SalesforceError.UserInactive) {
            return userInactive(username);
        }
        if (error instanceof SalesforceError.ApiDisabled) {
            return apiDisabled(username, sfMessage);
        }
        if (error instanceof SalesforceError.RateLimited r) {
            return apiLimit(r.limitInfo().orElse(null), 1.0, true);
        }
        if (error instanceof SalesforceError.Transient) {
            return new Problem(HealthCode.SALESFORCE_UNAVAILABLE, object, null, "Salesforce did not answer reliably"
                    + (object == null ? "" : " while reading " + object) + (sfMessage.isEmpty() ? "" : " (" + sfMessage + ")") + ".",
                    "Nothing to do yet: Crosswalk retries with backoff. If this persists, check trust.salesforce.com for an incident.");
        }
        if (error instanceof SalesforceError.InsufficientAccess || error instanceof SalesforceError.NotFound) {
            return permissionMissing(object, username);
        }
        if (error instanceof SalesforceError.InvalidRequest r) {
            if (r.hasCode("INVALID_TYPE")) {
                return permissionMissing(object, username);
            }
            if (r.hasCode("INVALID_FIELD")) {
                return new Problem(HealthCode.FIELD_MISSING, object, null, sfMessage, "Check the field selection of "
                        + object + " in " + SETTINGS + ", and the field-level security of " + username + ".");
            }
        }
        if (error instanceof SalesforceError.UntrustedInstanceUrl u) {
            return new Problem(HealthCode.INSTANCE_URL_REJECTED, null, null, "Salesforce sent an instance URL outside the allowed"
                    + " hosts (" + u.host() + "); nothing was sent there.", "Reauthorize the connection: " + UPDATE + ".");
        }
        return new Problem(HealthCode.SALESFORCE_ERROR, object, null, "Salesforce refused reading " + object + ": "
                + error.message(), "Check the object and field selection in " + SETTINGS + ".");
    }

    /** The integration user is inactive or frozen (seen by a refused call or by the probe's user check). */
    public static Problem userInactive(String username) {
        return new Problem(HealthCode.USER_INACTIVE, null, null, "The Salesforce user " + username + " is inactive or frozen.",
                "In Salesforce Setup → Users, reactivate " + username + ", or reauthorize the connection as another"
                        + " active user: " + UPDATE + ".");
    }

    /** Salesforce refuses API calls for the user ({@code detail}: Salesforce's words, or the preflight's). */
    public static Problem apiDisabled(String username, String detail) {
        return new Problem(HealthCode.API_DISABLED, null, null, "Salesforce refuses API calls for " + username
                + (detail == null || detail.isBlank() ? "" : " (" + detail + ")") + ".", "In Salesforce Setup, give " + username
                + " the \"API Enabled\" system permission (in its profile or a permission set assigned to it); check that the"
                + " org's edition includes API access.");
    }

    /** The Crosswalk member who authorized the connection was removed from the organization. */
    public static Problem authorizerRemoved(String email) {
        return new Problem(HealthCode.AUTHORIZER_REMOVED, null, null, email
                + ", who authorized this Salesforce connection, was removed from the organization. The connection"
                + " keeps working, but nobody here is answerable for it and it may be revoked in Salesforce with"
                + " that person's access.", "An Admin should reauthorize the connection (" + UPDATE + ")"
                + " so it is held by a current Admin.");
    }

    /** The Crosswalk member who authorized the connection is no longer an Admin. */
    public static Problem authorizerNotAdmin(String email) {
        return new Problem(HealthCode.AUTHORIZER_NOT_ADMIN, null, null, email
                + ", who authorized this Salesforce connection, is no longer an Admin.",
                "An Admin should reauthorize the connection (" + UPDATE + "), or make " + email + " an Admin again.");
    }

    /** The Salesforce user holds as many approvals of the connected app as Salesforce allows. */
    public static Problem approvalLimit(String username, int held) {
        return new Problem(HealthCode.APPROVAL_LIMIT, null, null, "The Salesforce user " + username + " holds "
                + held + " approvals of Crosswalk's connected app, Salesforce's limit: authorizing it once more will"
                + " silently revoke the oldest, breaking another connection.",
                "Use a separate integration user per connection, or disconnect connections you no longer need before"
                        + " authorizing another.");
    }

    /** The scheduled health probe itself failed (Crosswalk's side, not Salesforce's answer). */
    public static Problem probeFailed(String detail) {
        return new Problem(HealthCode.PROBE_FAILED, null, null, "Crosswalk could not check this connection (" + detail
                + "), so a break may go unnoticed until the next sync.", "Nothing to do in Salesforce: the probe runs again"
                + " every few minutes. If this stays, give your Crosswalk operator this message.");
    }

    /** Checking the connection right after a reauthorization failed (the reauthorization itself is kept). */
    public static Problem verificationFailed(String detail) {
        return new Problem(HealthCode.VERIFICATION_FAILED, null, null, "The connection was reauthorized, but checking it right"
                + " away failed (" + detail + "); its errors clear once the verification run or the next probe succeeds.",
                "Wait for the verification run to finish, or test the connection now: "
                        + Screens.INTEGRATION_ADVANCED_SETTINGS.trailTo("⋯ Actions", "Test") + ".");
    }

    public static Problem permissionMissing(String object, String username) {
        return new Problem(HealthCode.PERMISSION_MISSING, object, null, "The Salesforce user " + username + " cannot read "
                + object + "; the other objects keep syncing.", "In Salesforce Setup, give " + username + " Read on " + object
                + ": assign the permission set that grants it (e.g. Crosswalk Integration) or edit its profile's Object Settings.");
    }

    public static Problem fieldMissing(String object, String field, String username) {
        return new Problem(HealthCode.FIELD_MISSING, object, field, "The field " + object + "." + field
                + " is missing or not readable by " + username + "; the other fields keep syncing.",
                "In Salesforce Setup, make " + object + "." + field + " visible to " + username
                        + " (Field-Level Security), or remove it from the field selection in " + SETTINGS + ".");
    }

    public static Problem syncFailed(String object, String detail) {
        return new Problem(HealthCode.SYNC_FAILED, object, null, "Crosswalk could not store the " + object + " records ("
                + detail + ").", "Nothing to do yet: the next run retries from the last saved checkpoint.");
    }

    /**
     * The after-sync pipeline failed its last attempt at {@code stage}: the synced records are
     * stored, but what they feed (keys, populations, overlaps, …) is not up to date.
     */
    public static Problem matchingFailed(String stage, String cause, int attempts) {
        return new Problem(HealthCode.MATCHING_FAILED, null, null, "Matching the synced records failed at the \"" + stage
                + "\" step " + attempts + (attempts == 1 ? " time" : " times") + " (" + cause + "). Records are synced, but"
                + ("push".equals(stage) ? " Salesforce's Ecosystem_Overlap__c records do not show the latest overlaps yet."
                        : " overlaps and populations do not include the latest changes."),
                "Nothing to do in Salesforce. Crosswalk tries again after the next sync (Integrations → Sync now to try at"
                        + " once); if it keeps failing, give your Crosswalk operator this message: the service log names the"
                        + " step and the cause.");
    }

    /**
     * @param threshold the share at which Crosswalk pauses (1.0 = Salesforce itself refused)
     */
    public static Problem apiLimit(LimitInfo usage, double threshold, boolean refusedBySalesforce) {
        String used = usage == null ? "unknown" : String.format("%,d of %,d requests (%d%%)", usage.used(), usage.max(),
                Math.round(usage.usedFraction() * 100));
        String message = refusedBySalesforce
                ? "Salesforce refused further API calls: the org's daily API limit is used up (" + used + " in the last 24 hours)."
                : "The org's daily API usage is " + used + ", at or above the " + Math.round(threshold * 100)
                        + "% Crosswalk leaves for your other integrations, so syncing is paused.";
        return new Problem(HealthCode.API_LIMIT, null, null, message, "Nothing is required: syncing resumes by itself once"
                + " usage drops (Salesforce counts a rolling 24 hours). To resume sooner, reduce other integrations' usage or"
                + " raise the org's API allocation; the pause threshold is crosswalk.health.api-quota-share.");
    }

    /** A field the push writes is missing in Salesforce (an older package, or the field was deleted). */
    public static Problem pushFieldMissing(String object, String field, String username) {
        return new Problem(HealthCode.FIELD_MISSING, object, field, "The field " + object + "." + field + " does not exist in"
                + " Salesforce or " + username + " cannot edit it, so Crosswalk pushes nothing until it is back.",
                "Install the current Crosswalk package in this Salesforce org (sf project deploy start --source-dir"
                        + " salesforce-package/force-app), which restores " + object + "." + field + ", and keep the permission set"
                        + " Crosswalk_Setup_User assigned to " + username + ".");
    }

    /** The package's object is missing or not writable by the integration user. */
    public static Problem pushObjectMissing(String object, String username) {
        return new Problem(HealthCode.OBJECT_MISSING, object, null, "The object " + object + " does not exist in Salesforce or "
                + username + " cannot create and edit it, so Crosswalk pushes nothing.", "Install the Crosswalk package in this"
                + " Salesforce org and assign the permission set Crosswalk_Setup_User to " + username + ".");
    }

    /**
     * @param stopped true at 100% (new records are not pushed), false at the 80% warning
     */
    public static Problem exportLimit(String object, int used, int limit, String term, boolean stopped) {
        String usage = String.format("%,d of %,d unique records this %s", used, limit, term);
        if (stopped) {
            return new Problem(HealthCode.EXPORT_LIMIT, object, null, "The export limit is reached (" + usage + "): new overlap"
                    + " records are not pushed; existing ones are still updated and removed.", "Narrow what is pushed in the"
                    + " integration's General Settings (partners, populations), or raise crosswalk.push.export-limit; the count"
                    + " starts again at the next " + term + ".");
        }
        return new Problem(HealthCode.EXPORT_LIMIT_NEAR, object, null, "80% of the export limit is used (" + usage + ").",
                "Nothing is required yet. At 100% new overlap records stop being pushed: narrow the General Settings or raise"
                        + " crosswalk.push.export-limit before then.");
    }

    // The two connections of a Custom Objects integration. Each text names the connection it concerns, and its fix points
    // at that connection's row of Advanced Settings (or the setup journey), screens that exist.

    private static final String INBOUND = "Inbound";
    private static final String OUTBOUND = "Outbound";

    /** {@code Integrations → name → Settings → Advanced Settings → Inbound → ⋯ Actions → Update}. */
    public static String connectionAction(String integrationName, String connection, String action) {
        return Screens.INTEGRATION_ADVANCED_SETTINGS.trail(integrationName) + " → " + connection + " → ⋯ Actions → " + action;
    }

    private static String prefix(String connection) {
        return connection + " connection (" + (INBOUND.equals(connection) ? "Crosswalk → Salesforce" : "Salesforce → Crosswalk")
                + "): ";
    }

    /** The Inbound connection as a whole refused (authorization, inactive user, API disabled, …). */
    public static Problem inboundRefused(SalesforceError error, String username, String integrationName) {
        Problem base = of(error, null, username);
        String fix = base.code().scope() == HealthCode.Scope.CONNECTION && base.code() != HealthCode.API_DISABLED
                ? "Reauthorize: " + connectionAction(integrationName, INBOUND, "Update") + ", and sign in to Salesforce as the"
                        + " integration user " + username + " (or another user holding the Crosswalk Setup User permission set)."
                        + " Crosswalk verifies both connections at once."
                : base.fix() + " Then " + connectionAction(integrationName, INBOUND, "Test") + ".";
        return new Problem(base.code(), base.object(), base.field(), prefix(INBOUND) + base.message(), fix);
    }

    /** The Inbound connection was never authorized (the setup journey stopped before its step 3). */
    public static String inboundMissingFix(String integrationName) {
        return "Authorize it: " + connectionAction(integrationName, INBOUND, "Update");
    }

    /**
     * A preflight requirement or probe of the Inbound connection that failed, about {@code subject} (an object,
     * permission set or page); {@code fix} is the requirement's own remedy in Salesforce.
     */
    public static Problem inboundRequirement(HealthCode code, String subject, String field, String requirement,
            String evidence, String fix, String integrationName) {
        return new Problem(code, subject, field, prefix(INBOUND) + requirement + " — not met (" + evidence + ").", fix
                + ". Then " + connectionAction(integrationName, INBOUND, "Test") + " to verify at once.");
    }

    /** Salesforce holds no usable token for the package's Named Credential. */
    public static Problem outboundNotAuthenticated(String detail, String integrationName) {
        return new Problem(HealthCode.OUTBOUND_NOT_AUTHENTICATED, null, null, prefix(OUTBOUND)
                + "Salesforce holds no usable Crosswalk token for the Named Credential \"Crosswalk\", so record pages and the"
                + " setup page cannot reach Crosswalk (" + detail + ").",
                "Authenticate it again: " + connectionAction(integrationName, OUTBOUND, "Update") + " (or in Salesforce: App"
                        + " Launcher → Crosswalk Setup → Set up), sign in to Crosswalk and select this organization. Crosswalk"
                        + " verifies both connections at once.");
    }

    /** A callout from Salesforce did not reach the package API. */
    public static Problem outboundFailing(String detail, String integrationName) {
        return new Problem(HealthCode.OUTBOUND_FAILING, null, null, prefix(OUTBOUND)
                + "a callout from Salesforce did not get an answer from Crosswalk's package API (" + detail + ").",
                "In Salesforce Setup → Named Credentials → Crosswalk, check that the URL is this Crosswalk's address; then "
                        + connectionAction(integrationName, OUTBOUND, "Test") + ". If the token is the cause, "
                        + connectionAction(integrationName, OUTBOUND, "Update") + ".");
    }
}
