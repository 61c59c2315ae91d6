package dev.crosswalk.emulator.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.EmulatorState.NewUser;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.SObjectType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermissionServiceTest {
    private final EmulatorState state = new EmulatorState(EmulatorOptions.builder().build());
    private final Org org = state.createOrg("Acme");
    private final SObjectType account = org.type("Account").orElseThrow();
    private final SObjectType lead = org.type("Lead").orElseThrow();

    @Test
    void a_system_administrator_can_do_everything() {
        String admin = state.createUser(org, new NewUser("a@x.example", "Ada", "Admin", "a@x.example",
                EmulatorState.PROFILE_ADMIN), "pw");
        EffectiveAccess access = state.permissions().access(org, admin);
        assertThat(access.apiEnabled()).isTrue();
        assertThat(access.object(lead)).isEqualTo(ObjectAccess.ALL);
        assertThat(access.canReadField(account, account.require("Industry"))).isTrue();
        assertThat(access.canRead(org.type("PermissionSet").orElseThrow())).isTrue();
    }

    @Test
    void a_permission_set_grants_exactly_what_it_holds_and_unassigning_takes_it_away() {
        String user = state.createUser(org, new NewUser("i@x.example", "Ian", "Integration", "i@x.example",
                EmulatorState.PROFILE_MINIMUM), "pw");
        assertThat(state.permissions().apiEnabled(org, user)).isFalse();
        String ps = PermissionAdmin.createPermissionSet(org, "Integration", "Integration", Map.of("PermissionsApiEnabled", true));
        PermissionAdmin.setObjectPermissions(org, ps, "Account", ObjectAccess.READ);
        PermissionAdmin.setFieldPermission(org, ps, "Account.Industry", true, false);
        PermissionAdmin.assign(org, user, ps);

        EffectiveAccess access = state.permissions().access(org, user);
        assertThat(access.apiEnabled()).isTrue();
        assertThat(access.canRead(account)).isTrue();
        assertThat(access.canRead(lead)).isFalse();
        assertThat(access.canReadField(account, account.require("Industry"))).isTrue();
        assertThat(access.canReadField(account, account.require("Website"))).isFalse();
        assertThat(access.canReadField(account, account.require("Name"))).isTrue();
        assertThat(access.canRead(org.type("PermissionSet").orElseThrow())).isFalse();

        PermissionAdmin.unassign(org, user, ps);
        assertThat(state.permissions().access(org, user).canRead(account)).isFalse();
        assertThat(state.permissions().apiEnabled(org, user)).isFalse();
    }

    @Test
    void disabling_api_for_one_user_leaves_the_others_alone() {
        String a = state.createUser(org, new NewUser("a1@x.example", null, "One", "a1@x.example", EmulatorState.PROFILE_STANDARD), "pw");
        String b = state.createUser(org, new NewUser("a2@x.example", null, "Two", "a2@x.example", EmulatorState.PROFILE_STANDARD), "pw");
        state.permissions().disableApi(a, true);
        assertThat(state.permissions().apiEnabled(org, a)).isFalse();
        assertThat(state.permissions().apiEnabled(org, b)).isTrue();
    }
}
