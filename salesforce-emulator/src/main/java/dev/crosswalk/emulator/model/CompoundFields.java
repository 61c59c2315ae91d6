package dev.crosswalk.emulator.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compound address fields ({@code BillingAddress}, {@code MailingAddress}, {@code Address}): read-only
 * views of their component fields, rendered as Salesforce's address object
 * {@code {city, country, geocodeAccuracy, latitude, longitude, postalCode, state, street}} (null when
 * every component is empty). A component's describe names its compound ({@code compoundFieldName}).
 */
public final class CompoundFields {
    /** JSON key → component suffix, in Salesforce's (alphabetical) key order. */
    private static final Map<String, String> ADDRESS = new LinkedHashMap<>();

    static {
        ADDRESS.put("city", "City");
        ADDRESS.put("country", "Country");
        ADDRESS.put("geocodeAccuracy", "GeocodeAccuracy");
        ADDRESS.put("latitude", "Latitude");
        ADDRESS.put("longitude", "Longitude");
        ADDRESS.put("postalCode", "PostalCode");
        ADDRESS.put("state", "State");
        ADDRESS.put("street", "Street");
    }

    private CompoundFields() {
    }

    private static String prefix(FieldDef compound) {
        return compound.name().substring(0, compound.name().length() - "Address".length());
    }

    /** The address value of {@code record} for the compound field, or null when all components are null. */
    public static Map<String, Object> value(SObjectType type, FieldDef compound, Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean any = false;
        String prefix = prefix(compound);
        for (Map.Entry<String, String> e : ADDRESS.entrySet()) {
            Object v = type.field(prefix + e.getValue()).map(record::get).orElse(null);
            any |= v != null;
            out.put(e.getKey(), v);
        }
        return any ? out : null;
    }

    /** The compound field a component belongs to ({@code BillingCity} → {@code BillingAddress}). */
    public static Optional<String> compoundOf(SObjectType type, FieldDef component) {
        for (FieldDef f : type.fields()) {
            if (f.type() != FieldType.ADDRESS) {
                continue;
            }
            String prefix = prefix(f);
            for (String suffix : ADDRESS.values()) {
                if (component.name().equals(prefix + suffix)) {
                    return Optional.of(f.name());
                }
            }
        }
        return Optional.empty();
    }
}
