package dev.crosswalk.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.Session;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.security.EffectiveAccess;
import dev.crosswalk.emulator.seed.OverlapPlan;
import dev.crosswalk.emulator.seed.SeedReport;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EmulatorAdminTest {
    private EmulatorState state;
    private EmulatorAdmin admin;
    private Org org;

    @BeforeEach
    void setUp() {
        state = new EmulatorState(EmulatorOptions.builder().build());
        admin = new EmulatorAdmin(state);
        org = admin.createOrg("Initech");
        admin.createPermissionSet("Initech", "Integration", "Integration", Map.of("PermissionsApiEnabled", true));
        admin.createUser(EmulatorAdmin.NewUser.of("Initech", "peter.gibbons@initech.example", "Secret1!",
                EmulatorState.PROFILE_MINIMUM, "Integration"));
    }

    private EffectiveAccess peter() {
        EmulatorState.UserRef u = state.user("peter.gibbons@initech.example").orElseThrow();
        return state.permissions().access(u.org(), u.userId());
    }

    private Session sessionOf(String username) {
        EmulatorState.UserRef u = state.user(username).orElseThrow();
        return state.tokens().issueSession(u.org(), u.userId(), "app", Set.of("api"), null);
    }

    @Nested
    class Users {
        @Test
        void a_created_user_has_its_profile_permission_sets_and_password() {
            assertThat(state.checkPassword("peter.gibbons@initech.example", "Secret1!")).isTrue();
            assertThat(peter().apiEnabled()).isTrue();
            assertThat(state.username(org, state.user("peter.gibbons@initech.example").orElseThrow().userId()))
                    .isEqualTo("peter.gibbons@initech.example");
        }

        @Test
        void duplicate_usernames_and_unknown_profiles_are_refused() {
            assertThatThrownBy(() -> admin.createUser(EmulatorAdmin.NewUser.of("Initech", "PETER.gibbons@initech.example",
                    "x", null))).isInstanceOf(AdminException.class).extracting("status").isEqualTo(400);
            assertThatThrownBy(() -> admin.createUser(EmulatorAdmin.NewUser.of("Initech", "bill@initech.example", "x",
                    "Nonexistent"))).isInstanceOf(AdminException.class).extracting("status").isEqualTo(404);
            assertThatThrownBy(() -> admin.createUser(EmulatorAdmin.NewUser.of("Initech", "bill@initech.example", "x",
                    null, "NoSuchSet"))).isInstanceOf(AdminException.class).extracting("error")
                    .isEqualTo("permission_set_not_found");
        }

        @Test
        void deactivating_ends_sessions_and_reactivating_lets_the_user_back() {
            Session s = sessionOf("peter.gibbons@initech.example");
            admin.setUserActive("peter.gibbons@initech.example", false);
            assertThat(state.tokens().authenticate(s.token())).isEmpty();
            assertThat(state.isActive(org, s.userId())).isFalse();
            admin.setUserActive("peter.gibbons@initech.example", true);
            assertThat(state.isActive(org, s.userId())).isTrue();
        }

        @Test
        void a_password_reset_with_revocation_ends_sessions_and_refresh_tokens() {
            Session s = sessionOf("peter.gibbons@initech.example");
            var grant = state.tokens().issueRefreshToken(org, s.userId(), "app", Set.of("api"));
            admin.resetPassword("peter.gibbons@initech.example", "New1!", true);
            assertThat(state.checkPassword("peter.gibbons@initech.example", "New1!")).isTrue();
            assertThat(state.tokens().authenticate(s.token())).isEmpty();
            assertThat(state.tokens().refreshGrant(grant.token())).isEmpty();
        }

        @Test
        void unknown_users_are_not_found() {
            assertThatThrownBy(() -> admin.expireSessions("nobody@x.example"))
                    .isInstanceOf(AdminException.class).extracting("status", "error").containsExactly(404, "user_not_found");
        }
    }

    @Nested
    class SessionsAndTokens {
        @Test
        void expiring_a_users_sessions_keeps_other_users_and_refresh_tokens() {
            admin.createUser(EmulatorAdmin.NewUser.of("Initech", "bill@initech.example", "x", null));
            Session peter = sessionOf("peter.gibbons@initech.example");
            Session bill = sessionOf("bill@initech.example");
            var grant = state.tokens().issueRefreshToken(org, peter.userId(), "app", Set.of("api"));

            assertThat(admin.expireSessions("peter.gibbons@initech.example")).isEqualTo(1);

            assertThat(state.tokens().authenticate(peter.token())).isEmpty();
            assertThat(state.tokens().authenticate(bill.token())).isPresent();
            assertThat(state.tokens().refreshGrant(grant.token())).isPresent();
        }

        @Test
        void revoking_refresh_tokens_makes_them_unusable() {
            Session peter = sessionOf("peter.gibbons@initech.example");
            var grant = state.tokens().issueRefreshToken(org, peter.userId(), "app", Set.of("api"));
            assertThat(admin.revokeRefreshTokens("peter.gibbons@initech.example")).isEqualTo(1);
            assertThat(state.tokens().refreshGrant(grant.token())).isEmpty();
        }

        @Test
        void expiring_an_orgs_sessions_leaves_other_orgs_alone() {
            admin.createOrg("Other");
            admin.createUser(EmulatorAdmin.NewUser.of("Other", "someone@other.example", "x", null));
            Session peter = sessionOf("peter.gibbons@initech.example");
            Session other = sessionOf("someone@other.example");
            admin.expireOrgSessions("Initech");
            assertThat(state.tokens().authenticate(peter.token())).isEmpty();
            assertThat(state.tokens().authenticate(other.token())).isPresent();
        }
    }

    @Nested
    class Permissions {
        @Test
        void granting_edit_also_grants_read_and_revoking_read_removes_everything() {
            PermissionSetRef ps = PermissionSetRef.named(null, "Integration");
            assertThat(admin.grantObjectPermissions(ps, "Lead", EnumSet.of(ObjectPermission.EDIT)))
                    .containsExactlyInAnyOrder(ObjectPermission.READ, ObjectPermission.EDIT);
            var lead = org.type("Lead").orElseThrow();
            assertThat(peter().object(lead).edit()).isTrue();

            assertThat(admin.revokeObjectPermissions(ps, "Lead", EnumSet.of(ObjectPermission.READ))).isEmpty();
            assertThat(peter().canRead(lead)).isFalse();
        }

        @Test
        void revoking_edit_keeps_read_and_drops_delete() {
            PermissionSetRef ps = PermissionSetRef.named("Initech", "Integration");
            admin.grantObjectPermissions(ps, "Account", EnumSet.of(ObjectPermission.DELETE));
            assertThat(admin.revokeObjectPermissions(ps, "Account", EnumSet.of(ObjectPermission.EDIT)))
                    .containsExactly(ObjectPermission.READ);
        }

        @Test
        void a_profile_can_be_the_target_of_a_grant() {
            admin.grantObjectPermissions(PermissionSetRef.ofProfile("Initech", EmulatorState.PROFILE_MINIMUM), "Contact",
                    EnumSet.of(ObjectPermission.READ));
            assertThat(peter().canRead(org.type("Contact").orElseThrow())).isTrue();
        }

        @Test
        void unassigning_the_permission_set_removes_api_access() {
            assertThat(admin.unassignPermissionSet("peter.gibbons@initech.example", "Integration")).isTrue();
            assertThat(peter().apiEnabled()).isFalse();
            assertThat(admin.unassignPermissionSet("peter.gibbons@initech.example", "Integration")).isFalse();
            admin.assignPermissionSet("peter.gibbons@initech.example", "Integration");
            assertThat(peter().apiEnabled()).isTrue();
        }

        @Test
        void api_access_can_be_switched_off_per_user_or_through_the_permission_set() {
            var u = state.user("peter.gibbons@initech.example").orElseThrow();
            admin.setApiEnabled("peter.gibbons@initech.example", false);
            assertThat(state.permissions().apiEnabled(org, u.userId())).isFalse();
            admin.setApiEnabled("peter.gibbons@initech.example", true);
            assertThat(state.permissions().apiEnabled(org, u.userId())).isTrue();

            admin.setSystemPermission(PermissionSetRef.named("Initech", "Integration"), "ApiEnabled", false);
            assertThat(state.permissions().apiEnabled(org, u.userId())).isFalse();
        }

        @Test
        void field_permissions_are_set_by_qualified_name() {
            admin.grantObjectPermissions(PermissionSetRef.named(null, "Integration"), "Account", EnumSet.of(ObjectPermission.READ));
            var account = org.type("Account").orElseThrow();
            var industry = account.require("Industry");
            assertThat(peter().canReadField(account, industry)).isFalse();
            admin.setFieldPermission(PermissionSetRef.named(null, "Integration"), "account.industry", true, false);
            assertThat(peter().canReadField(account, industry)).isTrue();
            assertThatThrownBy(() -> admin.setFieldPermission(PermissionSetRef.named(null, "Integration"), "Account.Nope", true, false))
                    .isInstanceOf(AdminException.class).extracting("status").isEqualTo(404);
        }

        @Test
        void an_ambiguous_permission_set_needs_the_org() {
            admin.createOrg("Other");
            admin.createPermissionSet("Other", "Integration", null, Map.of());
            assertThatThrownBy(() -> admin.grantObjectPermissions(PermissionSetRef.named(null, "Integration"), "Lead",
                    EnumSet.of(ObjectPermission.READ))).isInstanceOf(AdminException.class).extracting("error").isEqualTo("ambiguous");
        }
    }

    @Nested
    class LimitsAndFaults {
        @Test
        void the_daily_limit_and_used_count_can_be_set() {
            var usage = admin.setApiLimit("Initech", 10L, 9L);
            assertThat(usage.tryConsume()).isTrue();
            assertThat(usage.tryConsume()).isFalse();
            assertThat(admin.setApiLimit(org.id(), null, 0L).max()).isEqualTo(10);
        }

        @Test
        void bad_fault_rules_are_refused() {
            assertThatThrownBy(() -> admin.failNext(0, "/", 500, "X", null)).isInstanceOf(AdminException.class);
            assertThatThrownBy(() -> admin.failNext(1, "/", 200, "X", null)).isInstanceOf(AdminException.class);
        }

        @Test
        void refresh_token_rotation_is_switched_per_connected_app() {
            admin.addConnectedApp("App", "cid", "secret", List.of("http://127.0.0.1:*/*"), Set.of());
            admin.setRefreshTokenRotation("cid", true);
            assertThat(state.app("cid").orElseThrow().rotateRefreshTokens()).isTrue();
            assertThatThrownBy(() -> admin.setRefreshTokenRotation("nope", true))
                    .isInstanceOf(AdminException.class).extracting("status").isEqualTo(404);
        }
    }

    @Nested
    class Seeding {
        @Test
        void seeding_two_orgs_loads_the_records_and_reports_the_true_overlap() {
            SeedReport report = admin.seed(9, 0.3, List.of(new EmulatorAdmin.OrgSeed("Initech", 700, 300, false),
                    new EmulatorAdmin.OrgSeed("Hooli", 500, 200, true)), false);

            Org hooli = admin.org("Hooli");
            assertThat(hooli.read(() -> hooli.store("Account").size())).isEqualTo(500);
            assertThat(org.read(() -> org.store("Lead").size())).isEqualTo(300);
            SeedReport expected = OverlapPlan.builder(9).overlap(0.3).org("Initech", 700, 300).org("Hooli", 500, 200)
                    .build().report();
            assertThat(report.overlap("Initech", "Hooli")).isEqualTo(expected.overlap("Initech", "Hooli"));
            assertThat(report.overlapCount("Initech", "Hooli")).isPositive();
        }

        @Test
        void a_dry_run_stores_nothing() {
            admin.seed(9, 0.3, List.of(new EmulatorAdmin.OrgSeed("Initech", 100, 100, false)), true);
            assertThat(org.read(() -> org.store("Account").size())).isZero();
        }

        @Test
        void an_unknown_org_is_not_created_unless_asked() {
            assertThatThrownBy(() -> admin.seed(1, 0.2, List.of(new EmulatorAdmin.OrgSeed("Nope", 1, 1, false)), false))
                    .isInstanceOf(AdminException.class).extracting("status").isEqualTo(404);
        }
    }
}
