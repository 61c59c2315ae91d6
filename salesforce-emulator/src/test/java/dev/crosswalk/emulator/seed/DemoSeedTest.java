package dev.crosswalk.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.security.EffectiveAccess;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DemoSeedTest {
    private static EmulatorState state;
    private static SeedReport report;

    @BeforeAll
    static void seed() {
        state = new EmulatorState(EmulatorOptions.builder().build());
        report = DemoSeed.apply(state);
    }

    private static EffectiveAccess access(String username) {
        EmulatorState.UserRef u = state.user(username).orElseThrow();
        return state.permissions().access(u.org(), u.userId());
    }

    private static Org org(String name) {
        return state.orgByName(name).orElseThrow();
    }

    @Nested
    class Users {
        @Test
        void every_demo_user_logs_in_with_the_documented_password() {
            for (String u : Set.of(DemoSeed.ACME_ADMIN, DemoSeed.ACME_INTEGRATION, DemoSeed.ACME_NO_LEADS,
                    DemoSeed.GLOBEX_ADMIN, "sam.rivera@acme.example", "tom.becker@globex.example")) {
                assertThat(state.checkPassword(u, "Passw0rd!")).as(u).isTrue();
            }
            assertThat(state.user(DemoSeed.GLOBEX_ADMIN).orElseThrow().org().name()).isEqualTo("Globex");
        }

        @Test
        void the_admin_has_every_permission() {
            EffectiveAccess admin = access(DemoSeed.ACME_ADMIN);
            assertThat(admin.apiEnabled()).isTrue();
            assertThat(admin.has("PermissionsModifyAllData")).isTrue();
            assertThat(admin.object(org("Acme Corp").type("Lead").orElseThrow()).delete()).isTrue();
        }

        @Test
        void the_integration_user_has_api_access_and_read_only_on_the_sales_objects_and_their_fields() {
            EffectiveAccess integration = access(DemoSeed.ACME_INTEGRATION);
            Org acme = org("Acme Corp");
            assertThat(integration.apiEnabled()).isTrue();
            for (String object : new String[] {"Account", "Lead", "Contact", "Opportunity", "User"}) {
                var type = acme.type(object).orElseThrow();
                assertThat(integration.canRead(type)).as(object).isTrue();
                assertThat(type.fields()).allSatisfy(f -> assertThat(integration.canReadField(type, f)).as(f.name()).isTrue());
            }
            var account = acme.type("Account").orElseThrow();
            assertThat(integration.object(account).edit()).isFalse();
            assertThat(integration.has("PermissionsModifyAllData")).isFalse();
        }

        @Test
        void the_no_leads_user_reads_accounts_but_not_leads() {
            EffectiveAccess noLeads = access(DemoSeed.ACME_NO_LEADS);
            Org acme = org("Acme Corp");
            assertThat(noLeads.apiEnabled()).isTrue();
            assertThat(noLeads.canRead(acme.type("Account").orElseThrow())).isTrue();
            assertThat(noLeads.canRead(acme.type("Lead").orElseThrow())).isFalse();
        }

        @Test
        void the_local_connected_app_accepts_any_loopback_callback() {
            var app = state.app("crosswalk-local").orElseThrow();
            assertThat(app.clientSecret()).isEqualTo("crosswalk-local-secret");
            assertThat(app.callbackAllowed("http://127.0.0.1:54321/oauth/callback")).isTrue();
            assertThat(app.callbackAllowed("http://localhost:8080/login/oauth2/code/salesforce")).isTrue();
            assertThat(app.callbackAllowed("https://evil.example/cb")).isFalse();
            assertThat(app.scopes()).containsExactlyInAnyOrder("api", "refresh_token", "id");
        }
    }

    @Nested
    class Data {
        @Test
        void each_org_holds_five_thousand_accounts_and_leads() {
            for (String name : new String[] {"Acme Corp", "Globex"}) {
                assertThat(org(name).read(() -> org(name).store("Account").size())).isEqualTo(5_000);
                assertThat(org(name).read(() -> org(name).store("Lead").size())).isEqualTo(5_000);
            }
        }

        @Test
        void the_report_of_the_loaded_data_is_the_demo_plan_report() {
            SeedReport expected = OverlapPlan.demo().report();
            assertThat(report.orgs()).isEqualTo(expected.orgs());
            assertThat(report.overlap("Acme Corp", "Globex")).isEqualTo(expected.overlap("Acme Corp", "Globex"));
            // 20% of 5,000 accounts plus 20% of the lead-only companies, minus what messiness hides.
            assertThat(report.overlapCount("Acme Corp", "Globex")).isBetween(800, 1_600);
        }

        @Test
        void records_are_owned_by_the_admin_and_the_sales_reps_not_the_integration_user() {
            Org acme = org("Acme Corp");
            String integration = state.user(DemoSeed.ACME_INTEGRATION).orElseThrow().userId();
            var type = acme.type("Account").orElseThrow();
            var owners = acme.read(() -> acme.store("Account").all().stream()
                    .map(r -> (String) r.get(type.require("OwnerId"))).collect(java.util.stream.Collectors.toSet()));
            assertThat(owners).hasSize(4).doesNotContain(integration);
        }
    }
}
