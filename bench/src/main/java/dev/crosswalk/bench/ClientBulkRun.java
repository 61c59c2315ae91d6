package dev.crosswalk.bench;

import dev.crosswalk.salesforce.Backoff;
import dev.crosswalk.salesforce.BulkJob;
import dev.crosswalk.salesforce.ClientConfig;
import dev.crosswalk.salesforce.CloseableIterator;
import dev.crosswalk.salesforce.Credentials;
import dev.crosswalk.salesforce.InMemoryCredentialStore;
import dev.crosswalk.salesforce.InstanceUrlPolicy;
import dev.crosswalk.salesforce.JobState;
import dev.crosswalk.salesforce.Row;
import dev.crosswalk.salesforce.SalesforceClient;
import dev.crosswalk.salesforce.SalesforceConnection;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One run of salesforce-client's Bulk API 2.0 query in its own JVM (started by
 * {@link ClientBulkBench} with a small {@code -Xmx}): create the job, poll, stream every row
 * through the row iterator, touch every value. Prints one {@code RESULT} line. The token comes
 * from the environment ({@code BENCH_SF_TOKEN}), never from the command line.
 *
 * <p>Usage: {@code ClientBulkRun <instanceUrl> <soql> <apiVersion> <maxRecords|0>}
 */
public final class ClientBulkRun {

    private ClientBulkRun() {
    }

    public static void main(String[] args) {
        String instanceUrl = args[0];
        String soql = args[1];
        String version = args[2];
        int maxRecords = Integer.parseInt(args[3]);
        SalesforceClient client = SalesforceClient.create(ClientConfig.builder("bench")
                .apiVersion(version)
                .instanceUrlPolicy(InstanceUrlPolicy.salesforceDefaults().allowingLoopback())
                .bulkPolling(new Backoff(Integer.MAX_VALUE, Duration.ofMillis(50), Duration.ofMillis(50), 1))
                .bulkPageSize(maxRecords)
                .build());
        SalesforceConnection sf = client.connect(new InMemoryCredentialStore(
                new Credentials(System.getenv("BENCH_SF_TOKEN"), null, instanceUrl, null, Instant.now(), null)));

        // Warm-up, like the long-running service the client lives in: one 100,000-row pass so that
        // the measured pass runs JIT-compiled code (EmulatorBulkBench warms its client the same way).
        drain(sf, soql.contains(" LIMIT ") ? soql : soql + " LIMIT 100000");

        long cpuStart = HeapProbe.processCpuNanos();
        long start = System.nanoTime();
        BulkJob job = sf.bulkQuery().create(soql, false);
        BulkJob done = sf.bulkQuery().awaitCompletion(job.id(), Duration.ofMinutes(10));
        if (done.state() != JobState.JOB_COMPLETE) {
            throw new IllegalStateException("job ended " + done.state());
        }
        long streamStart = System.nanoTime();
        long records = 0;
        long chars = 0;
        long maxSampledHeap = 0;
        Runtime rt = Runtime.getRuntime();
        try (CloseableIterator<Row> rows = sf.bulkQuery().results(job.id())) {
            while (rows.hasNext()) {
                Row row = rows.next();
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i);
                    chars += v == null ? 0 : v.length();
                }
                if ((++records & 0xffff) == 0) {
                    maxSampledHeap = Math.max(maxSampledHeap, rt.totalMemory() - rt.freeMemory());
                }
            }
        }
        long end = System.nanoTime();
        long cpu = HeapProbe.processCpuNanos() - cpuStart;
        sf.bulkQuery().delete(job.id());
        System.out.printf(Locale.ROOT,
                "RESULT records=%d e2e_ns=%d stream_ns=%d cpu_ns=%d peak_heap_bytes=%d max_sampled_heap_bytes=%d"
                        + " max_heap_bytes=%d calls=%s chars=%d%n",
                records, end - start, end - streamStart, cpu, peakHeap(), maxSampledHeap, rt.maxMemory(),
                sf.calls().snapshot().toString().replace(" ", ""), chars);
    }

    private static void drain(SalesforceConnection sf, String soql) {
        BulkJob job = sf.bulkQuery().create(soql, false);
        sf.bulkQuery().awaitCompletion(job.id(), Duration.ofMinutes(10));
        try (CloseableIterator<Row> rows = sf.bulkQuery().results(job.id())) {
            long chars = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i);
                    chars += v == null ? 0 : v.length();
                }
            }
            if (chars < 0) {
                throw new IllegalStateException();
            }
        }
        sf.bulkQuery().delete(job.id());
    }

    /** Sum of the heap pools' peak usage since the JVM started. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
