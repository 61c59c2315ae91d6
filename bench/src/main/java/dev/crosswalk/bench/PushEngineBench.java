package dev.crosswalk.bench;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.security.ObjectAccess;
import dev.crosswalk.emulator.security.PermissionAdmin;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * P4 (issue 16) end to end: the service's real push ({@code PushService.pushNow}, the same
 * {@code PushEngine.push} the pipeline's push stage runs: desired state from the overlaps, the diff
 * against the row hashes in PostgreSQL, the Bulk/Collections choice, the Account fields, stale
 * deletes, per-row results recorded) of {@code --rows} changed overlap rows into an emulator org with
 * salesforce-package/ deployed, in the service's own Spring context on its embedded PostgreSQL.
 *
 * <p>Set up as an admin would: two tenants (Acme, Globex) connected to their emulator orgs through
 * the OAuth round trip and fully synced (N Accounts each, all N on shared domains), an "All accounts"
 * population each, Globex sharing its overlaps with Name, Industry and Type, Acme's Custom Objects
 * integration authorized as its integration user. Then the scheduler is stopped (so no queued push
 * runs behind the measurement) and the partnership is accepted: N overlap rows and N Account field
 * rows become desired. Measured in one run:
 * <ol>
 * <li>the first push: wall time; API calls counted on the emulator's side (the org's API usage) and,
 *     of them, the write calls the push recorded; the rows it wrote;
 * <li>a raw Bulk API 2.0 ingest of the same N rows (the same 14 columns and values, fresh keys) by
 *     {@code curl}: time and calls (the emulator's count); ratio ours / curl (goal ≤ 1.5);
 * <li>a second push with nothing changed: its calls (goal 0 write calls) and time;
 * <li>the peers' call counts for the same change (sObject Collections only: N/200; per-record REST: N);
 * <li>correctness: the emulator's Ecosystem_Overlap__c records of the push equal the desired rows and
 *     every overlapping Account carries the partner count.
 * </ol>
 * Before the first push the emulator's ingest path is warmed by a curl job of up to 20,000 rows (JIT
 * on the server side for both clients; the service's push code runs cold, as a first push does).
 *
 * <p>The service's classes are reached reflectively: the bench module does not compile against app.
 *
 * <p>Usage: {@code PushEngineBench [--rows N] [--out FILE]}
 */
public final class PushEngineBench {
    private static final String CLIENT_ID = "crosswalk-bench";
    private static final String CLIENT_SECRET = "bench-secret-" + UUID.randomUUID();
    private static final String PASSWORD = "bench-pw-" + UUID.randomUUID();
    private static final String OBJECT = "Ecosystem_Overlap__c";
    private static final String KEY = "Crosswalk_Key__c";
    /** The columns push uploads for an overlap record (EcosystemOverlap.COLUMNS), in its order. */
    private static final List<String> COLUMNS = List.of(KEY, "Account__c", "Lead__c", "Partner_Name__c", "Partner_Organization_Id__c",
            "Partner_Account__c", "Population__c", "Partner_Population__c", "Match_Evidence__c", "Partner_Owner_Name__c",
            "Partner_Owner_Email__c", "Partner_Fields__c", "First_Overlapped__c", "Last_Confirmed__c");
    private static final String VERSION = "62.0";

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private final List<String[]> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int rows = 100_000;
        Path out = Path.of("bench/results/push-engine-p4.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new PushEngineBench().run(rows, out);
        // The stopped scheduler and the emulator's threads must not keep the JVM up.
        System.exit(0);
    }

    /** An emulator org with an integration user (API access, read on the synced objects), as the service's ITs build them. */
    private record SfOrg(Org org, String username, String userId) {
    }

    private void run(int rows, Path out) throws Exception {
        double loadStart = HeapProbe.loadAverage();
        add("load_average_at_start", "-", fmt(loadStart), "", "");
        add("rows", "-", Integer.toString(rows), "rows", "");
        long setup = System.nanoTime();
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorOptions.builder().port(0).dailyApiRequests(100_000_000).build())) {
            EmulatorState state = emulator.state();
            state.addConnectedApp("Crosswalk bench", CLIENT_ID, CLIENT_SECRET, List.of("http://127.0.0.1:*/*"),
                    Set.of("api", "refresh_token", "id"));
            SfOrg acmeSf = sfOrg(state, "Bench Acme");
            SfOrg globexSf = sfOrg(state, "Bench Globex");
            PackageInstaller.install(acmeSf.org(), Path.of("salesforce-package"));
            PermissionAdmin.assign(acmeSf.org(), acmeSf.userId(),
                    PermissionAdmin.permissionSetId(acmeSf.org(), "Crosswalk_Setup_User").orElseThrow());
            List<String> acmeAccounts = seed(acmeSf, rows, "Acme view ");
            seed(globexSf, rows, "Partner ");

            Path dataDir = Files.createTempDirectory("crosswalk-push-");
            try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Class.forName("dev.crosswalk.app.CrosswalkApplication")).run(
                    "--server.address=127.0.0.1", "--server.port=0", "--crosswalk.data-dir=" + dataDir,
                    "--crosswalk.salesforce.client-id=" + CLIENT_ID, "--crosswalk.salesforce.client-secret=" + CLIENT_SECRET,
                    "--crosswalk.salesforce.allow-loopback=true", "--logging.level.root=WARN",
                    "--logging.level.dev.crosswalk.app.push=DEBUG", "--springdoc.api-docs.enabled=false")) {
                App app = new App(ctx, emulator.baseUrl());
                Tenant acme = app.tenant("Bench Acme Corp", acmeSf);
                Tenant globex = app.tenant("Bench Globex", globexSf);
                app.awaitSynced(acme);
                app.awaitSynced(globex);
                app.population(acme, "All accounts");
                UUID theirs = app.population(globex, "All accounts");
                app.shareOverlaps(globex, theirs, Set.of("Name", "Industry", "Type"));
                UUID integration = app.customObjects(acme);
                app.awaitIdle();
                System.out.printf(Locale.ROOT, "set up in %.1f s: 2 x %,d Accounts synced, Custom Objects integration authorized (Inbound %s)%n",
                        (System.nanoTime() - setup) / 1e9, rows, app.inboundHealth(acme, integration));
                // From here no queued job may run: the pushes the partnership queues would do the measured work.
                app.stopScheduler();
                app.partner(acme, globex);

                // Warm the emulator's ingest path (both clients write through it), then measure.
                Curl curl = new Curl(emulator.baseUrl(), state.tokens().issueSession(acmeSf.org(), acmeSf.userId(), "bench",
                        Set.of("api"), null).token(), dataDir);
                curl.ingest(warmRows(acmeAccounts, Math.min(rows, 20_000)));

                long used0 = acmeSf.org().apiUsage().used();
                double cpu0 = HeapProbe.processCpuNanos();
                double children0 = otherCpuSeconds(dataDir);
                long t0 = System.nanoTime();
                Run first = app.push(acme, integration);
                double firstSeconds = (System.nanoTime() - t0) / 1e9;
                double firstCpu = (HeapProbe.processCpuNanos() - cpu0) / 1e9;
                double firstChildrenCpu = otherCpuSeconds(dataDir) - children0;
                long firstCalls = acmeSf.org().apiUsage().used() - used0;
                System.out.println("first push: " + first);

                long used1 = acmeSf.org().apiUsage().used();
                long t1 = System.nanoTime();
                Run second = app.push(acme, integration);
                double secondSeconds = (System.nanoTime() - t1) / 1e9;
                long secondCalls = acmeSf.org().apiUsage().used() - used1;
                System.out.println("second push: " + second);

                // Correctness: what the emulator holds of the push's keys equals the desired rows.
                Set<String> desiredKeys = app.pushedKeys(integration);
                Map<String, List<String>> held = overlapRecords(acmeSf.org());
                Set<String> pushedHeld = new HashSet<>(held.keySet());
                pushedHeld.removeIf(k -> k.startsWith("warm:"));
                long accountsMarked = accountsWithPartners(acmeSf.org());
                boolean correct = pushedHeld.equals(desiredKeys) && desiredKeys.size() == first.desired() && first.desired() == rows
                        && accountsMarked == rows;

                // The raw peer on the same rows: the values the push wrote, under fresh keys (an insert each, as ours were).
                List<List<String>> same = new ArrayList<>(held.size());
                held.forEach((k, v) -> {
                    if (!k.startsWith("warm:")) {
                        List<String> r = new ArrayList<>(v);
                        r.set(0, "curl:" + k);
                        same.add(r);
                    }
                });
                long used2 = acmeSf.org().apiUsage().used();
                Curl.Result curlRun = curl.ingest(same);
                double curlSeconds = curlRun.seconds();
                double curlCpu = curlRun.jvmCpu();
                double curlChildrenCpu = curlRun.childrenCpu();
                long curlCalls = acmeSf.org().apiUsage().used() - used2;
                double loadEnd = HeapProbe.loadAverage();
                curl.printJobs();

                add("desired_overlap_rows", "crosswalk", Integer.toString(first.desired()), "rows", "= " + rows);
                add("first_push_rows_upserted", "crosswalk", Integer.toString(first.upserted()), "rows", "= " + rows);
                add("first_push_accounts_updated", "crosswalk", Integer.toString(first.accounts()), "rows", "= " + rows);
                add("first_push_mode", "crosswalk", first.mode(), "", "");
                add("first_push_status", "crosswalk", first.status(), "", "SUCCEEDED");
                add("first_push_seconds", "crosswalk", fmt(firstSeconds), "s", "");
                add("first_push_cpu_seconds_jvm", "crosswalk", fmt(firstCpu), "s", "(whole JVM: service and emulator)");
                add("first_push_cpu_seconds_postgres", "crosswalk", fmt(firstChildrenCpu), "s", "(the service's embedded PostgreSQL)");
                add("first_push_api_calls_emulator", "crosswalk", Long.toString(firstCalls), "calls", "<= 10");
                add("first_push_api_calls_recorded", "crosswalk", Integer.toString(first.apiCalls()), "calls", "= emulator's count");
                add("first_push_write_calls", "crosswalk", Integer.toString(first.writeCalls()), "calls", "");
                add("first_push_other_calls", "crosswalk", Long.toString(firstCalls - first.writeCalls()), "calls", "(describes, status polls, results)");
                add("bulk_ingest_seconds", "curl-bulk2", fmt(curlSeconds), "s", "");
                add("bulk_ingest_api_calls_emulator", "curl-bulk2", Long.toString(curlCalls), "calls", "");
                add("bulk_ingest_cpu_seconds_jvm", "curl-bulk2", fmt(curlCpu), "s", "(the emulator, and the CSV file written)");
                add("bulk_ingest_cpu_seconds_children", "curl-bulk2", fmt(curlChildrenCpu), "s", "(curl; PostgreSQL idle)");
                add("time_ratio_to_curl", "crosswalk", fmt(firstSeconds / curlSeconds), "x", "<= 1.5");
                add("cpu_ratio_to_curl", "crosswalk", fmt((firstCpu + firstChildrenCpu) / (curlCpu + curlChildrenCpu)), "x",
                        "(all processes' CPU seconds: independent of the neighbours)");
                add("second_push_seconds", "crosswalk", fmt(secondSeconds), "s", "");
                add("second_push_api_calls_emulator", "crosswalk", Long.toString(secondCalls), "calls", "");
                add("second_push_write_calls", "crosswalk", Integer.toString(second.writeCalls()), "calls", "= 0");
                add("second_push_unchanged", "crosswalk", Integer.toString(second.unchanged()), "rows", "");
                add("api_calls", "peer-collections-only", Integer.toString((rows + 199) / 200), "calls", "");
                add("api_calls", "peer-per-record-rest", Integer.toString(rows), "calls", "");
                add("emulator_overlap_records_of_push", "crosswalk", Integer.toString(pushedHeld.size()), "records", "= desired");
                add("emulator_accounts_with_partner_fields", "crosswalk", Long.toString(accountsMarked), "records", "= " + rows);
                add("salesforce_equals_desired", "crosswalk", Boolean.toString(correct), "", "true");
                add("load_average_at_end", "-", fmt(loadEnd), "", "");
                print();
                write(out);
                if (!correct) {
                    throw new IllegalStateException("Salesforce does not equal the desired state after the push (see the table)");
                }
            } finally {
                // The embedded PostgreSQL stopped with the context; its files (gigabytes at 1,000,000 records) are of no further use.
                ScratchFiles.delete(dataDir);
            }
        }
    }

    /** CPU seconds outside this JVM: its children (curl) and the service's embedded PostgreSQL. */
    static double otherCpuSeconds(Path dataDir) {
        return ProcessCpu.childrenSeconds() + ProcessCpu.postgresSeconds(dataDir);
    }

    private static SfOrg sfOrg(EmulatorState state, String name) {
        Org org = state.createOrg(name);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "integration-" + suffix + "@" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".example";
        String userId = state.createUser(org, new EmulatorState.NewUser(username, "Integration", "User", username,
                EmulatorState.PROFILE_MINIMUM), PASSWORD);
        String ps = PermissionAdmin.createPermissionSet(org, "Crosswalk_Integration_" + suffix, "Crosswalk Integration",
                Map.of("PermissionsApiEnabled", true));
        for (String object : List.of("Account", "Lead", "Contact", "Opportunity", "User")) {
            PermissionAdmin.setObjectPermissions(org, ps, object, new ObjectAccess(true, false, false, false, false, false, true));
        }
        PermissionAdmin.assign(org, userId, ps);
        return new SfOrg(org, username, userId);
    }

    /** N Accounts on the domains bench-0.com … bench-(N-1).com (the same N in both orgs); their ids. */
    private static List<String> seed(SfOrg sf, int n, String namePrefix) {
        String[] industries = {"Technology", "Banking", "Retail", "Energy"};
        return sf.org().write(() -> {
            SObjectType t = sf.org().type("Account").orElseThrow();
            List<String> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Record r = RecordLifecycle.create(sf.org(), t, sf.userId());
                r.set(t.require("Name"), namePrefix + i);
                r.set(t.require("Website"), "https://www.bench-" + i + ".com");
                r.set(t.require("Industry"), industries[i % industries.length]);
                r.set(t.require("Type"), "Customer");
                ids.add(r.id());
            }
            return ids;
        });
    }

    /** Live Ecosystem_Overlap__c records in the emulator: key → the 14 columns as push uploads them (#N/A for null). */
    private static Map<String, List<String>> overlapRecords(Org org) {
        return org.read(() -> {
            SObjectType t = org.type(OBJECT).orElseThrow();
            Map<String, List<String>> out = new HashMap<>();
            for (Record r : org.store(t).all()) {
                if (RecordLifecycle.isDeleted(t, r)) {
                    continue;
                }
                List<String> v = new ArrayList<>(COLUMNS.size());
                for (String c : COLUMNS) {
                    Object o = r.get(t.require(c));
                    v.add(o == null ? "#N/A" : o.toString());
                }
                if (out.put(v.get(0), v) != null) {
                    throw new IllegalStateException("two Ecosystem_Overlap__c records with the key " + v.get(0));
                }
            }
            return out;
        });
    }

    private static long accountsWithPartners(Org org) {
        return org.read(() -> {
            SObjectType t = org.type("Account").orElseThrow();
            return org.store(t).all().stream().filter(r -> !RecordLifecycle.isDeleted(t, r))
                    .filter(r -> r.get(t.require("Crosswalk_Partner_Count__c")) != null).count();
        });
    }

    private static List<List<String>> warmRows(List<String> accounts, int n) {
        String now = Instant.now().toString();
        List<List<String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String account = accounts.get(i % accounts.size());
            out.add(List.of("warm:" + account + ":" + i, account, "#N/A", "Globex", UUID.randomUUID().toString(), "#N/A", "All accounts",
                    "All accounts", "Domain", "#N/A", "#N/A", "Industry: Banking\nName: Partner " + i + "\nType: Customer", now, now));
        }
        return out;
    }

    // ---- the service, reached reflectively

    private record Tenant(String name, UUID organizationId, Object principal, UUID source, SfOrg sf) {
    }

    /** What a push did, read from its PushRun. */
    private record Run(String status, String mode, int desired, int upserted, int deleted, int accounts, int unchanged, int rejected,
            int writeCalls, int apiCalls, String message) {
    }

    private static final class App {
        private final ConfigurableApplicationContext ctx;
        private final JdbcClient jdbc;
        private final String emulatorUrl;
        private final String base;

        App(ConfigurableApplicationContext ctx, String emulatorUrl) {
            this.ctx = ctx;
            this.jdbc = ctx.getBean(JdbcClient.class);
            this.emulatorUrl = emulatorUrl;
            this.base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
        }

        Object bean(String type) throws ClassNotFoundException {
            return ctx.getBean(Class.forName(type));
        }

        /** A tenant with its admin, connected to its org through the OAuth round trip (which starts the first sync). */
        Tenant tenant(String name, SfOrg sf) throws Exception {
            String email = "admin@" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".example";
            Object member = call(bean("dev.crosswalk.app.org.OrganizationService"), "createOrganization", name, email, "Bench Admin",
                    "bench-password-1");
            UUID org = (UUID) call(member, "organizationId");
            Class<?> role = Class.forName("dev.crosswalk.app.org.Role");
            Object me = construct("dev.crosswalk.app.org.MemberPrincipal", call(member, "id"), org, email, enumValue(role, "ADMIN"), "");
            Object integrations = bean("dev.crosswalk.app.integration.IntegrationService");
            URI authorize = (URI) call(integrations, "beginConnect", me, emulatorUrl, "Salesforce — " + name, null, false,
                    base + "/oauth/salesforce/callback");
            Map<String, String> q = signIn(authorize, sf.username());
            Object integration = call(integrations, "completeConnect", me, q.get("state"), q.get("code"), null, null);
            return new Tenant(name, org, me, (UUID) call(integration, "id"), sf);
        }

        void awaitSynced(Tenant t) throws InterruptedException {
            until("the first sync of " + t.name() + " finished and matched", 900, () -> jdbc.sql(
                    "select count(*) from sync_run where integration_id = ? and status <> 'RUNNING' and matched_at is not null")
                    .param(t.source()).query(Integer.class).single() > 0);
            String status = jdbc.sql("select status from sync_run where integration_id = ? order by started_at desc limit 1")
                    .param(t.source()).query(String.class).single();
            if (!status.equals("SUCCEEDED")) {
                throw new IllegalStateException("the first sync of " + t.name() + " ended " + status);
            }
        }

        UUID population(Tenant t, String name) throws Exception {
            Class<?> filterType = Class.forName("dev.crosswalk.app.population.Filter");
            Class<?> group = Class.forName("dev.crosswalk.app.population.Filter$Group");
            Object filter = group.getMethod("and", filterType.arrayType()).invoke(null, java.lang.reflect.Array.newInstance(filterType, 0));
            Object draft = construct("dev.crosswalk.app.population.PopulationService$Draft", name, "Account", filter);
            Object view = call(bean("dev.crosswalk.app.population.PopulationService"), "create", t.principal(), draft);
            return (UUID) call(call(view, "population"), "id");
        }

        void shareOverlaps(Tenant t, UUID population, Set<String> accountFields) throws Exception {
            Object level = enumValue(Class.forName("dev.crosswalk.app.partner.SharingLevel"), "OVERLAPPING");
            Object rule = construct("dev.crosswalk.app.partner.SharingRule", level, Map.of("Account", accountFields));
            call(bean("dev.crosswalk.app.partner.SharingService"), "setDefault", t.principal(), population, rule);
        }

        /** The Custom Objects integration, authorized as the org's integration user (the package's permission set holder). */
        UUID customObjects(Tenant t) throws Exception {
            Object co = bean("dev.crosswalk.app.integration.CustomObjectsIntegrations");
            URI authorize = (URI) call(co, "beginAuthorize", t.principal(), t.source(), emulatorUrl, base + "/oauth/salesforce/callback");
            Map<String, String> q = signIn(authorize, t.sf().username());
            return (UUID) call(call(co, "completeAuthorize", t.principal(), q.get("state"), q.get("code"), null, null), "id");
        }

        String inboundHealth(Tenant t, UUID integration) throws Exception {
            Object co = bean("dev.crosswalk.app.integration.CustomObjectsIntegrations");
            java.util.Optional<?> inbound = (java.util.Optional<?>) call(co, "inbound", t.organizationId(), integration);
            return inbound.isEmpty() ? "none" : String.valueOf(call(inbound.get(), "health"));
        }

        /** Until no job is due or running (the verification and pipeline runs the setup queued). */
        void awaitIdle() throws InterruptedException {
            until("the scheduler to be idle", 300, () -> jdbc.sql("select count(*) from scheduled_tasks where picked"
                    + " or (execution_time <= now() and task_name not like '%recurring%')").query(Integer.class).single() == 0);
        }

        void stopScheduler() throws Exception {
            Object scheduler = bean("com.github.kagkarlsson.scheduler.Scheduler");
            scheduler.getClass().getMethod("stop").invoke(scheduler);
        }

        /** Acme invites Globex, Globex accepts: the overlaps are computed at once (the queued pushes do not run). */
        void partner(Tenant acme, Tenant globex) throws Exception {
            Object partnerships = bean("dev.crosswalk.app.partner.PartnershipService");
            UUID id = (UUID) call(call(partnerships, "invite", acme.principal(), globex.name()), "id");
            call(partnerships, "accept", globex.principal(), id);
        }

        Run push(Tenant t, UUID integration) throws Exception {
            Object run = call(bean("dev.crosswalk.app.push.PushService"), "pushNow", t.organizationId(), integration);
            Object c = call(run, "counts");
            return new Run((String) call(run, "status"), (String) call(run, "mode"), (int) call(c, "desired"), (int) call(c, "upserted"),
                    (int) call(c, "deleted"), (int) call(c, "accountsUpdated"), (int) call(c, "unchanged"), (int) call(c, "rejected"),
                    (int) call(c, "writeCalls"), (int) call(c, "apiCalls"), (String) call(run, "message"));
        }

        /** The overlap keys the service holds as written and confirmed (push_row). */
        Set<String> pushedKeys(UUID integration) {
            return new HashSet<>(jdbc.sql("select row_key from push_row where integration_id = ? and kind = 'OVERLAP' and hash is not null")
                    .param(integration).query(String.class).list());
        }

        private static Map<String, String> signIn(URI authorize, String username) throws Exception {
            Object browser = construct("dev.crosswalk.app.demo.EmulatorBrowser");
            URI callback = (URI) call(browser, "signIn", authorize, username, PASSWORD);
            Map<String, String> q = new HashMap<>();
            for (String kv : callback.getRawQuery().split("&")) {
                int eq = kv.indexOf('=');
                q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
            if (q.containsKey("error")) {
                throw new IllegalStateException("sign-in of " + username + " refused: " + q);
            }
            return q;
        }
    }

    private static void until(String what, int seconds, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** The public method of that name and arity (the service's methods are not overloaded by arity where used here). */
    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause() instanceof Exception x ? x : e;
                }
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name + "/" + args.length);
    }

    private static Object construct(String type, Object... args) throws Exception {
        for (Constructor<?> c : Class.forName(type).getDeclaredConstructors()) {
            if (c.getParameterCount() == args.length) {
                c.setAccessible(true);
                return c.newInstance(args);
            }
        }
        throw new NoSuchMethodException(type + "/" + args.length);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    // ---- the raw peer

    /** A Bulk API 2.0 upsert job over plain HTTP, the CSV uploaded by curl: create → PUT → close → poll every 100 ms. */
    private static final class Curl {
        private final String jobs;
        private final String token;
        private final HttpClient http = HttpClient.newHttpClient();

        private final Path dataDir;

        Curl(String base, String token, Path dataDir) {
            this.dataDir = dataDir;
            this.jobs = base + "/services/data/v" + VERSION + "/jobs/ingest";
            this.token = token;
        }

        /** Wall time and CPU seconds from the job's creation to its completion (the CSV file is written before). */
        record Result(double seconds, double jvmCpu, double childrenCpu) {
        }

        Result ingest(List<List<String>> rows) throws Exception {
            Path csv = Files.createTempFile("push-engine-bench", ".csv");
            Path auth = Files.createTempFile("push-engine-bench", ".hdr");
            try {
                StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
                for (List<String> r : rows) {
                    for (int i = 0; i < r.size(); i++) {
                        if (i > 0) {
                            b.append(',');
                        }
                        b.append(quote(r.get(i)));
                    }
                    b.append('\n');
                }
                Files.writeString(csv, b, StandardCharsets.UTF_8);
                // The token goes to curl in a private header file, never on its command line.
                Files.writeString(auth, "Authorization: Bearer " + token + "\n");
                double cpu0 = HeapProbe.processCpuNanos();
                double children0 = otherCpuSeconds(dataDir);
                long t0 = System.nanoTime();
                String created = send(HttpRequest.newBuilder(URI.create(jobs)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"" + OBJECT + "\",\"operation\":\"upsert\","
                                + "\"externalIdFieldName\":\"" + KEY + "\",\"lineEnding\":\"LF\"}")));
                String id = created.replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                Process p = new ProcessBuilder("curl", "-s", "-S", "-f", "-X", "PUT", "-H", "@" + auth, "-H", "Content-Type: text/csv",
                        "--data-binary", "@" + csv, jobs + "/" + id + "/batches").redirectErrorStream(true).start();
                String curlOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("curl failed: " + curlOut);
                }
                send(HttpRequest.newBuilder(URI.create(jobs + "/" + id)).header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"state\":\"UploadComplete\"}")));
                long closed = System.nanoTime();
                String s;
                while (true) {
                    s = send(HttpRequest.newBuilder(URI.create(jobs + "/" + id)).GET());
                    if (s.contains("JobComplete") || s.contains("\"Failed\"")) {
                        break;
                    }
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                Result result = new Result(seconds, (HeapProbe.processCpuNanos() - cpu0) / 1e9, otherCpuSeconds(dataDir) - children0);
                if (!s.contains("\"numberRecordsFailed\":0") && !s.contains("\"numberRecordsFailed\" : 0")) {
                    throw new IllegalStateException("curl's job had failed rows: " + s);
                }
                System.out.printf(Locale.ROOT, "  curl, %,d rows: create+upload %.2f s, close→complete %.2f s%n", rows.size(),
                        (closed - t0) / 1e9, (System.nanoTime() - closed) / 1e9);
                return result;
            } finally {
                Files.deleteIfExists(csv);
                Files.deleteIfExists(auth);
            }
        }

        /**
         * Every ingest job of the org as the emulator timed it (start of processing to completion): what the server
         * took, apart from the clients' polls. Read after the measurements (these calls count for neither side).
         */
        void printJobs() throws IOException, InterruptedException {
            tools.jackson.databind.JsonNode list = JSON.readTree(send(HttpRequest.newBuilder(URI.create(jobs)).GET()));
            for (tools.jackson.databind.JsonNode j : list.get("records")) {
                tools.jackson.databind.JsonNode info = JSON.readTree(send(HttpRequest.newBuilder(URI.create(jobs + "/" + j.get("id").asString())).GET()));
                System.out.printf(Locale.ROOT, "  emulator: job %s %s %s, %,d rows, processed in %,d ms (created %s, last change %s)%n",
                        info.get("id").asString(), info.get("operation").asString(), info.get("object").asString(),
                        info.get("numberRecordsProcessed").asLong(), info.get("totalProcessingTime").asLong(),
                        info.get("createdDate").asString(), info.get("systemModstamp").asString());
            }
        }

        private String send(HttpRequest.Builder b) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(b.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return r.body();
        }

        private static String quote(String v) {
            return v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
        }
    }

    // ---- output

    private void add(String metric, String client, String value, String unit, String target) {
        lines.add(new String[] {metric, client, value, unit, target});
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private void print() {
        System.out.println();
        for (String[] l : lines) {
            System.out.printf(Locale.ROOT, "%-40s %-22s %14s %-8s %s%n", (Object[]) l);
        }
    }

    private void write(Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        StringBuilder b = new StringBuilder();
        if (!Files.exists(out)) {
            b.append("date,metric,client,value,unit,target\n");
        }
        String now = Instant.now().toString();
        for (String[] l : lines) {
            b.append(now);
            for (String v : l) {
                b.append(',').append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            b.append('\n');
        }
        Files.writeString(out, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
