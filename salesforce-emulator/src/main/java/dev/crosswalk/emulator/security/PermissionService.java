package dev.crosswalk.emulator.security;

import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.RecordStore;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.model.StandardSchema;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives each user's {@link EffectiveAccess} from the setup records of the org (Profile,
 * PermissionSet, PermissionSetAssignment, ObjectPermissions, FieldPermissions,
 * SetupEntityAccess) — the same rows SOQL serves, so what a preflight query sees is exactly
 * what is enforced. Results are cached per user until the org's setup version changes.
 */
public final class PermissionService {
    private record Cached(long version, EffectiveAccess access) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Users whose API access an administrator switched off (emulator fault injection). */
    private final Set<String> apiDisabledUsers = ConcurrentHashMap.newKeySet();

    public EffectiveAccess access(Org org, String userId) {
        long version = org.setupVersion();
        String key = org.id() + "/" + userId;
        Cached c = cache.get(key);
        if (c != null && c.version == version) {
            return c.access;
        }
        EffectiveAccess computed = org.read(() -> compute(org, userId));
        cache.put(key, new Cached(version, computed));
        return computed;
    }

    /** Whether the user may call the API at all (the "API Enabled" permission, minus admin overrides). */
    public boolean apiEnabled(Org org, String userId) {
        return !apiDisabledUsers.contains(userId) && access(org, userId).apiEnabled();
    }

    public void disableApi(String userId, boolean disabled) {
        if (disabled) {
            apiDisabledUsers.add(userId);
        } else {
            apiDisabledUsers.remove(userId);
        }
    }

    public Set<String> apiDisabledUsers() {
        return Set.copyOf(apiDisabledUsers);
    }

    private static EffectiveAccess compute(Org org, String userId) {
        Record user = org.store("User").get(userId);
        if (user == null) {
            return new EffectiveAccess(userId, false, Set.of(), Map.of(), Map.of(), Set.of(), Set.of());
        }
        SObjectType userType = org.store("User").type();
        boolean active = Boolean.TRUE.equals(user.get(userType.require("IsActive")));
        String profileId = (String) user.get(userType.require("ProfileId"));
        LocalDate today = LocalDate.ofInstant(org.clock().instant(), ZoneOffset.UTC);

        Set<String> permissionSetIds = new HashSet<>();
        RecordStore psa = org.store("PermissionSetAssignment");
        SObjectType psaType = psa.type();
        for (Record a : psa.all()) {
            if (RecordLifecycle.isDeleted(psaType, a) || !userId.equals(a.get(psaType.require("AssigneeId")))) {
                continue;
            }
            LocalDate expires = (LocalDate) a.get(psaType.require("ExpirationDate"));
            if (expires == null || !expires.isBefore(today)) {
                permissionSetIds.add((String) a.get(psaType.require("PermissionSetId")));
            }
        }
        RecordStore ps = org.store("PermissionSet");
        SObjectType psType = ps.type();
        for (Record p : ps.all()) {
            if (profileId != null && profileId.equals(p.get(psType.require("ProfileId")))
                    && Boolean.TRUE.equals(p.get(psType.require("IsOwnedByProfile")))) {
                permissionSetIds.add(p.id());
            }
        }

        Set<String> system = new HashSet<>();
        for (String id : permissionSetIds) {
            Record p = ps.get(id);
            if (p == null || RecordLifecycle.isDeleted(psType, p)) {
                continue;
            }
            for (String perm : StandardSchema.SYSTEM_PERMISSIONS) {
                if (Boolean.TRUE.equals(p.get(psType.require(perm)))) {
                    system.add(perm);
                }
            }
        }

        Map<String, ObjectAccess> objects = new HashMap<>();
        RecordStore op = org.store("ObjectPermissions");
        SObjectType opType = op.type();
        for (Record row : op.all()) {
            if (RecordLifecycle.isDeleted(opType, row) || !permissionSetIds.contains(row.get(opType.require("ParentId")))) {
                continue;
            }
            ObjectAccess a = new ObjectAccess(flag(row, opType, "PermissionsRead"), flag(row, opType, "PermissionsCreate"),
                    flag(row, opType, "PermissionsEdit"), flag(row, opType, "PermissionsDelete"),
                    flag(row, opType, "PermissionsViewAllRecords"), flag(row, opType, "PermissionsModifyAllRecords"),
                    flag(row, opType, "PermissionsViewAllFields"));
            objects.merge(((String) row.get(opType.require("SobjectType"))).toLowerCase(Locale.ROOT), a, ObjectAccess::or);
        }

        Map<String, boolean[]> fields = new HashMap<>();
        RecordStore fp = org.store("FieldPermissions");
        SObjectType fpType = fp.type();
        for (Record row : fp.all()) {
            if (RecordLifecycle.isDeleted(fpType, row) || !permissionSetIds.contains(row.get(fpType.require("ParentId")))) {
                continue;
            }
            String field = ((String) row.get(fpType.require("Field"))).toLowerCase(Locale.ROOT);
            boolean[] rw = fields.computeIfAbsent(field, k -> new boolean[2]);
            rw[0] |= flag(row, fpType, "PermissionsRead") || flag(row, fpType, "PermissionsEdit");
            rw[1] |= flag(row, fpType, "PermissionsEdit");
        }

        Set<String> entities = new HashSet<>();
        RecordStore sea = org.store("SetupEntityAccess");
        SObjectType seaType = sea.type();
        for (Record row : sea.all()) {
            if (!RecordLifecycle.isDeleted(seaType, row) && permissionSetIds.contains(row.get(seaType.require("ParentId")))) {
                entities.add((String) row.get(seaType.require("SetupEntityId")));
            }
        }
        return new EffectiveAccess(userId, active, system, objects, fields, entities, permissionSetIds);
    }

    private static boolean flag(Record r, SObjectType t, String field) {
        return Boolean.TRUE.equals(r.get(t.require(field)));
    }
}
