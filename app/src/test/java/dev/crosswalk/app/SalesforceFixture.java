package dev.crosswalk.app;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.ObjectAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One Salesforce emulator for the service's integration tests (started once per JVM), with
 * named orgs built for the test: an integration user holding a permission set with API access
 * and read on the synced objects, and a connected app accepting any loopback callback.
 */
public final class SalesforceFixture {
    public static final String CLIENT_ID = "crosswalk-test";
    public static final String CLIENT_SECRET = "test-secret-" + UUID.randomUUID();
    public static final String PASSWORD = "pw-" + UUID.randomUUID();

    private static final SalesforceEmulator EMULATOR = SalesforceEmulator.start(EmulatorOptions.builder().port(0).build());

    static {
        EMULATOR.state().addConnectedApp("Crosswalk test", CLIENT_ID, CLIENT_SECRET,
                List.of("http://127.0.0.1:*/*", "http://localhost:*/*"), Set.of("api", "refresh_token", "id"));
        Runtime.getRuntime().addShutdownHook(new Thread(EMULATOR::close));
    }

    private SalesforceFixture() {
    }

    public static SalesforceEmulator emulator() {
        return EMULATOR;
    }

    public static String url() {
        return EMULATOR.baseUrl();
    }

    /** A Salesforce org with an integration user that can read Account, Lead, Contact, Opportunity and User. */
    public record TestOrg(Org org, String integrationUsername, String integrationUserId, String permissionSetId) {

        public Record addAccount(String name, String website) {
            return org.write(() -> {
                SObjectType t = org.type("Account").orElseThrow();
                Record r = RecordLifecycle.create(org, t, integrationUserId);
                r.set(t.require("Name"), name);
                r.set(t.require("Website"), website);
                r.set(t.require("Industry"), "Technology");
                return r;
            });
        }

        public Record addLead(String last, String company, String email) {
            return org.write(() -> {
                SObjectType t = org.type("Lead").orElseThrow();
                Record r = RecordLifecycle.create(org, t, integrationUserId);
                r.set(t.require("LastName"), last);
                r.set(t.require("Company"), company);
                r.set(t.require("Email"), email);
                r.set(t.require("Status"), "Open - Not Contacted");
                RecordLifecycle.recomputeName(t, r);
                return r;
            });
        }

        public void update(String object, String id, String field, Object value) {
            org.writeRun(() -> {
                SObjectType t = org.type(object).orElseThrow();
                Record r = org.store(t).get(id);
                r.set(t.require(field), value);
                RecordLifecycle.touch(org, t, r, integrationUserId);
            });
        }

        public void delete(String object, String id) {
            org.writeRun(() -> {
                SObjectType t = org.type(object).orElseThrow();
                RecordLifecycle.softDelete(org, t, org.store(t).get(id), integrationUserId);
            });
        }

        public void undelete(String object, String id) {
            org.writeRun(() -> {
                SObjectType t = org.type(object).orElseThrow();
                RecordLifecycle.undelete(org, t, org.store(t).get(id), integrationUserId);
            });
        }

        /** Live (not deleted) records of an object: id → field values as Java objects. */
        public List<Record> live(String object) {
            return org.read(() -> {
                SObjectType t = org.type(object).orElseThrow();
                List<Record> out = new ArrayList<>();
                for (Record r : org.store(t).all()) {
                    if (!RecordLifecycle.isDeleted(t, r)) {
                        out.add(r);
                    }
                }
                return out;
            });
        }

        public Object value(String object, Record r, String field) {
            return r.get(org.type(object).orElseThrow().require(field));
        }
    }

    public static TestOrg newOrg(String name) {
        EmulatorState state = EMULATOR.state();
        Org org = state.createOrg(name);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "integration-" + suffix + "@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".example";
        String userId = state.createUser(org, new NewUser(username, "Integration", "User", username,
                EmulatorState.PROFILE_MINIMUM), PASSWORD);
        String ps = PermissionAdmin.createPermissionSet(org, "Crosswalk_Integration_" + suffix, "Crosswalk Integration",
                Map.of("PermissionsApiEnabled", true));
        for (String object : List.of("Account", "Lead", "Contact", "Opportunity", "User")) {
            PermissionAdmin.setObjectPermissions(org, ps, object, new ObjectAccess(true, false, false, false, false, false, true));
        }
        PermissionAdmin.assign(org, userId, ps);
        return new TestOrg(org, username, userId, ps);
    }
}
