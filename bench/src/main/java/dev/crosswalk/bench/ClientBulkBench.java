package dev.crosswalk.bench;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.model.Org;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Issue 4's benchmark: a Bulk API 2.0 query of N Accounts from the emulator, read side by side by
 * {@code curl} (raw download to /dev/null: the limit), jsforce's {@code bulk2.query} consuming every
 * record (the peer) and salesforce-client's row iterator (in its own JVM with a small heap, so a
 * client that buffered the result would fail). Prints records/s, our ratios to both, the client's
 * peak heap; writes long-format CSV ({@code date,metric,client,run,value,unit,target}).
 *
 * <p>Usage: {@code ClientBulkBench [--accounts N] [--runs N] [--client-heap 256m] [--jsforce conformance/package.json]
 * [--out FILE]}
 */
public final class ClientBulkBench {

    private static final String API_VERSION = "62.0";

    private record Line(String metric, String client, String run, String value, String unit, String target) {
    }

    private final List<Line> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int accounts = 1_000_000;
        int runs = 3;
        String clientHeap = "256m";
        Path jsforce = Path.of("conformance/package.json");
        Path out = Path.of("bench/results/client-bulk.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--accounts" -> accounts = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--client-heap" -> clientHeap = args[++i];
                case "--jsforce" -> jsforce = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new ClientBulkBench().run(accounts, runs, clientHeap, jsforce, out);
    }

