package dev.crosswalk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.app.ApiClient;
import dev.crosswalk.app.Await;
import dev.crosswalk.app.ServiceProcess;
import dev.crosswalk.app.Syncs;
import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.ObjectAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import dev.crosswalk.emulator.seed.OverlapPlan;
import dev.crosswalk.emulator.seed.SeedLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The service as real processes on an external PostgreSQL (started here, like a production
 * database) against an emulator in this JVM. A large first sync is killed with SIGKILL at random
 * points and restarted: db-scheduler revives the dead execution, the run resumes from the last
 * committed checkpoint, the dead runs end FAILED with RUN_INTERRUPTED, and the records equal the
 * emulator's. Then two instances share the database: each run happens once, never two at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSafetyIT {
    private static final int ACCOUNTS = Integer.getInteger("crosswalk.crash-it.accounts", 200_000);
    private static final String CLIENT_ID = "crosswalk-crash-it";
    private static final String CLIENT_SECRET = "crash-secret-" + UUID.randomUUID();
    private static final String ADMIN_EMAIL = "admin@crash-test.example";
    private static final String ADMIN_PASSWORD = "crash-admin-" + UUID.randomUUID();
    private static final String SF_PASSWORD = "sf-" + UUID.randomUUID();

    private final long seed = Long.getLong("crosswalk.crash-it.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final List<ServiceProcess> running = new ArrayList<>();

    private Path dir;
    private EmbeddedPostgres postgres;
    private JdbcClient jdbc;
    private SalesforceEmulator emulator;
    private Org org;
    private String sfUsername;
    private UUID integrationId;
    private String database = "postgres";

    @BeforeAll
    void startDatabaseAndEmulator() throws IOException {
        dir = Files.createTempDirectory("crosswalk-crash-it-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
        DataSource ds = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(ds);

        emulator = SalesforceEmulator.start(EmulatorOptions.builder().port(0).dailyApiRequests(10_000_000).build());
        EmulatorState state = emulator.state();
        state.addConnectedApp("Crosswalk crash IT", CLIENT_ID, CLIENT_SECRET, List.of("http://127.0.0.1:*/*"),
                Set.of("api", "refresh_token", "id"));
        org = state.createOrg("Crash Org");
        sfUsername = "integration@crash-org.example";
        String userId = state.createUser(org, new EmulatorState.NewUser(sfUsername, "Integration", "User", sfUsername,
                EmulatorState.PROFILE_MINIMUM), SF_PASSWORD);
        String ps = PermissionAdmin.createPermissionSet(org, "Crosswalk_Integration", "Crosswalk Integration",
                Map.of("PermissionsApiEnabled", true));
        for (String object : List.of("Account", "Lead")) {
            PermissionAdmin.setObjectPermissions(org, ps, object, new ObjectAccess(true, false, false, false, false, false, true));
        }
        PermissionAdmin.assign(org, userId, ps);
        OverlapPlan plan = OverlapPlan.builder(seed).org("Crash", ACCOUNTS, 0).build();
        new SeedLoader().load(org, plan.org("Crash"), List.of(userId), userId, null);
        spreadModstamps();
    }

    /**
     * A real org's records were last modified over months, not within the second a seed takes:
     * each Account's SystemModstamp becomes its CreatedDate (spread over two years by the seed), so
     * a resumed sync re-reads only its overlap window, as it would in Salesforce.
     */
    private void spreadModstamps() {
        SeedLoader.untouchedSinceCreated(org, "Account");
    }

    @AfterAll
    void stopEverything() throws IOException {
        running.forEach(ServiceProcess::close);
        if (emulator != null) {
            emulator.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        FileSystemUtils.deleteRecursively(dir);
    }

    private ServiceProcess start(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
        p.put("spring.datasource.username", "postgres");
        p.put("crosswalk.data-dir", dir.resolve("data").toString());
        p.put("crosswalk.bootstrap.organization", "Crash Corp");
        p.put("crosswalk.bootstrap.admin-email", ADMIN_EMAIL);
        p.put("crosswalk.bootstrap.admin-password", ADMIN_PASSWORD);
        p.put("crosswalk.salesforce.client-id", CLIENT_ID);
        p.put("crosswalk.salesforce.client-secret", CLIENT_SECRET);
        p.put("crosswalk.salesforce.allow-loopback", "true");
        p.put("crosswalk.sync.batch-size", "5000");
        p.put("crosswalk.sync.dispatch-interval", "PT1S");
        // Short heartbeats so a dead node's execution is revived within seconds, not minutes.
        p.put("db-scheduler.polling-interval", "PT0.5S");
        p.put("db-scheduler.heartbeat-interval", "PT1S");
        p.put("db-scheduler.missed-heartbeats-limit", "4");
        p.put("spring.main.banner-mode", "off");
        ServiceProcess s = ServiceProcess.start(name, dir, p, "-Xmx512m", "-XX:TieredStopAtLevel=1");
        running.add(s);
        return s;
    }

    private void await(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what + " (seed " + seed + ")", timeout, condition::getAsBoolean);
    }

    private long stored() {
        return jdbc.sql("select count(*) from crm_record where integration_id = ? and object = 'Account'").param(integrationId)
                .query(Long.class).single();
    }

    private List<Map<String, Object>> runs() {
        return runs(integrationId);
    }

    private List<Map<String, Object>> runs(UUID integration) {
        return jdbc.sql("select id, trigger, status, started_at, ended_at, records_read, errors::text as errors from sync_run"
                + " where integration_id = ? order by started_at").param(integration).query().listOfRows();
    }

    @Test
    @Order(1)
    void a_sync_killed_at_random_points_resumes_from_its_checkpoint_and_ends_equal_to_salesforce() {
        ServiceProcess service = start("node-a");
        ApiClient admin = new ApiClient(service.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        integrationId = UUID.fromString(Syncs.connect(admin, emulator.baseUrl(), "Crash Org", sfUsername, SF_PASSWORD, org.id()));

        // Kill twice, each time once a random share of the accounts is stored: anywhere in a batch,
        // between batches, mid-download.
        long[] killAt = {(long) (ACCOUNTS * (0.10 + 0.25 * random.nextDouble())), (long) (ACCOUNTS * (0.45 + 0.35 * random.nextDouble()))};
        for (long threshold : killAt) {
            await("the first sync to store " + threshold + " accounts", Duration.ofSeconds(90), () -> stored() >= threshold);
            service.kill();
            long atKill = stored();
            assertThat(atKill).as("killed mid-sync (seed %d)", seed).isLessThan(ACCOUNTS);
            assertThat(runs()).as("the killed run is left RUNNING by the dead process")
                    .anyMatch(r -> r.get("status").equals("RUNNING"));
            service = start("node-a");
            // db-scheduler revives the dead execution; the new run marks the dead one and resumes.
            await("the dead run to be marked", Duration.ofSeconds(60),
                    () -> runs().stream().filter(r -> r.get("status").equals("FAILED")).count() >= (threshold == killAt[0] ? 1 : 2));
            assertThat(stored()).as("nothing committed before the kill is lost").isGreaterThanOrEqualTo(atKill);
        }

        await("the resumed sync to finish", Duration.ofSeconds(120),
                () -> runs().stream().anyMatch(r -> r.get("status").equals("SUCCEEDED")));

        List<Map<String, Object>> runs = runs();
        assertThat(runs).noneMatch(r -> r.get("status").equals("RUNNING"));
        assertThat(runs).filteredOn(r -> r.get("status").equals("FAILED")).hasSize(2)
                .allMatch(r -> r.get("errors").toString().contains("RUN_INTERRUPTED") && r.get("ended_at") != null);
        Map<String, Object> last = runs.get(runs.size() - 1);
        assertThat(last.get("status")).isEqualTo("SUCCEEDED");
        assertThat((Long) last.get("records_read")).as("the last run resumed rather than started over").isLessThan(ACCOUNTS);
        assertStoredEqualsEmulator();
    }

    private void assertStoredEqualsEmulator() {
        Map<String, String[]> expected = org.read(() -> {
            SObjectType t = org.type("Account").orElseThrow();
            Map<String, String[]> out = new HashMap<>();
            for (Record r : org.store(t).all()) {
                out.put(r.id(), new String[] {text(r.get(t.require("Name"))), text(r.get(t.require("Website"))),
                        text(r.get(t.require("Industry")))});
            }
            return out;
        });
        Map<String, String[]> actual = new HashMap<>();
        jdbc.sql("select sf_id, fields->>'Name', fields->>'Website', fields->>'Industry', is_deleted from crm_record"
                        + " where integration_id = ? and object = 'Account'")
                .param(integrationId)
                .query(rs -> {
                    assertThat(rs.getBoolean(5)).isFalse();
                    actual.put(rs.getString(1), new String[] {text(rs.getString(2)), text(rs.getString(3)), text(rs.getString(4))});
                });
        long rows = jdbc.sql("select count(*) from crm_record where integration_id = ?").param(integrationId).query(Long.class).single();
        assertThat(rows).as("no duplicates").isEqualTo(actual.size());
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        List<String> different = new ArrayList<>();
        expected.forEach((id, values) -> {
            if (!java.util.Arrays.equals(values, actual.get(id))) {
                different.add(id + " " + List.of(values) + " ≠ " + List.of(actual.get(id)));
            }
        });
        assertThat(different).as("records whose values differ from Salesforce's").isEmpty();
    }

    private static String text(Object value) {
        String s = Objects.toString(value, "");
        return s.isEmpty() ? null : s;
    }

    /**
     * A run's row says finished a moment before its db-scheduler execution is removed; until then
     * the integration counts as busy and nothing new is queued.
     */
    private void awaitExecutionDone(UUID integration) {
        await("the previous sync execution to complete", Duration.ofSeconds(120), () -> jdbc.sql(
                "select count(*) from scheduled_tasks where task_name = 'sync-integration' and task_instance = ?")
                .param(integration.toString()).query(Long.class).single() == 0);
    }

    /** A second, small Salesforce org connected through node A: its runs are quick to observe. */
    private UUID connectSmallOrg(ServiceProcess node) {
        EmulatorState state = emulator.state();
        Org small = state.createOrg("Small Org");
        String username = "integration@small-org.example";
        String userId = state.createUser(small, new EmulatorState.NewUser(username, "Integration", "User", username,
                EmulatorState.PROFILE_ADMIN), SF_PASSWORD);
        new SeedLoader().load(small, OverlapPlan.builder(seed).org("Small", 50, 0).build().org("Small"), List.of(userId), userId,
                null);
        ApiClient admin = new ApiClient(node.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        return UUID.fromString(Syncs.connect(admin, emulator.baseUrl(), "Small Org", username, SF_PASSWORD, small.id()));
    }

    @Test
    @Order(2)
    void two_instances_sharing_the_database_run_each_scheduled_and_manual_run_once() throws Exception {
        // A fresh database and two fresh nodes with a small org: its runs show the scheduling
        // behaviour in seconds, without the big org's 200,000 records being keyed and matched
        // on the same two CPUs meanwhile.
        running.forEach(ServiceProcess::close);
        running.clear();
        jdbc.sql("create database two").update();
        database = "two";
        jdbc = JdbcClient.create(postgres.getDatabase("postgres", "two"));
        ServiceProcess a = start("node-a2");
        ServiceProcess b = start("node-b2");
        UUID small = connectSmallOrg(a);
        await("the small org's first sync", Duration.ofSeconds(60),
                () -> runs(small).stream().anyMatch(r -> r.get("status").equals("SUCCEEDED")));
        awaitExecutionDone(small);
        int before = runs(small).size();

        // Due now: both nodes' dispatchers look every second; exactly one run may start.
        jdbc.sql("update sync_run set started_at = started_at - interval '13 hours' where integration_id = ?")
                .param(small).update();
        await("the scheduled run", Duration.ofSeconds(60), () -> runs(small).stream()
                .anyMatch(r -> r.get("trigger").equals("SCHEDULE") && !r.get("status").equals("RUNNING")));
        Await.during(Duration.ofSeconds(4)); // both dispatchers get several turns: a second run would show
        assertThat(runs(small)).filteredOn(r -> r.get("trigger").equals("SCHEDULE")).hasSize(1)
                .allMatch(r -> r.get("status").equals("SUCCEEDED"));
        awaitExecutionDone(small);

        // Sync now, asked on both nodes at once, several times: each accepted request is one run.
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiClient client = new ApiClient((i % 2 == 0 ? a : b).baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return client.post("/api/v1/integrations/" + small + "/sync", Map.of()).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).allMatch(s -> s == 202 || s == 409).contains(202);
        long accepted = statuses.stream().filter(s -> s == 202).count();
        await("the manual runs", Duration.ofSeconds(60), () -> runs(small).stream()
                .filter(r -> r.get("trigger").equals("MANUAL") && !r.get("status").equals("RUNNING")).count() >= accepted);
        Await.during(Duration.ofSeconds(2)); // time for a run too many to show
        List<Map<String, Object>> runs = runs(small);
        assertThat(runs).filteredOn(r -> r.get("trigger").equals("MANUAL")).hasSize((int) accepted);
        assertThat(runs.size()).isEqualTo(before + 1 + accepted);
        // Never two runs of the integration at the same time, whichever node ran them.
        // (From the last run before this test on: earlier ones were moved 13 hours back above.)
        for (int i = before; i < runs.size(); i++) {
            Instant previousEnd = ((Timestamp) runs.get(i - 1).get("ended_at")).toInstant();
            Instant start = ((Timestamp) runs.get(i).get("started_at")).toInstant();
            assertThat(start).as("run %d starts after run %d ended", i, i - 1).isAfterOrEqualTo(previousEnd);
        }
        assertNoTokenInTheServiceLogs();
    }

    /** The processes' own logs (stdout and stderr) hold no token, secret or password either. */
    private void assertNoTokenInTheServiceLogs() throws IOException {
        List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, ADMIN_PASSWORD, SF_PASSWORD));
        emulator.state().tokens().sessions().forEach(s -> secrets.add(s.session().token()));
        emulator.state().tokens().refreshGrants().forEach(g -> secrets.add(g.token()));
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                String text = Files.readString(log);
                assertThat(text).as("%s is a service log", log).contains("Started CrosswalkApplication");
                for (String secret : secrets) {
                    assertThat(text).as("%s", log).doesNotContain(secret);
                }
            }
        }
    }
}
