package dev.crosswalk.app.customobjects;

import dev.crosswalk.app.health.HealthCode;

/** The two connections of a Custom Objects integration, as the admin sees them. */
public enum Direction {
    INBOUND("Inbound", "Crosswalk → Salesforce, as the Salesforce integration user"),
    OUTBOUND("Outbound", "Salesforce → Crosswalk, through the package's Named Credential");

    private final String label;
    private final String meaning;

    Direction(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** Which connection an error of a Custom Objects integration concerns. */
    public static Direction of(HealthCode code) {
        return code.scope() == HealthCode.Scope.OUTBOUND ? OUTBOUND : INBOUND;
    }
}
