package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.Map;
import java.util.Optional;

/**
 * Values the platform fills in when a caller inserts a setup row through the data API, so
 * that such rows look like the ones Setup creates (and SOQL preflight queries see the same
 * thing): an assignment is active, a permission set is a custom "Regular" one, a setup entity
 * access names its entity type, a new user is an active standard user with locale defaults.
 * Only fields the caller left empty are set.
 */
final class PlatformDefaults {
    private static final Map<String, Map<String, Object>> DEFAULTS = Map.of(
            "PermissionSetAssignment", Map.of("IsActive", Boolean.TRUE),
            "PermissionSet", Map.of("IsCustom", Boolean.TRUE, "Type", "Regular"),
            "User", Map.of("UserType", "Standard", "TimeZoneSidKey", "GMT", "LocaleSidKey", "en_US",
                    "LanguageLocaleKey", "en_US", "EmailEncodingKey", "UTF-8"));

    private PlatformDefaults() {
    }

    /** Fills defaults into a record just inserted through the API. */
    static void apply(Org org, SObjectType type, Record r, Map<FieldDef, Object> given) {
        Map<String, Object> defaults = DEFAULTS.getOrDefault(type.name(), Map.of());
        defaults.forEach((name, value) -> type.field(name)
                .filter(f -> !given.containsKey(f) || given.get(f) == null)
                .ifPresent(f -> r.set(f, value)));
        if (type.name().equals("User")) {
            // A user inserted without IsActive is active, as in Setup.
            type.field("IsActive").filter(f -> !given.containsKey(f)).ifPresent(f -> r.set(f, Boolean.TRUE));
        }
        if (type.name().equals("SetupEntityAccess")) {
            Optional<FieldDef> entity = type.field("SetupEntityId");
            Optional<FieldDef> entityType = type.field("SetupEntityType");
            if (entity.isPresent() && entityType.isPresent() && r.get(entity.get()) instanceof String id) {
                org.typeForId(id).ifPresent(t -> r.set(entityType.get(), t.name()));
            }
        }
    }
}