    private void run(int accounts, int runs, String clientHeap, Path jsforce, Path out) throws Exception {
        boolean withJsforce = Files.isDirectory(jsforce.toAbsolutePath().getParent().resolve("node_modules/jsforce"));
        System.out.printf(Locale.ROOT, "Java %s, %d cores; %,d accounts, %d runs, client heap -Xmx%s, jsforce %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), accounts, runs,
                clientHeap, withJsforce ? "yes" : "missing (npm ci --omit=dev --prefix conformance)");
        add("load_average_at_start", "-", "-", fmt(HeapProbe.loadAverage()), "", "");
        try (SalesforceEmulator sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0)
                .dailyApiRequests(100_000_000).build())) {
            EmulatorState state = sf.state();
            Org org = state.createOrg("Bench");
            String user = state.createUser(org, new EmulatorState.NewUser("bench-" + System.nanoTime()
                    + "@bench.example", "Bench", "Runner", "bench@bench.example", EmulatorState.PROFILE_ADMIN),
                    "bench-password-1");
            String token = state.tokens().issueSession(org, user, "bench", Set.of("api"), null).token();
            long t0 = System.nanoTime();
            EmulatorBulkBench.seed(org, user, accounts, 20_260_401L);
            System.out.printf(Locale.ROOT, "seeded %,d accounts in %.1f s%n", accounts, (System.nanoTime() - t0) / 1e9);

            BulkQueryClient raw = new BulkQueryClient(sf.baseUrl(), API_VERSION, token);
            // Warm-up: JIT of the emulator's query and CSV paths (the clients start cold every run anyway).
            String warm = raw.runJob(EmulatorBulkBench.SOQL);
            raw.download(warm, 0, null);
            raw.delete(warm);

            // Phase 1, the full result (several pages): the client against curl. jsforce is tried once:
            // its bulk2.query breaks on multi-page results (jsforce/jsforce#1740), which we record.
            phase("", EmulatorBulkBench.SOQL, accounts, runs, raw, sf.baseUrl(), token, clientHeap, null);
            if (withJsforce) {
                try {
                    jsforce(EmulatorBulkBench.SOQL, accounts, "1", sf.baseUrl(), token, jsforce, "");
                } catch (IllegalStateException e) {
                    String why = e.getMessage().contains("CSV_INVALID_CLOSING_QUOTE") ? "CSV_INVALID_CLOSING_QUOTE"
                            : "failed";
                    add("e2e_records_per_s", "jsforce", "1", "0", "records/s (" + why + ")", "");
                    System.out.println("jsforce could not read the multi-page result: " + why);
                }
            }
            // Phase 2, one page (the server's default page size): all three, for the ratio to jsforce.
            int onePage = Math.min(accounts, 100_000);
            phase("one_page_", EmulatorBulkBench.SOQL + " LIMIT " + onePage, onePage, runs, raw, sf.baseUrl(), token,
                    clientHeap, withJsforce ? jsforce : null);
        }
        ratios();
        print();
        write(out);
    }

    private void phase(String prefix, String soql, int expected, int runs, BulkQueryClient raw, String baseUrl,
                       String token, String clientHeap, Path jsforce) throws IOException, InterruptedException {
        for (int r = 1; r <= runs; r++) {
            String run = Integer.toString(r);
            if (CurlDownload.available()) {
                String job = raw.runJob(soql);
                Measurement curl = CurlDownload.download(raw.jobsUrl(), job, token, r, null);
                raw.delete(job);
                check("curl", curl.records(), expected);
                add(prefix + "download_records_per_s", "curl", run, fmt(curl.recordsPerSecond()), "records/s", "");
            }
            List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + clientHeap, "-XX:+UseParallelGC"));
            // e.g. BENCH_CLIENT_JAVA_OPTS="-XX:StartFlightRecording=filename=client.jfr" to profile the client's JVM
            String extra = System.getenv("BENCH_CLIENT_JAVA_OPTS");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClientBulkRun.class.getName(), baseUrl, soql,
                    API_VERSION, "0"));
            Map<String, String> client = child(command, token, null);
            long records = Long.parseLong(client.get("records"));
            check("salesforce-client", records, expected);
            add(prefix + "e2e_records_per_s", "salesforce-client", run, fmt(rate(records, client.get("e2e_ns"))),
                    "records/s", "");
            add(prefix + "download_records_per_s", "salesforce-client", run,
                    fmt(rate(records, client.get("stream_ns"))), "records/s", "");
            add(prefix + "records_per_cpu_s", "salesforce-client", run, fmt(rate(records, client.get("cpu_ns"))),
                    "records/s", "");
            add(prefix + "peak_heap", "salesforce-client", run, mb(client.get("peak_heap_bytes")), "MB", "<=256");
            add(prefix + "max_heap_sampled_while_streaming", "salesforce-client", run,
                    mb(client.get("max_sampled_heap_bytes")), "MB", "");
            if (jsforce != null) {
                jsforce(soql, expected, run, baseUrl, token, jsforce, prefix);
            }
        }
    }

    private void jsforce(String soql, int expected, String run, String baseUrl, String token, Path jsforce,
                         String prefix) throws IOException, InterruptedException {
        Map<String, String> js = child(List.of("node", "bench/jsforce/bulk2-query.mjs", baseUrl, soql, API_VERSION),
                token, jsforce.toAbsolutePath().toString());
        long jsRecords = Long.parseLong(js.get("records"));
        check("jsforce", jsRecords, expected);
        add(prefix + "e2e_records_per_s", "jsforce", run, fmt(rate(jsRecords, js.get("e2e_ns"))), "records/s", "");
        add(prefix + "records_per_cpu_s", "jsforce", run, fmt(rate(jsRecords, js.get("cpu_ns"))), "records/s", "");
        add(prefix + "peak_rss", "jsforce", run, mb(js.get("peak_rss_bytes")), "MB", "");
    }

    /** Our ratios from the medians: end to end against jsforce, download against curl. */
    private void ratios() {
        // jsforce only reads single-page results, so the comparison with it is on one page.
        double client = median("one_page_e2e_records_per_s", "salesforce-client");
        double js = median("one_page_e2e_records_per_s", "jsforce");
        double clientDownload = median("download_records_per_s", "salesforce-client");
        double curl = median("download_records_per_s", "curl");
        if (js > 0) {
            add("ratio_to_jsforce_e2e_one_page", "salesforce-client", "median", fmt2(client / js), "x", ">=1.0");
        }
        if (curl > 0) {
            add("ratio_to_curl_download", "salesforce-client", "median", fmt2(clientDownload / curl), "x", ">=0.8");
        }
    }

    private double median(String metric, String client) {
        List<Double> values = lines.stream().filter(l -> l.metric().equals(metric) && l.client().equals(client))
                .map(l -> Double.parseDouble(l.value())).sorted().toList();
        return values.isEmpty() ? 0 : values.get(values.size() / 2);
    }

    /** Runs a client process with the token in its environment and returns its RESULT fields. */
    private static Map<String, String> child(List<String> command, String token, String jsforcePackage)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("BENCH_SF_TOKEN", token);
        if (jsforcePackage != null) {
            pb.environment().put("JSFORCE_PACKAGE_JSON", jsforcePackage);
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        Map<String, String> fields = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                for (String kv : line.substring(7).trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    fields.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        if (exit != 0 || !fields.containsKey("records")) {
            throw new IllegalStateException(command.get(0) + " failed (" + exit + "): "
                    + output.substring(Math.max(0, output.length() - 2_000)));
        }
        return fields;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void check(String client, long records, int expected) {
        if (records != expected) {
            throw new IllegalStateException(client + " read " + records + " records, expected " + expected);
        }
    }

    private static double rate(long records, String nanos) {
        return records / (Long.parseLong(nanos) / 1e9);
    }

    private static String mb(String bytes) {
        return Long.toString(Long.parseLong(bytes) >> 20);
    }

    private void add(String metric, String client, String run, String value, String unit, String target) {
        lines.add(new Line(metric, client, run, value, unit, target));
    }

    private void print() {
        String format = "%-34s %-18s %-6s %14s %-10s %s%n";
        System.out.printf(Locale.ROOT, format, "metric", "client", "run", "value", "unit", "target");
        for (Line l : lines) {
            System.out.printf(Locale.ROOT, format, l.metric(), l.client(), l.run(), l.value(), l.unit(), l.target());
        }
    }

    private void write(Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        String date = Instant.now().toString();
        StringBuilder csv = new StringBuilder("date,metric,client,run,value,unit,target\n");
        for (Line l : lines) {
            csv.append(date).append(',').append(l.metric()).append(',').append(l.client()).append(',').append(l.run())
                    .append(',').append(l.value()).append(',').append(l.unit()).append(',').append(l.target())
                    .append('\n');
        }
        Files.writeString(out, csv);
        System.out.println("wrote " + out);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
