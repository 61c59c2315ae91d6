package dev.crosswalk.emulator.model;

import java.util.Locale;

/** Salesforce field display types the emulator supports, with their describe and SOAP names. */
public enum FieldType {
    ID("tns:ID"),
    REFERENCE("tns:ID"),
    STRING("xsd:string"),
    TEXTAREA("xsd:string"),
    PICKLIST("xsd:string"),
    MULTIPICKLIST("xsd:string"),
    URL("xsd:string"),
    EMAIL("xsd:string"),
    PHONE("xsd:string"),
    BOOLEAN("xsd:boolean"),
    INT("xsd:int"),
    DOUBLE("xsd:double"),
    CURRENCY("xsd:double"),
    PERCENT("xsd:double"),
    DATE("xsd:date"),
    DATETIME("xsd:dateTime"),
    /** Compound, read-only: rendered from its component fields ({@link CompoundFields}). */
    ADDRESS("urn:address");

    private final String soapType;

    FieldType(String soapType) {
        this.soapType = soapType;
    }

    /** The value of {@code type} in describe results, e.g. {@code datetime}. */
    public String describeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String soapType() {
        return soapType;
    }

    /** Types whose Java value is a {@link String}. */
    public boolean isText() {
        return switch (this) {
            case ID, REFERENCE, STRING, TEXTAREA, PICKLIST, MULTIPICKLIST, URL, EMAIL, PHONE -> true;
            default -> false;
        };
    }

    public boolean isNumeric() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }
}
