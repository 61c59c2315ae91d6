package dev.crosswalk.bench;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.SalesforceEmulator;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.seed.OverlapPlan;
import dev.crosswalk.emulator.seed.SeedLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Issue 3's emulator benchmark: seed Accounts, read them with a Bulk API 2.0 query job over plain
 * HTTP ({@code java.net.http}, and {@code curl} to /dev/null as the peer), report records/s and MB/s;
 * then hold the target number of records and report the heap after GC. Prints a table and writes
 * long-format CSV ({@code date,metric,client,run,value,unit,target}).
 *
 * <p>Usage: {@code EmulatorBulkBench [--accounts N] [--heap-records N] [--runs N] [--max-records N] [--out FILE]}
 */
public final class EmulatorBulkBench {
    static final String SOQL = "SELECT Id, Name, Type, Industry, Website, Phone, BillingCity, BillingState, BillingCountry, "
            + "NumberOfEmployees, AnnualRevenue, OwnerId, CreatedDate, SystemModstamp, IsDeleted FROM Account";

    private record Row(String metric, String client, String run, String value, String unit, String target) {
    }

    private final List<Row> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int accounts = 1_000_000;
        int heapRecords = 2_000_000;
        int runs = 3;
        Integer maxRecords = null;
        Path out = Path.of("bench/results/emulator-bulk.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--accounts" -> accounts = Integer.parseInt(args[++i]);
                case "--heap-records" -> heapRecords = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--max-records" -> maxRecords = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new EmulatorBulkBench().run(accounts, heapRecords, runs, maxRecords, out);
    }

    private void run(int accounts, int heapRecords, int runs, Integer maxRecords, Path out) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB; %,d accounts, %d runs, page size %s%n",
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20, accounts, runs,
                maxRecords == null ? "server default" : maxRecords.toString());
        add("load_average_at_start", "-", "-", fmt(HeapProbe.loadAverage()), "", "");
        long baseline = HeapProbe.usedAfterGc();
        try (SalesforceEmulator sf = SalesforceEmulator.start(EmulatorOptions.builder().port(0)
                .dailyApiRequests(100_000_000).build())) {
            EmulatorState state = sf.state();
            Org org = state.createOrg("Bench");
            String user = state.createUser(org, new EmulatorState.NewUser("bench-" + System.nanoTime() + "@bench.example",
                    "Bench", "Runner", "bench@bench.example", EmulatorState.PROFILE_ADMIN), "bench-password-1");
            String token = state.tokens().issueSession(org, user, "bench", Set.of("api"), null).token();

            long t0 = System.nanoTime();
            seed(org, user, accounts, OverlapPlan.DEMO_SEED);
            double seedSeconds = (System.nanoTime() - t0) / 1e9;
            add("seed", "-", "-", fmt(accounts / seedSeconds), "records/s", "");
            System.out.printf(Locale.ROOT, "seeded %,d accounts in %.1f s%n", accounts, seedSeconds);

            BulkQueryClient client = new BulkQueryClient(sf.baseUrl(), "59.0", token);
            // Warm-up: the first pass pays for JIT compilation on both sides.
            String warm = client.runJob(SOQL);
            client.download(warm, 0, maxRecords);
            client.delete(warm);

            List<Measurement> measurements = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                long jobStart = System.nanoTime();
                String job = client.runJob(SOQL);
                double jobSeconds = (System.nanoTime() - jobStart) / 1e9;
                add("job_create_to_complete", "java.net.http", Integer.toString(r), fmt(jobSeconds), "s", "");
                measurements.add(client.download(job, r, maxRecords));
                if (CurlDownload.available()) {
                    measurements.add(CurlDownload.download(client.jobsUrl(), job, token, r, maxRecords));
                }
                client.delete(job);
            }
            for (Measurement m : measurements) {
                if (m.records() != accounts) {
                    throw new IllegalStateException(m.client() + " read " + m.records() + " records, expected " + accounts);
                }
                add("download_records_per_s", m.client(), Integer.toString(m.run()), fmt(m.recordsPerSecond()), "records/s", ">=500000");
                add("download_records_per_cpu_s", m.client(), Integer.toString(m.run()), fmt(m.recordsPerCpuSecond()),
                        "records/s", "");
                add("download_mb_per_s", m.client(), Integer.toString(m.run()), fmt(m.megabytesPerSecond()), "MB/s", "");
                add("download_bytes", m.client(), Integer.toString(m.run()), Long.toString(m.bytes()), "bytes", "");
            }

            // Heap: top up to the target record count in a second org, drop everything else, then measure.
            int extra = Math.max(0, heapRecords - accounts);
            if (extra > 0) {
                Org second = state.createOrg("Bench 2");
                String user2 = state.createUser(second, new EmulatorState.NewUser("bench2-" + System.nanoTime()
                        + "@bench.example", "Bench", "Two", "bench2@bench.example", EmulatorState.PROFILE_ADMIN), "bench-password-2");
                seed(second, user2, extra, OverlapPlan.DEMO_SEED + 1);
            }
            long used = HeapProbe.usedAfterGc();
            add("heap_used_after_gc", "-", "-", Long.toString(used >> 20), "MB", "<=2048");
            add("heap_records_held", "-", "-", Integer.toString(accounts + extra), "records", "");
            add("heap_baseline_before_start", "-", "-", Long.toString(baseline >> 20), "MB", "");
            add("heap_bytes_per_record", "-", "-", fmt((double) (used - baseline) / (accounts + extra)), "bytes", "");
        }
        print();
        write(out);
    }

    static void seed(Org org, String userId, int count, long seed) {
        OverlapPlan plan = OverlapPlan.builder(seed).org("Bench", count, 0).build();
        new SeedLoader().load(org, plan.org("Bench"), List.of(userId), userId, null);
    }

    private void add(String metric, String client, String run, String value, String unit, String target) {
        rows.add(new Row(metric, client, run, value, unit, target));
    }

    private void print() {
        String format = "%-28s %-14s %-4s %16s %-10s %s%n";
        System.out.printf(Locale.ROOT, format, "metric", "client", "run", "value", "unit", "target");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, format, r.metric(), r.client(), r.run(), r.value(), r.unit(), r.target());
        }
    }

    private void write(Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        String date = Instant.now().toString();
        StringBuilder csv = new StringBuilder("date,metric,client,run,value,unit,target\n");
        for (Row r : rows) {
            csv.append(date).append(',').append(r.metric()).append(',').append(r.client()).append(',').append(r.run())
                    .append(',').append(r.value()).append(',').append(r.unit()).append(',').append(r.target()).append('\n');
        }
        Files.writeString(out, csv);
        System.out.println("wrote " + out);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
