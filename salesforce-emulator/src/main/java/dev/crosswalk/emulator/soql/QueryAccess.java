package dev.crosswalk.emulator.soql;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.SObjectType;

/**
 * What the running user may see, asked by the engine while it validates a query. The engine knows
 * nothing about profiles and permission sets: the permission service implements this. Hidden
 * things are reported exactly like missing ones, as Salesforce does (an object without read access
 * → {@code INVALID_TYPE}, a field hidden by field-level security → {@code INVALID_FIELD}).
 */
public interface QueryAccess {

    /** Everything visible: for tests and for internal callers acting as the system. */
    QueryAccess ALL = new QueryAccess() {
        @Override
        public boolean canReadObject(SObjectType type) {
            return true;
        }

        @Override
        public boolean canReadField(SObjectType type, FieldDef field) {
            return true;
        }

        @Override
        public boolean viewAllData() {
            return true;
        }
    };

    /** False → the query fails with {@code INVALID_TYPE} as if the object did not exist. */
    boolean canReadObject(SObjectType type);

    /** False → the query fails with {@code INVALID_FIELD} as if the field did not exist. */
    boolean canReadField(SObjectType type, FieldDef field);

    /**
     * Whether the user has View All Data (or Modify All Data): without it Salesforce restricts the
     * {@code ActivityHistories} / {@code OpenActivities} subqueries (one parent record, LIMIT at most 499).
     */
    default boolean viewAllData() {
        return false;
    }
}
