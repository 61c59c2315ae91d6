package dev.crosswalk.app.customobjects;

import dev.crosswalk.app.health.HealthCode;
import dev.crosswalk.app.health.Problem;
import dev.crosswalk.app.health.Problems;
import dev.crosswalk.salesforce.SalesforceError;

/**
 * The words of Custom Objects errors: each names its connection, the cause, and a fix that names
 * only screens that exist (the integration's Advanced Settings and the setup journey). The one
 * place these texts are written.
 */
final class CustomObjectsProblems {
    private CustomObjectsProblems() {
    }

    /** Which connection an error of this integration concerns. */
    static Direction direction(HealthCode code) {
        return code.scope() == HealthCode.Scope.OUTBOUND ? Direction.OUTBOUND : Direction.INBOUND;
    }

    /** Where the admin repairs and re-checks a connection. */
    static String advancedSettings(String integrationName) {
        return "Integrations → " + integrationName + " → Settings → Advanced Settings";
    }

    static String update(String integrationName, Direction d) {
        return advancedSettings(integrationName) + " → " + d.label() + " → ⋯ → Update";
    }

    static String test(String integrationName, Direction d) {
        return advancedSettings(integrationName) + " → " + d.label() + " → ⋯ → Test";
    }

    static String prefix(Direction d) {
        return d.label() + " connection (" + (d == Direction.INBOUND ? "Crosswalk → Salesforce" : "Salesforce → Crosswalk") + "): ";
    }

    /** The Inbound connection as a whole refused (authorization, inactive user, API disabled). */
    static Problem inbound(SalesforceError error, String username, String integrationName) {
        Problem base = Problems.of(error, null, username);
        String fix = base.code().scope() == HealthCode.Scope.CONNECTION && base.code() != HealthCode.API_DISABLED
                ? "Reauthorize: " + update(integrationName, Direction.INBOUND) + ", and sign in to Salesforce as the integration"
                        + " user " + username + " (or another user holding the Crosswalk Setup User permission set). Crosswalk"
                        + " verifies both connections at once."
                : base.fix() + " Then " + test(integrationName, Direction.INBOUND) + ".";
        return new Problem(base.code(), base.object(), base.field(), prefix(Direction.INBOUND) + base.message(), fix);
    }

    /** A preflight requirement or probe that failed, about {@code subject} (an object, permission set or page). */
    static Problem requirement(HealthCode code, String subject, String field, Check check, String integrationName) {
        return new Problem(code, subject, field, prefix(Direction.INBOUND) + check.requirement() + " — not met ("
                + check.evidence() + ").", check.fix() + ". Then " + test(integrationName, Direction.INBOUND)
                + " to verify at once.");
    }

    static Problem outboundNotAuthenticated(String detail, String integrationName) {
        return new Problem(HealthCode.OUTBOUND_NOT_AUTHENTICATED, null, null, prefix(Direction.OUTBOUND)
                + "Salesforce holds no usable Crosswalk token for the Named Credential \"Crosswalk\", so record pages and the"
                + " setup page cannot reach Crosswalk (" + detail + ").",
                "Authenticate it again: " + update(integrationName, Direction.OUTBOUND) + " (or in Salesforce: App Launcher →"
                        + " Crosswalk Setup → Set up), sign in to Crosswalk and select this organization. Crosswalk verifies"
                        + " both connections at once.");
    }

    static Problem outboundFailing(String detail, String integrationName) {
        return new Problem(HealthCode.OUTBOUND_FAILING, null, null, prefix(Direction.OUTBOUND)
                + "a callout from Salesforce did not get an answer from Crosswalk's package API (" + detail + ").",
                "In Salesforce Setup → Named Credentials → Crosswalk, check that the URL is this Crosswalk's address; then "
                        + test(integrationName, Direction.OUTBOUND) + ". If the token is the cause, "
                        + update(integrationName, Direction.OUTBOUND) + ".");
    }
}
