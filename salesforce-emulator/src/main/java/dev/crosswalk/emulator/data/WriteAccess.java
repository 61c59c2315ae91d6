package dev.crosswalk.emulator.data;

import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.security.ObjectAccess;

/**
 * The permission checks a batch makes: a user's effective access, or the system context
 * (no user: admin API, seeding) that may write every field a caller could ever write.
 */
interface WriteAccess {
    ObjectAccess object(SObjectType t);

    boolean canReadField(SObjectType t, FieldDef f);

    boolean canEditField(SObjectType t, FieldDef f);

    default boolean canRead(SObjectType t) {
        return object(t).read();
    }

    WriteAccess SYSTEM = new WriteAccess() {
        @Override
        public ObjectAccess object(SObjectType t) {
            return ObjectAccess.ALL;
        }

        @Override
        public boolean canReadField(SObjectType t, FieldDef f) {
            return true;
        }

        @Override
        public boolean canEditField(SObjectType t, FieldDef f) {
            return !f.system();
        }
    };

    static WriteAccess of(EffectiveAccess a) {
        return new WriteAccess() {
            @Override
            public ObjectAccess object(SObjectType t) {
                return a.object(t);
            }

            @Override
            public boolean canReadField(SObjectType t, FieldDef f) {
                return a.canReadField(t, f);
            }

            @Override
            public boolean canEditField(SObjectType t, FieldDef f) {
                return a.canEditField(t, f);
            }
        };
    }
}
