package dev.crosswalk.emulator.rest;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.soql.QueryAccess;

/**
 * The SOQL engine's view of a user's permissions: object read access and field-level security.
 * Also for the Bulk API, which runs the same queries for the same users.
 */
public record EffectiveQueryAccess(EffectiveAccess access) implements QueryAccess {

    public static QueryAccess of(EffectiveAccess access) {
        return new EffectiveQueryAccess(access);
    }

    @Override
    public boolean canReadObject(SObjectType type) {
        return access.canRead(type);
    }

    @Override
    public boolean canReadField(SObjectType type, FieldDef field) {
        return access.canReadField(type, field);
    }

    @Override
    public boolean viewAllData() {
        return access.has("PermissionsViewAllData") || access.has("PermissionsModifyAllData");
    }
}
