package dev.crosswalk.bench;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import dev.crosswalk.emulator.seed.OverlapPlan;
import dev.crosswalk.emulator.seed.SeedLoader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5's service benchmarks, end to end with real processes:
 * <ul>
 *   <li>P1: the first (full) sync of N Accounts, emulator → Crosswalk → PostgreSQL (the service jar
 *       on its embedded PostgreSQL, {@code -Xmx512m}), next to jsforce's {@code bulk2.query} only
 *       downloading and parsing the same SOQL; ratio = jsforce seconds / service seconds (goal ≥ 1);
 *       the service's peak used heap sampled from its own metrics (goal ≤ 512 MB).</li>
 *   <li>P2: after 1% of the Accounts change, the incremental sync's time as a share of the full one
 *       (goal ≤ 3%) and its API calls per object (goal ≤ 3).</li>
 * </ul>
 */
public final class ServiceSyncBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT_ID = "crosswalk-bench";
    private static final String CLIENT_SECRET = "bench-secret-" + UUID.randomUUID();
    private static final String ADMIN = "admin@bench.example";
    private static final String ADMIN_PASSWORD = "bench-admin-" + UUID.randomUUID();
    private static final String SF_PASSWORD = "bench-sf-" + UUID.randomUUID();
    /** The SOQL the service runs for Account with the default (recommended) fields. */
    private static final String SOQL = "SELECT Id, OwnerId, Name, Website, IsDeleted, SystemModstamp, CreatedDate, Type, Industry,"
            + " BillingCountry, NumberOfEmployees, AnnualRevenue FROM Account ORDER BY SystemModstamp ASC";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String[]> rows = new ArrayList<>();
    private String base;
    private String auth;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new ServiceSyncBench().run(Integer.parseInt(a.getOrDefault("accounts", "1000000")), Path.of(a.get("jar")),
                Path.of(a.get("jsforce")), Path.of(a.get("conformance")), Path.of(a.getOrDefault("out", "bench/results/service-sync.csv")),
                a.getOrDefault("service-heap", "512m"));
    }

    void run(int accounts, Path jar, Path jsforce, Path conformance, Path out, String serviceHeap) throws Exception {
        add("load_average_at_start", fmt(HeapProbe.loadAverage()), "", "");
        add("accounts", Integer.toString(accounts), "records", "");
        Path dir = Files.createTempDirectory("crosswalk-bench-");
        try (SalesforceEmulator sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0).dailyApiRequests(100_000_000).build())) {
            EmulatorState state = sf.state();
            state.addConnectedApp("Crosswalk bench", CLIENT_ID, CLIENT_SECRET, List.of("http://127.0.0.1:*/*"),
                    Set.of("api", "refresh_token", "id"));
            Org org = state.createOrg("Bench");
            String username = "integration@bench.example";
            String user = state.createUser(org, new EmulatorState.NewUser(username, "Integration", "User", username,
                    EmulatorState.PROFILE_ADMIN), SF_PASSWORD);
            long t0 = System.nanoTime();
            new SeedLoader().load(org, OverlapPlan.builder(OverlapPlan.DEMO_SEED).org("Bench", accounts, 0).build().org("Bench"),
                    List.of(user), user, null);
            System.out.printf(Locale.ROOT, "seeded %,d accounts in %.1f s%n", accounts, (System.nanoTime() - t0) / 1e9);
            // Else the incremental run's overlap window would re-read the whole seed (see SeedLoader).
            SeedLoader.untouchedSinceCreated(org, "Account");

            // jsforce: the same SOQL through Bulk API 2.0 queryAll, download and parse only.
            String token = state.tokens().issueSession(org, user, CLIENT_ID, Set.of("api"), null).token();
            ProcessBuilder node = new ProcessBuilder("node", jsforce.toString(), sf.baseUrl(), "59.0", SOQL).redirectErrorStream(true);
            node.environment().put("SF_ACCESS_TOKEN", token);
            node.environment().put("MAX_RECORDS", Integer.toString(accounts));
            node.environment().put("CONFORMANCE_PACKAGE_JSON", conformance.toAbsolutePath().toString());
            String result = new String(node.start().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("RESULT records=(\\d+) seconds=([\\d.]+) peak_rss_mb=(\\d+)").matcher(result);
            if (!m.find() || Long.parseLong(m.group(1)) != accounts) {
                throw new IllegalStateException("jsforce run failed: " + result);
            }
            double jsforceSeconds = Double.parseDouble(m.group(2));
            System.out.println("jsforce: " + m.group());
            add("p1_jsforce_bulk2_query_seconds", m.group(2), "s", "");
            add("p1_jsforce_records_per_s", fmt(accounts / jsforceSeconds), "records/s", "");
            add("p1_jsforce_peak_rss", m.group(3), "MB", "");

            // The service, as a process on its embedded PostgreSQL.
            int port = ServiceStartup.freePort();
            int pgPort = ServiceStartup.freePort();
            base = "http://127.0.0.1:" + port;
            Path log = dir.resolve("service.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + serviceHeap));
            // e.g. BENCH_SERVICE_JAVA_OPTS="-XX:StartFlightRecording=filename=service.jfr" to profile the service
            String extra = System.getenv("BENCH_SERVICE_JAVA_OPTS");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                    "--crosswalk.data-dir=" + dir.resolve("data"), "--crosswalk.bootstrap.organization=Bench Corp",
                    "--crosswalk.bootstrap.admin-email=" + ADMIN, "--crosswalk.bootstrap.admin-password=" + ADMIN_PASSWORD,
                    "--crosswalk.salesforce.client-id=" + CLIENT_ID, "--crosswalk.salesforce.client-secret=" + CLIENT_SECRET,
                    "--crosswalk.salesforce.allow-loopback=true", "--crosswalk.embedded-postgres.port=" + pgPort));
            Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                ServiceStartup.awaitReady(http, service, base, log, Duration.ofSeconds(180));
                // Scripts call the API with a personal API token, created once with a signed-in session.
                auth = "Bearer " + ServiceLogin.createToken(http, base, ServiceLogin.signIn(http, base, ADMIN, ADMIN_PASSWORD), "bench");
                // CPU seconds of the service's JVM and of its PostgreSQL through the full sync: unlike wall time, they
                // do not depend on the neighbours (the emulator's side is in this JVM and counted for neither peer).
                Path serviceData = dir.resolve("data");
                double jvmCpu0 = ProcessCpu.processSeconds(service.pid());
                double pgCpu0 = ProcessCpu.postgresSeconds(serviceData);
                String integrationId = connect(sf.baseUrl(), username);
                HeapSampler heap = new HeapSampler(service.pid());
                JsonNode full = awaitRuns(integrationId, 1);
                double syncJvmCpu = ProcessCpu.processSeconds(service.pid()) - jvmCpu0;
                double syncPgCpu = ProcessCpu.postgresSeconds(serviceData) - pgCpu0;
                long syncPeakHeap = heap.peak.get();
                JsonNode fullMatched = awaitMatched(integrationId, 1);
                heap.stop();
                // Later runs sync Account only, so the P2 run's API calls are those of one object.
                send("PATCH", "/api/v1/integrations/" + integrationId + "/settings",
                        "{\"objects\":{\"Account\":[\"Type\",\"Industry\",\"BillingCountry\",\"NumberOfEmployees\",\"AnnualRevenue\"]}}");
                double fullSeconds = seconds(full);
                check(full, accounts);
                add("p1_service_full_sync_seconds", fmt(fullSeconds), "s", "");
                add("p1_service_records_per_s", fmt(accounts / fullSeconds), "records/s", "");
                add("p1_ratio_jsforce_over_service", fmt(jsforceSeconds / fullSeconds), "x", ">= 1.0");
                add("p1_service_peak_heap_used", Long.toString(syncPeakHeap >> 20), "MB", "<= 512");
                add("p1_service_jvm_cpu_seconds", fmt(syncJvmCpu), "cpu-s", "");
                add("p1_service_postgres_cpu_seconds", fmt(syncPgCpu), "cpu-s", "");
                // Keys, populations and overlaps: their own job after the run, not part of P1's time.
                add("p1_after_sync_matching_seconds", fmt(matchingSeconds(fullMatched)), "s", "");
                add("p1_peak_heap_used_incl_matching", Long.toString(heap.peak.get() >> 20), "MB", "");
                add("p1_service_max_heap", serviceHeap, "", "");
                add("p1_service_api_calls", full.get("apiCalls").asString(), "calls", "");
                // The floor (issue 18 goal 6), after the matching so that nothing else runs: curl downloading the
                // same Bulk result, then psql's \copy of those CSV pages into an unindexed table of text columns
                // in the service's own PostgreSQL.
                Floor f = null;
                if (CurlDownload.available()) {
                    try {
                        f = floor(sf.baseUrl(), token, dir, pgPort, accounts, service.pid());
                    } catch (Exception e) {
                        System.out.println("floor not measured: " + e.getMessage()); // P1's own figures still count
                    }
                }
                if (f != null) {
                    add("p1_floor_curl_download_seconds", fmt(f.downloadSeconds()), "s", "");
                    add("p1_floor_copy_seconds", fmt(f.copySeconds()), "s", "");
                    add("p1_floor_seconds", fmt(f.downloadSeconds() + f.copySeconds()), "s", "");
                    add("p1_ratio_service_over_floor", fmt(fullSeconds / (f.downloadSeconds() + f.copySeconds())), "x",
                            "<= 2");
                    add("p1_diag_insert_select_as_crm_record_seconds", fmt(f.asCrmRecordSeconds()), "s", "");
                    add("p1_floor_cpu_seconds", fmt(f.cpuSeconds()), "cpu-s", "");
                    add("p1_ratio_service_cpu_over_floor_cpu", fmt((syncJvmCpu + syncPgCpu) / f.cpuSeconds()), "x", "");
                    add("p1_diag_cpu_copy_floor", fmt(f.copyCpuSeconds()), "cpu-s", "");
                    add("p1_diag_cpu_copy_shape_fields_text", fmt(f.shape().fieldsAsText()), "cpu-s", "");
                    add("p1_diag_cpu_copy_shape_jsonb", fmt(f.shape().jsonb()), "cpu-s", "");
                    add("p1_diag_cpu_copy_shape_jsonb_indexed", fmt(f.shape().jsonbIndexed()), "cpu-s", "");
                    add("p1_diag_cpu_build_indexes_after", fmt(f.shape().indexesBuiltAfter()), "cpu-s", "");
                }

                // P1 is saved before P2 starts.
                print();
                write(out);
                rows.clear();

                int changed = accounts / 100;
                change(org, user, changed);
                // The first run's matching has ended (above), so P2 does not share the CPUs with it.
                int accepted = send("POST", "/api/v1/integrations/" + integrationId + "/sync", "{}").statusCode();
                if (accepted != 202) {
                    throw new IllegalStateException("Sync now answered " + accepted);
                }
                JsonNode incremental = awaitRuns(integrationId, 2);
                double incSeconds = seconds(incremental);
                add("p2_changed_records", Integer.toString(changed), "records", "");
                add("p2_incremental_records_read", incremental.get("recordsRead").asString(), "records", "");
                add("p2_incremental_seconds", fmt(incSeconds), "s", "");
                add("p2_incremental_share_of_full", fmt(100 * incSeconds / fullSeconds), "%", "<= 3");
                add("p2_api_calls_per_object", fmt(incremental.get("apiCalls").asDouble() / incremental.get("objects").size()),
                        "calls", "<= 3");
                add("p2_objects", Integer.toString(incremental.get("objects").size()), "", "");
                add("p2_after_sync_matching_seconds", fmt(matchingSeconds(awaitMatched(integrationId, 2))), "s", "");
            } finally {
                service.destroy();
                service.waitFor();
                // Gigabytes at 1,000,000 records: the service's PostgreSQL and the floor's pages and lines. The service's log stays.
                for (String scratch : List.of("data", "floor-pages", "shape-lines.csv")) {
                    ScratchFiles.delete(dir.resolve(scratch));
                }
            }
        }
        print();
        write(out);
        System.out.println("service log: " + dir.resolve("service.log"));
    }

    /**
     * @param cpuSeconds     curl's CPU seconds downloading plus PostgreSQL's (and psql's) copying
     * @param copyCpuSeconds PostgreSQL's (and psql's) CPU seconds copying
     */
    record Floor(double downloadSeconds, double copySeconds, double asCrmRecordSeconds, double cpuSeconds, double copyCpuSeconds,
            ShapeCpu shape) {
    }

    /**
     * curl downloads the service's SOQL through Bulk API 2.0 into files (page by page, as the service reads it), then
     * psql copies them into a fresh table without indexes, as the superuser of the service's embedded PostgreSQL
     * (its password from the data directory, handed to psql in its environment only).
     */
    private static Floor floor(String instanceUrl, String token, Path dir, int pgPort, int accounts, long servicePid) throws Exception {
        // This JVM's children but the service (a child too, idle meanwhile): curl, then psql.
        java.util.function.DoubleSupplier helpers = () -> ProcessCpu.childrenSeconds() - ProcessCpu.processSeconds(servicePid);
        BulkQueryClient raw = new BulkQueryClient(instanceUrl, "62.0", token);
        String soql = SOQL.replace(" ORDER BY SystemModstamp ASC", "");
        String job = raw.runJob(soql);
        Path pages = Files.createDirectories(dir.resolve("floor-pages"));
        double childCpu0 = helpers.getAsDouble();
        Measurement curl = CurlDownload.download(raw.jobsUrl(), job, token, 1, null, pages);
        double curlCpu = helpers.getAsDouble() - childCpu0;
        raw.delete(job);
        if (curl.records() != accounts) {
            throw new IllegalStateException("curl read " + curl.records() + " records");
        }
        java.util.Properties credentials = new java.util.Properties();
        try (var in = Files.newBufferedReader(dir.resolve("data").resolve("postgres-credentials.properties"))) {
            credentials.load(in);
        }
        List<String> columns = List.of(soql.substring("SELECT ".length(), soql.indexOf(" FROM ")).split(",\\s*"));
        StringBuilder sql = new StringBuilder("drop table if exists bench_floor_account; create table bench_floor_account (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('"').append(columns.get(i)).append("\" text");
        }
        sql.append(");\n\\timing on\n");
        List<Path> files;
        try (var list = Files.list(pages)) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            sql.append("\\copy bench_floor_account from '").append(file).append("' with (format csv, header)\n");
        }
        Path pgData = dir.resolve("data");
        double copyCpu0 = ProcessCpu.postgresSeconds(pgData) + helpers.getAsDouble();
        String out = psql(sql.toString(), pgPort, credentials);
        double copyCpu = ProcessCpu.postgresSeconds(pgData) + helpers.getAsDouble() - copyCpu0;
        // Not part of the floor: the same rows into a table shaped like crm_record (its jsonb and its three indexes),
        // built inside PostgreSQL from the copied text, to tell the storage shape's cost from the rest of the gap.
        sql = new StringBuilder("\\timing on\n");
        sql.append("create table bench_floor_record (like crm_record including all);\n")
                .append("insert into bench_floor_record (organization_id, integration_id, object, sf_id, fields, is_deleted,")
                .append(" system_modstamp, synced_at) select '00000000-0000-0000-0000-000000000001',")
                .append(" '00000000-0000-0000-0000-000000000002', 'Account', \"Id\", jsonb_build_object(");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('\'').append(columns.get(i)).append("', \"").append(columns.get(i)).append('"');
        }
        sql.append("), \"IsDeleted\"::boolean, \"SystemModstamp\"::timestamptz, now() from bench_floor_account;\n");
        sql.append("\\timing off\ndrop table bench_floor_record;\n");
        String diag = psql(sql.toString(), pgPort, credentials);
        ShapeCpu shape;
        try {
            shape = shapeCpu(dir, pgPort, credentials, columns, helpers);
        } catch (Exception e) {
            System.out.println("crm_record's shape not split: " + e.getMessage()); // the floor still counts
            shape = new ShapeCpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            psql("drop table if exists shape_text; drop table if exists shape_jsonb; drop table if exists shape_indexed;\n", pgPort,
                    credentials);
        }
        psql("drop table bench_floor_account;\n", pgPort, credentials);
        // psql's own timing of each \copy (the server's work and the transfer, not psql's start-up).
        double copyMillis = 0;
        Matcher m = Pattern.compile("COPY (\\d+)\\s+Time: ([\\d.]+) ms").matcher(out);
        long copied = 0;
        while (m.find()) {
            copied += Long.parseLong(m.group(1));
            copyMillis += Double.parseDouble(m.group(2));
        }
        if (copied != accounts) {
            throw new IllegalStateException("psql copied " + copied + " rows: " + out);
        }
        Matcher shaped = Pattern.compile("INSERT 0 (\\d+)\\s+Time: ([\\d.]+) ms").matcher(diag);
        double shapedSeconds = shaped.find() && Long.parseLong(shaped.group(1)) == accounts
                ? Double.parseDouble(shaped.group(2)) / 1000 : Double.NaN;
        for (Path file : files) {
            Files.delete(file);
        }
        System.out.printf(Locale.ROOT, "floor: curl %.2f s, copy %.2f s (%d pages); CPU: curl %.2f s, PostgreSQL and psql %.2f s;"
                + " as crm_record (jsonb, 3 indexes) %.2f s%n", curl.seconds(), copyMillis / 1000, files.size(), curlCpu, copyCpu,
                shapedSeconds);
        return new Floor(curl.seconds(), copyMillis / 1000, shapedSeconds, curlCpu + copyCpu, copyCpu, shape);
    }

    /**
     * PostgreSQL's CPU seconds (with psql's) for COPY of the same rows as crm_record lines (the fields as one JSON
     * object, as the service writes them) into: a table of crm_record's columns with the fields as text, no indexes; the
     * same with jsonb; a table like crm_record with its indexes; and for building those indexes after the unindexed load.
     * Each step against the floor's copy tells what that part of crm_record's shape costs. Diagnosis only.
     */
    record ShapeCpu(double fieldsAsText, double jsonb, double jsonbIndexed, double indexesBuiltAfter) {
    }

    private static ShapeCpu shapeCpu(Path dir, int pgPort, java.util.Properties credentials, List<String> columns,
            java.util.function.DoubleSupplier helpers) throws Exception {
        Path lines = dir.resolve("shape-lines.csv");
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            json.append(i == 0 ? "" : ", ").append('\'').append(columns.get(i)).append("', \"").append(columns.get(i)).append('"');
        }
        psql("\\copy (select '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 'Account', \"Id\","
                + " jsonb_build_object(" + json + ")::text, \"IsDeleted\"::boolean, \"SystemModstamp\"::timestamptz, now()"
                + " from bench_floor_account) to '" + lines + "' with (format csv)\n"
                + "create table shape_text (like crm_record); alter table shape_text alter column fields type text;\n"
                + "create table shape_jsonb (like crm_record);\n"
                + "create table shape_indexed (like crm_record including all);\n", pgPort, credentials);
        // The bench_floor_record of the diagnosis above is gone; bench_floor_account stays until the end.
        Path data = dir.resolve("data");
        double[] cpu = new double[4];
        String[] steps = {
            "\\copy shape_text from '" + lines + "' with (format csv)\n",
            "\\copy shape_jsonb from '" + lines + "' with (format csv)\n",
            "\\copy shape_indexed from '" + lines + "' with (format csv)\n",
            // crm_record's own index definitions, on the unindexed copy
            "do $$ declare d text; begin for d in select indexdef from pg_indexes where schemaname = 'public'"
                    + " and tablename = 'crm_record' loop execute replace(replace(d, ' ON public.crm_record ', ' ON public.shape_jsonb '),"
                    + " 'INDEX ', 'INDEX shape_'); end loop; end $$;\n"};
        for (int i = 0; i < steps.length; i++) {
            psql("checkpoint;\n", pgPort, credentials);
            double before = ProcessCpu.postgresSeconds(data) + helpers.getAsDouble();
            psql(steps[i], pgPort, credentials);
            cpu[i] = ProcessCpu.postgresSeconds(data) + helpers.getAsDouble() - before;
            // A million rows are a gigabyte per copy: each goes as soon as it is measured.
            if (i == 0) {
                psql("drop table shape_text;\n", pgPort, credentials);
            } else if (i == 2) {
                psql("drop table shape_indexed;\n", pgPort, credentials);
            }
        }
        psql("drop table shape_jsonb;\n", pgPort, credentials);
        Files.delete(lines);
        System.out.printf(Locale.ROOT, "crm_record's shape, PostgreSQL CPU: fields as text %.2f s, jsonb %.2f s, jsonb with the"
                + " indexes %.2f s, the indexes built after %.2f s%n", cpu[0], cpu[1], cpu[2], cpu[3]);
        return new ShapeCpu(cpu[0], cpu[1], cpu[2], cpu[3]);
    }

    /** Runs a psql script as the superuser of the service's PostgreSQL; its output. */
    private static String psql(String script, int pgPort, java.util.Properties credentials) throws Exception {
        ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                Integer.toString(pgPort), "-U", "postgres", "-d", "postgres").redirectErrorStream(true);
        psql.environment().put("PGPASSWORD", credentials.getProperty("superuser.password"));
        Process p = psql.start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return out;
    }

    private static void check(JsonNode run, int accounts) {
        if (!run.get("status").asString().equals("SUCCEEDED") || run.get("recordsRead").asLong() < accounts) {
            throw new IllegalStateException("the full sync did not succeed: " + run);
        }
    }

    private static double seconds(JsonNode run) {
        return Duration.between(Instant.parse(run.get("startedAt").asString()), Instant.parse(run.get("endedAt").asString()))
                .toNanos() / 1e9;
    }

    /** From the run's end to its records being keyed, in their populations and re-matched. */
    private static double matchingSeconds(JsonNode run) {
        return Duration.between(Instant.parse(run.get("endedAt").asString()), Instant.parse(run.get("matchedAt").asString()))
                .toNanos() / 1e9;
    }

    /** 1% of the Accounts renamed in Salesforce (modstamp and LastModified bumped like a user edit). */
    private static void change(Org org, String user, int count) {
        org.writeRun(() -> {
            SObjectType t = org.type("Account").orElseThrow();
            int i = 0;
            for (Record r : org.store(t).all()) {
                if (i++ % 100 != 0) {
                    continue;
                }
                r.set(t.require("Name"), "Changed " + r.id());
                RecordLifecycle.touch(org, t, r, user);
            }
        });
    }

    /**
     * Peak used heap of the service (survivors + eden + old), sampled every 250 ms with {@code jstat}
     * from outside, so sampling costs the service nothing.
     */
    private static final class HeapSampler {
        final AtomicLong peak = new AtomicLong();
        private final Process jstat;
        private final Thread reader;

        HeapSampler(long pid) throws IOException {
            jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
                    Long.toString(pid), "250").redirectErrorStream(true).start();
            reader = new Thread(this::read, "jstat-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream()))) {
                List<String> header = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    List<String> cells = List.of(line.trim().split("\\s+"));
                    if (cells.contains("EU")) {
                        header = cells;
                    } else if (header != null && cells.size() == header.size()) {
                        double kb = 0;
                        for (String c : List.of("S0U", "S1U", "EU", "OU")) {
                            kb += Double.parseDouble(cells.get(header.indexOf(c)));
                        }
                        peak.accumulateAndGet((long) (kb * 1024), Math::max);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // jstat ended
            }
        }

        void stop() throws InterruptedException {
            jstat.destroy();
            reader.join(2000);
        }
    }

    private String connect(String emulatorUrl, String username) throws Exception {
        JsonNode started = JSON.readTree(send("POST", "/api/v1/integrations/salesforce/authorize",
                "{\"loginHost\":\"" + emulatorUrl + "\",\"name\":\"Bench\"}").body());
        URI authorize = URI.create(started.get("authorizeUrl").asString());
        URI post = authorize.resolve("/services/oauth2/authorize");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = form(post, "request_id=" + enc(requestId(page.body())) + "&username=" + enc(username)
                + "&password=" + enc(SF_PASSWORD));
        HttpResponse<String> approved = login.statusCode() == 302 ? login
                : form(post, "request_id=" + enc(requestId(login.body())) + "&decision=allow");
        URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
        send("GET", callback.getPath() + "?" + callback.getRawQuery(), null);
        return JSON.readTree(send("GET", "/api/v1/integrations", null).body()).get(0).get("integration").get("id").asString();
    }

    private JsonNode awaitRuns(String integrationId, int count) throws InterruptedException {
        while (true) {
            JsonNode runs = JSON.readTree(send("GET", "/api/v1/integrations/" + integrationId + "/runs", null).body());
            if (runs.size() >= count && !runs.get(0).get("status").asString().equals("RUNNING")) {
                return runs.get(0);
            }
            // Soon after the run's end: the CPU read then should not include much of the matching that follows.
            Thread.sleep(200);
        }
    }

    private JsonNode awaitMatched(String integrationId, int count) throws InterruptedException {
        while (true) {
            JsonNode runs = JSON.readTree(send("GET", "/api/v1/integrations/" + integrationId + "/runs", null).body());
            if (runs.size() >= count && runs.get(0).hasNonNull("matchedAt")) {
                return runs.get(0);
            }
            Thread.sleep(1000);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> form(URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String requestId(String html) {
        Matcher m = Pattern.compile("name=\"request_id\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"request_id\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no request_id in " + html);
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private void add(String metric, String value, String unit, String target) {
        rows.add(new String[] {metric, value, unit, target});
    }

    private void print() {
        System.out.printf(Locale.ROOT, "%-34s %14s %-10s %s%n", "metric", "value", "unit", "target");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "%-34s %14s %-10s %s%n", r[0], r[1], r[2], r[3]);
        }
    }

    private void write(Path out) throws IOException {
        Files.createDirectories(out.getParent());
        boolean header = !Files.exists(out);
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append("date,metric,value,unit,target\n");
        }
        String date = LocalDate.now().toString();
        for (String[] r : rows) {
            sb.append(date).append(',').append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append(',')
                    .append(r[3]).append('\n');
        }
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
