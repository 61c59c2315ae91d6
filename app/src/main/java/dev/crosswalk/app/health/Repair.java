package dev.crosswalk.app.health;

/**
 * What the Fix now button of an error does: sign in to Salesforce again (the authorization itself
 * is broken or held by the wrong person), or test the connection again once the admin fixed the
 * cause in Salesforce (a permission, an inactive user, a field's visibility, the API limit).
 */
public enum Repair {
    REAUTHORIZE("Reauthorize", "Sign in to Salesforce again; Crosswalk then checks every permission and syncs at once."),
    TEST_AGAIN("Test again", "After fixing this in Salesforce, test the connection: Crosswalk checks the permissions again"
            + " and clears what is fixed.");

    private final String label;
    private final String explanation;

    Repair(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    public static Repair of(HealthCode code) {
        return switch (code) {
            case AUTH_REVOKED, AUTH_EXPIRED, INSTANCE_URL_REJECTED, AUTHORIZER_REMOVED, AUTHORIZER_NOT_ADMIN -> REAUTHORIZE;
            default -> TEST_AGAIN;
        };
    }
}
