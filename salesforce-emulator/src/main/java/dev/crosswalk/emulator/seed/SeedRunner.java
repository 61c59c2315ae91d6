package dev.crosswalk.emulator.seed;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordStore;
import dev.crosswalk.emulator.model.SObjectType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a whole {@link OverlapPlan} into the orgs of an emulator and returns the true-overlap
 * report, collected in the same pass. Records are owned by the org's sales users (active users
 * on the System Administrator or Standard User profile); an org without any gets one.
 */
public final class SeedRunner {
    private static final Set<String> OWNER_PROFILES = Set.of(EmulatorState.PROFILE_ADMIN, EmulatorState.PROFILE_STANDARD);

    private SeedRunner() {
    }

    /**
     * @param orgs the target org for each org name of the plan
     */
    public static SeedReport load(EmulatorState state, OverlapPlan plan, Map<String, Org> orgs) {
        SeedReport.Collector collector = new SeedReport.Collector(plan);
        SeedLoader loader = new SeedLoader();
        for (OrgDataPlan data : plan.orgs()) {
            Org org = orgs.get(data.name());
            if (org == null) {
                throw new IllegalArgumentException("no target org for " + data.name());
            }
            List<String> owners = owners(state, org);
            loader.load(org, data, owners, owners.get(0), collector.org(data));
        }
        return collector.build();
    }

    /** Active admin and standard users (admins first), creating a seed owner if the org has none. */
    static List<String> owners(EmulatorState state, Org org) {
        List<String> admins = new ArrayList<>();
        List<String> others = new ArrayList<>();
        org.read(() -> {
            RecordStore users = org.store("User");
            SObjectType ut = users.type();
            RecordStore profiles = org.store("Profile");
            for (Record u : users.all()) {
                if (!Boolean.TRUE.equals(u.get(ut.require("IsActive")))) {
                    continue;
                }
                Record profile = profiles.get((String) u.get(ut.require("ProfileId")));
                String profileName = profile == null ? null : (String) profile.get(profiles.type().require("Name"));
                if (EmulatorState.PROFILE_ADMIN.equals(profileName)) {
                    admins.add(u.id());
                } else if (OWNER_PROFILES.contains(profileName)) {
                    others.add(u.id());
                }
            }
            return null;
        });
        admins.addAll(others);
        if (admins.isEmpty()) {
            // Nobody can log in as this user: its password is random and never shown.
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            String username = "seed.owner@" + org.id15().toLowerCase(java.util.Locale.ROOT) + ".emulator.example";
            admins.add(state.createUser(org, new EmulatorState.NewUser(username, "Seed", "Owner", username,
                    EmulatorState.PROFILE_STANDARD), password));
        }
        return admins;
    }
}
