package dev.crosswalk.app.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which objects sync and which fields of each. Fields Crosswalk cannot work without (ids,
 * ownership, names, websites, deletion and change tracking) are always on, whatever the admin picks.
 */
public record SyncSettings(Map<String, List<String>> objects) {

    public static final List<String> SYNCABLE_OBJECTS = List.of("Account", "Lead", "Contact", "Opportunity", "User");
    public static final List<String> ALWAYS_ON = List.of("Id", "OwnerId", "Name", "Website", "IsDeleted", "SystemModstamp",
            "CreatedDate");

    /** Field presets offered next to the per-field picker. */
    public static final Map<String, Map<String, List<String>>> PRESETS = Map.of(
            "minimal", Map.of("Account", List.of(), "Lead", List.of("Email")),
            "recommended", Map.of(
                    "Account", List.of("Type", "Industry", "BillingCountry", "NumberOfEmployees", "AnnualRevenue"),
                    "Lead", List.of("Email", "Company", "Status", "Country", "Industry", "IsConverted"),
                    "Contact", List.of("Email", "AccountId", "Title"),
                    "Opportunity", List.of("AccountId", "StageName", "CloseDate", "Amount", "IsClosed", "IsWon"),
                    "User", List.of("Email", "IsActive", "Username")));

    public SyncSettings {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        objects.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        objects = Map.copyOf(copy);
    }

    public static SyncSettings defaults() {
        return preset("recommended", List.of("Account", "Lead"));
    }

    public static SyncSettings preset(String preset, List<String> objectNames) {
        Map<String, List<String>> chosen = PRESETS.get(preset);
        if (chosen == null) {
            throw new IllegalArgumentException("Unknown preset '" + preset + "': use one of " + PRESETS.keySet());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String o : objectNames) {
            out.put(o, chosen.getOrDefault(o, List.of()));
        }
        return new SyncSettings(out);
    }

    /**
     * Whether {@code fields}, a list {@link #fieldsFor} gave earlier, is still exactly what these
     * settings ask for: no field selected or deselected since, and none of the selected ones was
     * missing in Salesforce then. A sync may then skip describing the object again.
     */
    public boolean asksExactlyFor(String object, List<String> fields) {
        return fieldsFor(object, Set.copyOf(fields)).equals(fields)
                && fields.containsAll(objects.getOrDefault(object, List.of()));
    }

    /** The fields to request for an object: always-on ones the object has, then the chosen ones. */
    public List<String> fieldsFor(String object, Set<String> available) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : ALWAYS_ON) {
            if (available.contains(f)) {
                out.add(f);
            }
        }
        for (String f : objects.getOrDefault(object, List.of())) {
            if (available.contains(f)) {
                out.add(f);
            }
        }
        return new ArrayList<>(out);
    }
}
