package dev.crosswalk.bench;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.metadata.PackageInstaller;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.salesforce.Backoff;
import dev.crosswalk.salesforce.BulkIngestApi;
import dev.crosswalk.salesforce.BulkJob;
import dev.crosswalk.salesforce.ClientConfig;
import dev.crosswalk.salesforce.CloseableIterator;
import dev.crosswalk.salesforce.Credentials;
import dev.crosswalk.salesforce.InMemoryCredentialStore;
import dev.crosswalk.salesforce.IngestOperation;
import dev.crosswalk.salesforce.IngestResults;
import dev.crosswalk.salesforce.InstanceUrlPolicy;
import dev.crosswalk.salesforce.JobState;
import dev.crosswalk.salesforce.SalesforceClient;
import dev.crosswalk.salesforce.SalesforceConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * P4 (issue 16): N changed Ecosystem_Overlap__c rows written the way push's Bulk path writes them
 * (salesforce-client: create the upsert job by Crosswalk_Key__c, upload, close, poll, read the
 * successful and failed results), against a raw Bulk API 2.0 ingest of the same shape of CSV by
 * {@code curl}, into an emulator org with salesforce-package/ installed. Also measures one sObject
 * Collections call of 200 rows against a Bulk job of 200 rows, which gives the row count from which
 * a Bulk job is faster than Collections calls (push's {@code crosswalk.push.bulk-threshold}), and
 * reports the peers' call counts for N rows (Collections only: N/200; per-record REST: N).
 *
 * <p>Usage: {@code PushBench [--rows N] [--out FILE]}
 */
public final class PushBench {
    private static final String VERSION = "62.0";
    private static final List<String> COLUMNS = List.of("Crosswalk_Key__c", "Account__c", "Partner_Name__c",
            "Partner_Organization_Id__c", "Population__c", "Partner_Population__c", "Match_Evidence__c", "Partner_Fields__c",
            "First_Overlapped__c", "Last_Confirmed__c");

    private final List<String[]> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int rows = 100_000;
        Path out = Path.of("bench/results/push-p4.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new PushBench().run(rows, out);
    }

    private void run(int rows, Path out) throws Exception {
        add("load_average_at_start", "-", String.format(Locale.ROOT, "%.1f", HeapProbe.loadAverage()), "", "");
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorOptions.builder().port(0).dailyApiRequests(100_000_000).build())) {
            EmulatorState state = emulator.state();
            Org org = state.createOrg("Push bench");
            String user = state.createUser(org, new EmulatorState.NewUser("push-" + System.nanoTime() + "@bench.example", "Bench",
                    "Runner", "push@bench.example", EmulatorState.PROFILE_ADMIN), "bench-password-1");
            PackageInstaller.install(org, Path.of("salesforce-package"));
            EmulatorBulkBench.seed(org, user, rows, 20_261_207L);
            String token = state.tokens().issueSession(org, user, "bench", Set.of("api"), null).token();
            SalesforceClient client = SalesforceClient.create(ClientConfig.builder("bench").apiVersion(VERSION)
                    .instanceUrlPolicy(InstanceUrlPolicy.salesforceDefaults().allowingLoopback())
                    // Push's own polling (the client's defaults): the waits come from the job's progress (IngestPolling).
                    .bulkPolling(Backoff.bulkPolling()).build());
            SalesforceConnection sf = client.connect(new InMemoryCredentialStore(
                    new Credentials(token, null, emulator.baseUrl(), null, Instant.now(), null)));
            List<String> accounts;
            try (var s = sf.rest().query("SELECT Id FROM Account")) {
                accounts = s.map(n -> n.get("Id").asString()).toList();
            }
            System.out.printf(Locale.ROOT, "%,d Accounts seeded; pushing %,d overlap rows%n", accounts.size(), rows);

            // Then ours and curl on fresh keys each (both insert-or-update the same way).
            // Both paths warm the emulator's ingest code the same way first: the first large job in a JVM pays for JIT
            // compilation and heap growth (measured: 2,000 rows took 6.9 s cold), which would otherwise fall on ours alone.
            int warm = Math.min(rows, 20_000);
            ours(sf, rows(accounts, warm, "warm"));
            curl(emulator.baseUrl(), token, rows(accounts, warm, "warmc"));
            long callsBefore = sf.calls().total();
            long t0 = System.nanoTime();
            int ok = ours(sf, rows(accounts, rows, "ours"));
            double oursSeconds = (System.nanoTime() - t0) / 1e9;
            long ourCalls = sf.calls().total() - callsBefore;
            double curlSeconds = curl(emulator.baseUrl(), token, rows(accounts, rows, "curl"));
            add("rows_written", "crosswalk", Integer.toString(ok), "rows", "= " + rows);
            add("api_calls", "crosswalk", Long.toString(ourCalls), "calls", "<= 10");
            add("status_polls", "crosswalk", Long.toString(ourCalls - 5), "calls", "(of api_calls: create, upload, close, 2 result files)");
            add("seconds", "crosswalk", fmt(oursSeconds), "s", "");
            add("seconds", "curl-bulk2", fmt(curlSeconds), "s", "");
            add("time_ratio_to_curl", "crosswalk", fmt(oursSeconds / curlSeconds), "x", "<= 1.5");
            add("api_calls", "peer-collections-only", Integer.toString((rows + 199) / 200), "calls", "");
            add("api_calls", "peer-per-record-rest", Integer.toString(rows), "calls", "");

            // The threshold: one Collections call of 200 rows vs one Bulk job of 200 rows.
            List<Map<String, Object>> batch = new ArrayList<>();
            for (List<String> r : rows(accounts, 200, "collections")) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    m.put(COLUMNS.get(i), r.get(i));
                }
                batch.add(m);
            }
            sf.rest().upsert("Ecosystem_Overlap__c", "Crosswalk_Key__c", batch, false);
            long c0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                sf.rest().upsert("Ecosystem_Overlap__c", "Crosswalk_Key__c", batch, false);
            }
            double collectionsCall = (System.nanoTime() - c0) / 1e9 / 5;
            long b0 = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                ours(sf, rows(accounts, 200, "bulk-small"));
            }
            double bulkJob = (System.nanoTime() - b0) / 1e9 / 3;
            int threshold = (int) Math.max(200, Math.ceil(bulkJob / collectionsCall) * 200);
            add("seconds_per_collections_call_200", "crosswalk", fmt(collectionsCall), "s", "");
            add("seconds_per_bulk_job_200", "crosswalk", fmt(bulkJob), "s", "");
            add("bulk_threshold_rows", "crosswalk", Integer.toString(threshold), "rows", "crosswalk.push.bulk-threshold");
        }
        print();
        write(out);
    }

    /** Push's Bulk path, call for call: create, upload, close, poll, successful and failed results. */
    private static int ours(SalesforceConnection sf, List<List<String>> rows) {
        BulkIngestApi bulk = sf.bulkIngest();
        long t0 = System.nanoTime();
        BulkJob job = bulk.create("Ecosystem_Overlap__c", IngestOperation.UPSERT, "Crosswalk_Key__c");
        bulk.upload(job.id(), COLUMNS, rows.iterator());
        long t1 = System.nanoTime();
        bulk.close(job.id());
        BulkJob done = bulk.awaitCompletion(job.id(), Duration.ofMinutes(30), rows.size());
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "  ours, %,d rows: create+upload %.2f s, close→complete %.2f s (processed %,d)%n", rows.size(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, done.numberRecordsProcessed());
        if (done.state() != JobState.JOB_COMPLETE) {
            throw new IllegalStateException("job " + done.state() + ": " + done.errorMessage());
        }
        int ok = 0;
        try (CloseableIterator<IngestResults.Successful> it = bulk.successfulResults(job.id())) {
            while (it.hasNext()) {
                it.next();
                ok++;
            }
        }
        try (CloseableIterator<IngestResults.Failed> it = bulk.failedResults(job.id())) {
            if (it.hasNext()) {
                throw new IllegalStateException("failed row: " + it.next().error());
            }
        }
        return ok;
    }

    /** The raw peer: the same job over plain HTTP with curl uploading the CSV file; create → PUT → close → poll. */
    private static double curl(String base, String token, List<List<String>> rows) throws Exception {
        Path csv = Files.createTempFile("push-bench", ".csv");
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (List<String> r : rows) {
            b.append(String.join(",", r.stream().map(PushBench::quote).toList())).append('\n');
        }
        Files.writeString(csv, b, StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();
        String jobs = base + "/services/data/v" + VERSION + "/jobs/ingest";
        long t0 = System.nanoTime();
        String created = send(http, HttpRequest.newBuilder(URI.create(jobs)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"object\":\"Ecosystem_Overlap__c\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Crosswalk_Key__c\",\"lineEnding\":\"LF\"}")));
        String id = created.replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Process p = new ProcessBuilder("curl", "-s", "-S", "-f", "-X", "PUT", "-H", "Authorization: Bearer " + token, "-H",
                "Content-Type: text/csv", "--data-binary", "@" + csv, jobs + "/" + id + "/batches").redirectErrorStream(true).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("curl failed: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        send(http, HttpRequest.newBuilder(URI.create(jobs + "/" + id)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"state\":\"UploadComplete\"}")));
        long closed = System.nanoTime();
        while (true) {
            String s = send(http, HttpRequest.newBuilder(URI.create(jobs + "/" + id)).header("Authorization", "Bearer " + token).GET());
            if (s.contains("JobComplete") || s.contains("\"Failed\"")) {
                break;
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "  curl, %,d rows: create+upload %.2f s, close→complete %.2f s%n", rows.size(),
                (closed - t0) / 1e9, (System.nanoTime() - closed) / 1e9);
        Files.deleteIfExists(csv);
        return seconds;
    }

    private static String send(HttpClient http, HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static List<List<String>> rows(List<String> accounts, int n, String prefix) {
        String now = Instant.now().toString();
        List<List<String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String account = accounts.get(i % accounts.size());
            out.add(List.of(prefix + ":" + account + ":" + i, account, "Globex", "6f1c2a64-0000-4000-8000-000000000001", "All accounts",
                    "All accounts", "Domain", "Industry: Banking\nName: Company " + i, now, now));
        }
        return out;
    }

    private void add(String metric, String client, String value, String unit, String target) {
        lines.add(new String[] {metric, client, value, unit, target});
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private void print() {
        for (String[] l : lines) {
            System.out.printf(Locale.ROOT, "%-34s %-22s %14s %-6s %s%n", (Object[]) l);
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
        for (String[] l : lines) {
            b.append(Instant.now()).append(',').append(String.join(",", l)).append('\n');
        }
        Files.writeString(out, b, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
