package dev.crosswalk.salesforce;

import dev.crosswalk.emulator.admin.EmulatorAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.crosswalk.salesforce.EmulatorFixture.ORG;
import static dev.crosswalk.salesforce.EmulatorFixture.PASSWORD;
import static dev.crosswalk.salesforce.Errors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error class, produced by the emulator's fault injection. Each test that breaks a user
 * works on a fresh user of its own, so tests do not disturb each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT {

    private static final AtomicInteger USERS = new AtomicInteger();

    private EmulatorFixture emulator;
    private FakeTime time;
    private SalesforceClient client;

    @BeforeAll
    void start() {
        emulator = EmulatorFixture.start();
        admin().createPermissionSet(ORG, "Crosswalk_Setup_User", "Crosswalk Setup User",
                Map.of("PermissionsApiEnabled", true));
        admin().createPermissionSet(ORG, "Setup_Reader", "Setup Reader", Map.of("PermissionsViewSetup", true));
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @BeforeEach
    void newClient() {
        time = new FakeTime();
        client = emulator.client(time);
    }

    @AfterEach
    void clearFaults() {
        admin().clearFaults();
    }

    private EmulatorAdmin admin() {
        return emulator.admin();
    }

    /** A fresh System Administrator user, so that breaking it disturbs no other test. */
    private String newUser(String profile, String... permissionSets) {
        String username = "fault" + USERS.incrementAndGet() + "@acme.example";
        admin().createUser(EmulatorAdmin.NewUser.of(ORG, username, PASSWORD, profile, permissionSets));
        return username;
    }

    private String newAdmin() {
        return newUser("System Administrator");
    }


    @Nested
    class Expired_sessions_are_refreshed_transparently {

        @Test
        void in_the_middle_of_a_rest_query_without_lost_or_duplicated_rows() {
            String user = newAdmin();
            InMemoryCredentialStore store = new InMemoryCredentialStore(emulator.login(client, user));
            SalesforceConnection sf = client.connect(store);
            String before = store.load().accessToken();
            List<String> ids = new ArrayList<>();
            try (Stream<JsonNode> accounts = sf.rest().query("SELECT Id FROM Account")) {
                Iterator<JsonNode> it = accounts.iterator();
                while (it.hasNext()) {
                    ids.add(it.next().get("Id").asString());
                    if (ids.size() == 2_500) {
                        admin().expireSessions(user);
                    }
                }
            }
            assertThat(ids).hasSize(5_000).doesNotHaveDuplicates();
            assertThat(sf.calls().count(CallKind.AUTH)).isEqualTo(1);
            assertThat(store.load().accessToken()).isNotEqualTo(before);
        }

        @Test
        void in_the_middle_of_a_bulk_download_resuming_from_the_current_locator() {
            String user = newAdmin();
            SalesforceClient paged = SalesforceClient.create(emulator.config(time).bulkPageSize(1_000).build());
            SalesforceConnection sf = emulator.connect(paged, user);
            BulkJob job = sf.bulkQuery().create("SELECT Id, Name FROM Account", false);
            assertThat(sf.bulkQuery().awaitCompletion(job.id(), Duration.ofMinutes(5)).state())
                    .isEqualTo(JobState.JOB_COMPLETE);
            long bulkBefore = sf.calls().count(CallKind.BULK);
            Set<String> ids = new HashSet<>();
            int rows = 0;
            try (CloseableIterator<Row> it = sf.bulkQuery().results(job.id())) {
                while (it.hasNext()) {
                    ids.add(it.next().get("Id"));
                    rows++;
                    if (rows == 1_500) {
                        admin().expireSessions(user);
                    }
                }
            }
            assertThat(rows).isEqualTo(5_000);
            assertThat(ids).hasSize(5_000);
            assertThat(sf.calls().count(CallKind.AUTH)).isEqualTo(1);
            // 5 pages + the page refused with 401 and fetched again.
            assertThat(sf.calls().count(CallKind.BULK) - bulkBefore).isEqualTo(6);
        }

        @Test
        void without_a_refresh_token_the_session_is_expired_for_good() {
            String user = newAdmin();
            Credentials full = emulator.login(client, user);
            SalesforceConnection sf = client.connect(new InMemoryCredentialStore(new Credentials(full.accessToken(),
                    null, full.instanceUrl(), full.identityUrl(), full.issuedAt(), full.scope())));
            admin().expireSessions(user);
            assertThat(errorOf(() -> sf.rest().describeGlobal())).isInstanceOf(SalesforceError.AuthExpired.class);
            assertThat(sf.calls().count(CallKind.AUTH)).isZero();
        }
    }

    @Nested
    class Terminal_errors_are_returned_at_once {

        @Test
        void a_revoked_refresh_token_is_auth_revoked_without_a_retry_loop() {
            String user = newAdmin();
            SalesforceConnection sf = emulator.connect(client, user);
            admin().revokeRefreshTokens(user);
            SalesforceError error = errorOf(() -> sf.rest().describeGlobal());
            assertThat(error).isInstanceOf(SalesforceError.AuthRevoked.class);
            assertThat(error.needsReauthorization()).isTrue();
            assertThat(sf.calls().count(CallKind.AUTH)).isEqualTo(1);
            assertThat(sf.calls().count(CallKind.REST)).isEqualTo(1);
            assertThat(time.sleeps()).isEmpty();
            // Asking again costs one more try each time, never a loop.
            errorOf(() -> sf.rest().describeGlobal());
            assertThat(sf.calls().count(CallKind.AUTH)).isEqualTo(2);
        }

        @Test
        void a_deactivated_user_is_user_inactive() {
            String user = newAdmin();
            SalesforceConnection sf = emulator.connect(client, user);
            admin().setUserActive(user, false);
            assertThat(errorOf(() -> sf.rest().describeGlobal())).isInstanceOf(SalesforceError.UserInactive.class);
            assertThat(sf.calls().count(CallKind.AUTH)).isEqualTo(1);
        }

        @Test
        void api_disabled_for_the_user_is_api_disabled_and_the_preflight_says_how_to_fix_it() {
            String user = newAdmin();
            SalesforceConnection sf = emulator.connect(client, user);
            admin().setApiEnabled(user, false);
            assertThat(errorOf(() -> sf.rest().describeGlobal())).isInstanceOf(SalesforceError.ApiDisabled.class);
            assertThat(time.sleeps()).isEmpty();

            PreflightReport report = sf.preflight().run(List.of(Requirement.apiEnabled(),
                    Requirement.object("Account", Requirement.Access.READ)));
            assertThat(report.lineFor(Requirement.apiEnabled()).status()).isEqualTo(PreflightReport.Status.FAIL);
            assertThat(report.lineFor(Requirement.apiEnabled()).fix()).contains("API Enabled").contains(user);
            assertThat(report.lineFor(Requirement.object("Account", Requirement.Access.READ)).status())
                    .isEqualTo(PreflightReport.Status.UNKNOWN);
        }

        @Test
        void an_exhausted_daily_limit_is_rate_limited_with_the_limit_info() {
            String globex = "admin@globex.example";
            SalesforceConnection sf = emulator.connect(client, globex);
            sf.rest().describeGlobal();
            admin().setApiLimit("Globex", 500L, 500L);
            try {
                SalesforceError error = errorOf(() -> sf.rest().describeGlobal());
                assertThat(error).isInstanceOfSatisfying(SalesforceError.RateLimited.class, r -> {
                    assertThat(r.scope()).isEqualTo(SalesforceError.RateLimited.Scope.DAILY);
                    assertThat(r.limitInfo()).get().satisfies(l -> {
                        assertThat(l.max()).isEqualTo(500);
                        assertThat(l.remaining()).isZero();
                    });
                });
                assertThat(time.sleeps()).isEmpty();
            } finally {
                admin().setApiLimit("Globex", 100_000L, 0L);
            }
        }
    }

    @Nested
    class Permission_errors {

        @Test
        void a_resource_the_user_may_not_read_is_insufficient_access_and_not_retried() {
            SalesforceConnection sf = emulator.connect(client, EmulatorFixture.INTEGRATION);
            SalesforceError error = errorOf(() -> sf.rest().limits());
            assertThat(error).isInstanceOf(SalesforceError.InsufficientAccess.class);
            assertThat(error.message()).doesNotContain(sf.credentials().accessToken());
            assertThat(time.sleeps()).isEmpty();
        }

        @Test
        void a_write_the_user_may_not_make_is_a_per_record_error_not_an_exception() {
            SalesforceConnection sf = emulator.connect(client, EmulatorFixture.INTEGRATION);
            List<SaveResult> results = sf.rest().create(List.of(SObjectRecord.of("Contact", Map.of("LastName", "No"))),
                    false);
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.success()).isFalse();
                assertThat(r.errors()).isNotEmpty();
            });
        }
    }

    @Nested
    class Transient_failures {

        @Test
        void a_503_burst_is_retried_with_exponential_backoff() {
            SalesforceConnection sf = emulator.connect(client, newAdmin());
            admin().failNext(2, "/services/data", 503, "SERVER_UNAVAILABLE", "Server unavailable");
            assertThat(sf.rest().describeGlobal()).isNotEmpty();
            assertThat(sf.calls().count(CallKind.REST)).isEqualTo(3);
            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }

        @Test
        void a_long_outage_gives_up_after_the_bounded_number_of_attempts() {
            SalesforceConnection sf = emulator.connect(client, newAdmin());
            admin().failNext(50, "/services/data", 503, "SERVER_UNAVAILABLE", "Server unavailable");
            assertThat(errorOf(() -> sf.rest().describeGlobal())).isInstanceOf(SalesforceError.Transient.class);
            assertThat(sf.calls().count(CallKind.REST)).isEqualTo(4);
            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofSeconds(4));
        }

        @Test
        void a_create_is_not_retried_because_it_is_not_idempotent() {
            SalesforceConnection sf = emulator.connect(client, newAdmin());
            admin().failNext(1, "/services/data", 503, "SERVER_UNAVAILABLE", "Server unavailable");
            assertThat(errorOf(() -> sf.rest().create(List.of(SObjectRecord.of("Contact", Map.of("LastName", "X"))),
                    false))).isInstanceOf(SalesforceError.Transient.class);
            assertThat(sf.calls().count(CallKind.REST)).isEqualTo(1);
            assertThat(time.sleeps()).isEmpty();
        }

        @Test
        void unable_to_lock_row_on_an_update_is_retried() {
            SalesforceConnection sf = emulator.connect(client, newAdmin());
            List<SaveResult> created = sf.rest().create(List.of(SObjectRecord.of("Contact", Map.of("LastName", "Lock"))),
                    false);
            String id = created.get(0).id();
            admin().failNext(1, "/services/data", 400, "UNABLE_TO_LOCK_ROW",
                    "unable to obtain exclusive access to this record");
            List<SaveResult> updated = sf.rest().update(List.of(SObjectRecord.withId("Contact", id,
                    Map.of("Title", "After lock"))), false);
            assertThat(updated).singleElement().satisfies(r -> assertThat(r.success()).isTrue());
            assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
            sf.rest().delete(List.of(id), false);
        }
    }

    @Nested
    class Refresh_token_rotation {

        @Test
        void eight_threads_on_an_expired_token_make_exactly_one_refresh_and_the_rotated_token_is_stored()
                throws Exception {
            admin().setRefreshTokenRotation(EmulatorFixture.CLIENT_ID, true);
            try {
                String user = newAdmin();
                InMemoryCredentialStore store = new InMemoryCredentialStore(emulator.login(client, user));
                SalesforceConnection sf = client.connect(store);
                Credentials original = store.load();
                admin().expireSessions(user);

                ExecutorService pool = Executors.newFixedThreadPool(8);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<SObjectSummary>>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return sf.rest().describeGlobal();
                    }));
                }
                go.countDown();
                for (Future<List<SObjectSummary>> f : results) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isNotEmpty();
                }
                pool.shutdown();

                assertThat(sf.calls().count(CallKind.AUTH)).isEqualTo(1);
                Credentials stored = store.load();
                assertThat(stored.refreshToken()).isNotEqualTo(original.refreshToken());
                // The old refresh token was spent by the rotation; the stored one works.
                assertThat(errorOf(() -> client.oauth().refresh(original))).isInstanceOf(SalesforceError.AuthRevoked.class);
                admin().expireSessions(user);
                assertThat(sf.rest().describeGlobal()).isNotEmpty();
                assertThat(sf.calls().count(CallKind.AUTH)).isEqualTo(2);
            } finally {
                admin().setRefreshTokenRotation(EmulatorFixture.CLIENT_ID, false);
            }
        }
    }

    @Nested
    class Hostile_instance_url {

        @Test
        void a_tampered_instance_url_is_refused_before_any_request_is_sent() {
            List<CallEvent> events = new CopyOnWriteArrayList<>();
            SalesforceClient watched = SalesforceClient.create(emulator.config(time).listener(events::add).build());
            Credentials real = emulator.login(watched, newAdmin());
            events.clear();
            SalesforceConnection sf = watched.connect(new InMemoryCredentialStore(new Credentials(real.accessToken(),
                    real.refreshToken(), "https://evil.example.com", real.identityUrl(), real.issuedAt(), real.scope())));
            SalesforceError error = errorOf(() -> sf.rest().describeGlobal());
            assertThat(error).isInstanceOfSatisfying(SalesforceError.UntrustedInstanceUrl.class,
                    u -> assertThat(u.host()).isEqualTo("evil.example.com"));
            assertThat(sf.calls().total()).isZero();
            assertThat(events).isEmpty();
        }

        @Test
        void the_emulator_itself_is_refused_unless_loopback_is_configured() {
            SalesforceClient strict = SalesforceClient.create(emulator.config(time)
                    .instanceUrlPolicy(InstanceUrlPolicy.salesforceDefaults()).build());
            assertThat(errorOf(() -> strict.oauth().passwordGrant(emulator.loginHost(), EmulatorFixture.INTEGRATION,
                    PASSWORD))).isInstanceOf(SalesforceError.UntrustedInstanceUrl.class);
            assertThat(strict.calls().total()).isZero();
        }
    }

    @Nested
    class Permission_preflight {

        @Test
        void a_removed_permission_set_fails_with_the_fix_in_words() {
            String user = newUser("Standard User", "Crosswalk_Setup_User", "Setup_Reader");
            SalesforceConnection sf = emulator.connect(client, user);
            Requirement.PermissionSetAssigned setupUser = Requirement.permissionSet("Crosswalk_Setup_User");
            assertThat(sf.preflight().run(List.of(setupUser)).lineFor(setupUser).status())
                    .isEqualTo(PreflightReport.Status.PASS);

            admin().unassignPermissionSet(user, "Crosswalk_Setup_User");
            PreflightReport.Line line = sf.preflight().run(List.of(setupUser)).lineFor(setupUser);
            assertThat(line.status()).isEqualTo(PreflightReport.Status.FAIL);
            assertThat(line.evidence()).contains("PermissionSetAssignment");
            assertThat(line.fix()).isEqualTo("Assign permission set Crosswalk Setup User to " + user);
        }

        @Test
        void a_permission_set_the_org_does_not_have_asks_for_the_package() {
            String user = newUser("Standard User", "Setup_Reader");
            SalesforceConnection sf = emulator.connect(client, user);
            Requirement.PermissionSetAssigned missing = Requirement.permissionSet("No_Such_Set");
            PreflightReport.Line line = sf.preflight().run(List.of(missing)).lineFor(missing);
            assertThat(line.status()).isEqualTo(PreflightReport.Status.FAIL);
            assertThat(line.fix()).startsWith("Install the package");
        }

        @Test
        void a_user_who_cannot_read_setup_objects_gets_unknown_not_a_false_fail() {
            SalesforceConnection sf = emulator.connect(client, EmulatorFixture.INTEGRATION);
            Requirement.PermissionSetAssigned ps = Requirement.permissionSet("Crosswalk_Integration");
            PreflightReport report = sf.preflight().run(List.of(ps, Requirement.apiEnabled()));
            assertThat(report.lineFor(ps).status()).isIn(PreflightReport.Status.UNKNOWN, PreflightReport.Status.PASS);
            assertThat(report.lineFor(Requirement.apiEnabled()).status()).isEqualTo(PreflightReport.Status.PASS);
        }

        @Test
        void a_removed_object_permission_is_a_fail_found_by_describe() {
            String user = newUser("Standard User", "Setup_Reader");
            SalesforceConnection sf = emulator.connect(client, user);
            Requirement.ObjectAccess read = Requirement.object("Account", Requirement.Access.READ);
            Requirement.FieldAccess industry = Requirement.field("Account", "Industry", Requirement.Access.READ);
            admin().revokeObjectPermissions(dev.crosswalk.emulator.admin.PermissionSetRef.ofProfile(ORG, "Standard User"),
                    "Account", Set.of());
            PreflightReport report = sf.preflight().run(List.of(read, industry));
            assertThat(report.lineFor(read).status()).isEqualTo(PreflightReport.Status.FAIL);
            assertThat(report.lineFor(read).fix()).contains(user).contains("Read").contains("Account");
            assertThat(report.lineFor(industry).status()).isEqualTo(PreflightReport.Status.FAIL);
        }
    }

    @Nested
    class Observability {

        @Test
        void calls_are_counted_by_kind_and_listeners_never_see_a_token() {
            List<CallEvent> events = new CopyOnWriteArrayList<>();
            SalesforceClient watched = SalesforceClient.create(emulator.config(time).listener(events::add).build());
            String user = newAdmin();
            InMemoryCredentialStore store = new InMemoryCredentialStore(emulator.login(watched, user));
            SalesforceConnection sf = watched.connect(store);
            sf.rest().describeGlobal();
            admin().expireSessions(user);
            sf.rest().limits();
            try (CloseableIterator<Row> rows = sf.bulkQuery().query("SELECT Id FROM Lead", false, Duration.ofMinutes(5))) {
                rows.forEachRemaining(r -> { });
            }
            assertThat(sf.calls().count(CallKind.REST)).isEqualTo(3); // describeGlobal, limits (401), limits
            assertThat(sf.calls().count(CallKind.AUTH)).isEqualTo(1);
            assertThat(sf.calls().count(CallKind.BULK)).isGreaterThanOrEqualTo(3);
            assertThat(watched.calls().total()).isGreaterThan(sf.calls().total()); // + the login calls

            Credentials c = store.load();
            assertThat(events).isNotEmpty().allSatisfy(e -> {
                assertThat(e.toString()).doesNotContain(c.accessToken()).doesNotContain(c.refreshToken());
                e.requestHeaders().forEach((k, v) -> {
                    if (k.equalsIgnoreCase("Authorization")) {
                        assertThat(v).containsOnly("Bearer ***");
                    }
                });
            });
            assertThat(events).anySatisfy(e -> assertThat(e.status()).isEqualTo(401));
            assertThat(sf.lastLimitInfo()).isPresent();
        }
    }

    @Test
    void several_describes_go_in_one_composite_call_and_a_missing_object_is_not_found() {
        SalesforceConnection sf = emulator.connect(client, newAdmin());
        long before = sf.calls().total();
        List<SObjectDescribe> both = sf.rest().describe(List.of("Account", "Lead"));
        assertThat(both).extracting(SObjectDescribe::name).containsExactly("Account", "Lead");
        assertThat(both.get(0).field("Industry")).isPresent();
        assertThat(sf.calls().total() - before).isEqualTo(1);
        assertThat(errorOf(() -> sf.rest().describe(List.of("Account", "No_Such_Object__c")))).isInstanceOf(SalesforceError.NotFound.class);
    }
}
