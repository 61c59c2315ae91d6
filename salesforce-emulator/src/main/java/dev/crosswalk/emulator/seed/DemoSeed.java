package dev.crosswalk.emulator.seed;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.ObjectAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code demo} seed: two orgs, their users, the local connected app and 5,000 accounts +
 * 5,000 leads per org with a 20% overlap. Tools, the conformance checks and the demo rely on
 * these names; they are documented in the module README (section "Demo seed").
 */
public final class DemoSeed {
    public static final String PASSWORD = "Passw0rd!";
    public static final String ACME = "Acme Corp";
    public static final String GLOBEX = "Globex";
    public static final String ACME_ADMIN = "admin@acme.example";
    public static final String ACME_INTEGRATION = "integration@acme.example";
    public static final String ACME_NO_LEADS = "noleads@acme.example";
    public static final String GLOBEX_ADMIN = "admin@globex.example";
    public static final String INTEGRATION_PERMISSION_SET = "Crosswalk_Integration";
    public static final String ACCOUNT_READER_PERMISSION_SET = "Crosswalk_Account_Reader";
    public static final String CLIENT_ID = "crosswalk-local";
    public static final String CLIENT_SECRET = "crosswalk-local-secret";
    public static final List<String> CALLBACKS = List.of("http://127.0.0.1:*/*", "http://localhost:*/*");
    public static final Set<String> SCOPES = Set.of("api", "refresh_token", "id");

    private static final List<String> INTEGRATION_OBJECTS = List.of("Account", "Lead", "Contact", "Opportunity");

    private DemoSeed() {
    }

    /** Creates the demo orgs, users, app and data; returns the true overlap of the seeded data. */
    public static SeedReport apply(EmulatorState state) {
        state.addConnectedApp("Crosswalk (local)", CLIENT_ID, CLIENT_SECRET, CALLBACKS, SCOPES);

        Org acme = state.createOrg(ACME);
        state.createUser(acme, new NewUser(ACME_ADMIN, "Ada", "Admin", ACME_ADMIN, EmulatorState.PROFILE_ADMIN), PASSWORD);
        String integration = state.createUser(acme, new NewUser(ACME_INTEGRATION, "Ivan", "Integration", ACME_INTEGRATION,
                EmulatorState.PROFILE_MINIMUM), PASSWORD);
        String integrationPs = readerPermissionSet(acme, INTEGRATION_PERMISSION_SET, "Crosswalk Integration",
                INTEGRATION_OBJECTS);
        PermissionAdmin.assign(acme, integration, integrationPs);
        String noLeads = state.createUser(acme, new NewUser(ACME_NO_LEADS, "Nora", "Noleads", ACME_NO_LEADS,
                EmulatorState.PROFILE_MINIMUM), PASSWORD);
        PermissionAdmin.assign(acme, noLeads, readerPermissionSet(acme, ACCOUNT_READER_PERMISSION_SET,
                "Crosswalk Account Reader", List.of("Account")));
        salesReps(state, acme, "acme.example");

        Org globex = state.createOrg(GLOBEX);
        state.createUser(globex, new NewUser(GLOBEX_ADMIN, "Gus", "Admin", GLOBEX_ADMIN, EmulatorState.PROFILE_ADMIN), PASSWORD);
        salesReps(state, globex, "globex.example");

        return SeedRunner.load(state, OverlapPlan.demo(), Map.of(ACME, acme, GLOBEX, globex));
    }

    /** A permission set granting API Enabled plus read on the objects and read on each of their fields. */
    private static String readerPermissionSet(Org org, String apiName, String label, List<String> objects) {
        String ps = PermissionAdmin.createPermissionSet(org, apiName, label, Map.of("PermissionsApiEnabled", true));
        for (String object : objects) {
            PermissionAdmin.setObjectPermissions(org, ps, object, ObjectAccess.READ);
            SObjectType type = org.type(object).orElseThrow();
            for (FieldDef f : type.fields()) {
                if (f.permissionable()) {
                    PermissionAdmin.setFieldPermission(org, ps, object + "." + f.name(), true, false);
                }
            }
        }
        return ps;
    }

    /** Three sales users who own most of the seeded records (Standard User profile, same password). */
    private static void salesReps(EmulatorState state, Org org, String domain) {
        String[][] reps = {{"Sam", "Rivera"}, {"Priya", "Nair"}, {"Tom", "Becker"}};
        for (String[] rep : reps) {
            String username = rep[0].toLowerCase(java.util.Locale.ROOT) + "." + rep[1].toLowerCase(java.util.Locale.ROOT) + "@" + domain;
            state.createUser(org, new NewUser(username, rep[0], rep[1], username, EmulatorState.PROFILE_STANDARD), PASSWORD);
        }
    }
}
