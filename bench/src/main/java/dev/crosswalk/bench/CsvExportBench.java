package dev.crosswalk.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17: the overlap list's CSV export at scale, in the service's own Spring context on its
 * embedded PostgreSQL. Two organizations with {@code --rows} Accounts each, all on shared domains,
 * so one population pair holds {@code --rows} overlap rows. Per run, side by side in the same
 * process and database:
 * <ul>
 * <li>{@code service}: {@code OverlapReportService.exportOverlaps} — the rules, the shared-field
 *     projection and a cursor (fetch size 1,000), rows written to CSV as they come;
 * <li>{@code copy}: PostgreSQL's {@code COPY (the equivalent query) TO STDOUT CSV} through the driver's
 *     CopyManager, what {@code psql \copy} does — the floor (no rules, no Java per row);
 * <li>{@code in_memory}: the same query read whole into a list, then written — the naive export.
 * </ul>
 * Each variant writes into a byte counter. Reported: wall time, rows/s, bytes, the peak of heap used
 * above the post-GC baseline (sampled every 2 ms) and the largest heap left after any collection
 * during the run (what the export kept alive).
 */
public final class CsvExportBench {

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int runs = 3;
        Path out = Path.of("bench/results/csv-export.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dataDir = Files.createTempDirectory("crosswalk-csv-");
        // The scheduler stays on (the service's beans need it) but polls once an hour: no job runs during the measurement.
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Class.forName("dev.crosswalk.app.CrosswalkApplication")).run(
                "--server.address=127.0.0.1", "--server.port=0", "--crosswalk.data-dir=" + dataDir,
                "--db-scheduler.polling-interval=1h", "--logging.level.root=WARN", "--springdoc.api-docs.enabled=false")) {
            run(ctx, rows, runs, out);
        } finally {
            // The embedded PostgreSQL stopped with the context; its files (gigabytes at 1,000,000 records) are of no further use.
            ScratchFiles.delete(dataDir);
        }
    }

    private record Setup(UUID orgA, UUID partnership, UUID popA, UUID popB) {
    }

    private record Result(String variant, int run, double ms, long rows, long bytes, double peakHeapMb, double liveAfterGcMb) {
    }

    private static void run(ConfigurableApplicationContext ctx, int rows, int runs, Path out) throws Exception {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        double loadAtStart = HeapProbe.loadAverage();
        long t = System.nanoTime();
        Setup s = seed(ctx, jdbc, rows);
        System.out.printf(Locale.ROOT, "seeded %,d overlap rows in %.1f s (load average %.1f)%n", rows, (System.nanoTime() - t) / 1e9,
                loadAtStart);
        Exporter service = new Exporter(ctx);
        DataSource ds = ctx.getBean(DataSource.class);
        String sql = equivalentQuery();
        // Warm-up (JIT, caches) on all three, not measured.
        service.export(s, new Counter());
        copy(ds, sql, s, new Counter());
        inMemory(jdbc, sql, s, new Counter());

        List<Result> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            results.add(measure("service", run, counter -> service.export(s, counter)));
            results.add(measure("copy", run, counter -> copy(ds, sql, s, counter)));
            results.add(measure("in_memory", run, counter -> inMemory(jdbc, sql, s, counter)));
            for (Result r : results.subList(results.size() - 3, results.size())) {
                if (r.rows() != rows) {
                    throw new IllegalStateException(r.variant() + " wrote " + r.rows() + " rows, expected " + rows);
                }
            }
        }
        double loadAtEnd = HeapProbe.loadAverage();
        System.out.printf(Locale.ROOT, "%n%-10s %4s %10s %12s %10s %14s %16s%n", "variant", "run", "ms", "rows/s", "MB", "peak heap MB",
                "live after GC MB");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-10s %4d %10.0f %,12.0f %10.1f %14.1f %16.1f%n", r.variant(), r.run(), r.ms(),
                    r.rows() / (r.ms() / 1000), r.bytes() / 1e6, r.peakHeapMb(), r.liveAfterGcMb());
        }
        double svcMs = median(results, "service", Result::ms);
        double copyMs = median(results, "copy", Result::ms);
        double memMs = median(results, "in_memory", Result::ms);
        double svcHeap = median(results, "service", Result::peakHeapMb);
        double memHeap = median(results, "in_memory", Result::peakHeapMb);
        double svcLive = median(results, "service", Result::liveAfterGcMb);
        double memLive = median(results, "in_memory", Result::liveAfterGcMb);
        System.out.printf(Locale.ROOT, "%nmedians over %d runs, %,d rows: service %.0f ms, copy %.0f ms (service/copy %.2f), in-memory %.0f ms"
                + " (service/in-memory %.2f)%npeak heap: service %.0f MB, in-memory %.0f MB (in-memory/service %.1f);"
                + " live after GC: service %.0f MB, in-memory %.0f MB%nload average %.1f at start, %.1f at end (2 shared cores)%n",
                runs, rows, svcMs, copyMs, svcMs / copyMs, memMs, svcMs / memMs, svcHeap, memHeap, memHeap / svcHeap, svcLive, memLive,
                loadAtStart, loadAtEnd);
        Files.createDirectories(out.toAbsolutePath().getParent());
        if (!Files.exists(out)) {
            Files.writeString(out, "timestamp,rows,variant,run,ms,rows_per_s,bytes,peak_heap_mb,live_after_gc_mb,max_heap_mb,"
                    + "load_average_start,load_average_end\n");
        }
        StringBuilder csv = new StringBuilder();
        String now = Instant.now().toString();
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1_000_000;
        for (Result r : results) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%.1f,%.0f,%d,%.1f,%.1f,%d,%.2f,%.2f%n", now, rows, r.variant(), r.run(),
                    r.ms(), r.rows() / (r.ms() / 1000), r.bytes(), r.peakHeapMb(), r.liveAfterGcMb(), maxHeap, loadAtStart, loadAtEnd));
        }
        Files.writeString(out, csv, StandardOpenOption.APPEND);
    }

    @FunctionalInterface
    private interface Work {
        long write(Counter counter) throws Exception;
    }

    /** One variant once: time, the sampled heap peak above the post-GC baseline, the largest heap any GC left. */
    private static Result measure(String variant, int run, Work work) throws Exception {
        long baseline = HeapProbe.usedAfterGc();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicLong liveAfterGc = new AtomicLong(0);
        NotificationListener onGc = (n, h) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                liveAfterGc.accumulateAndGet(used, Math::max);
            }
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(onGc, null, null);
                emitters.add(e);
            }
        }
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Counter counter = new Counter();
        long start = System.nanoTime();
        long written = work.write(counter);
        double ms = (System.nanoTime() - start) / 1e6;
        sampler.interrupt();
        sampler.join();
        for (NotificationEmitter e : emitters) {
            e.removeNotificationListener(onGc);
        }
        double live = liveAfterGc.get() == 0 ? 0 : Math.max(0, liveAfterGc.get() - baseline) / 1e6;
        return new Result(variant, run, ms, written, counter.bytes, Math.max(0, peak.get() - baseline) / 1e6, live);
    }

    /** Counts what an export writes (a download to a client that reads as fast as it can). */
    static final class Counter extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    /** The service's export, reached reflectively (the bench does not compile against app). */
    private static final class Exporter {
        private final Object bean;
        private final Method export;
        private final Object defaultQuery;
        private final Class<?> target;

        Exporter(ConfigurableApplicationContext ctx) throws ReflectiveOperationException {
            Class<?> type = Class.forName("dev.crosswalk.app.overlap.OverlapReportService");
            Class<?> query = Class.forName("dev.crosswalk.app.overlap.OverlapReportService$ListQuery");
            target = Class.forName("dev.crosswalk.app.overlap.OverlapCsv$Target");
            bean = ctx.getBean(type);
            export = type.getMethod("exportOverlaps", UUID.class, UUID.class, UUID.class, UUID.class, query, target);
            defaultQuery = query.getField("DEFAULT").get(null);
        }

        long export(Setup s, Counter counter) throws Exception {
            Object sink = Proxy.newProxyInstance(target.getClassLoader(), new Class<?>[] {target}, (p, m, a) -> {
                if (m.getName().equals("open")) {
                    return counter;
                }
                throw new UnsupportedOperationException(m.getName());
            });
            Object rows = export.invoke(bean, s.orgA(), s.partnership(), s.popA(), s.popB(), defaultQuery, sink);
            return (Long) rows;
        }
    }

    /** The list's rows as a hand-written query: the same joins, order and columns the service's selection has. */
    private static String equivalentQuery() {
        return """
                select x.a_sf_id, x.a_object, mr.fields ->> 'Name' as my_name, x.evidence, x.matched_key, x.b_object,
                       pr.fields ->> 'Name' as partner_name, pr.fields ->> 'Website' as partner_website
                from overlap_pair x
                join population_member mm on mm.integration_id = x.a_integration_id and mm.object = x.a_object and mm.sf_id = x.a_sf_id
                join population_member pm on pm.integration_id = x.b_integration_id and pm.object = x.b_object and pm.sf_id = x.b_sf_id
                join crm_record mr on mr.integration_id = x.a_integration_id and mr.object = x.a_object and mr.sf_id = x.a_sf_id
                join crm_record pr on pr.integration_id = x.b_integration_id and pr.object = x.b_object and pr.sf_id = x.b_sf_id
                where x.partnership_id = '%s' and mm.population_id = '%s' and pm.population_id = '%s'
                order by x.a_sf_id, x.b_sf_id""";
    }

    /** psql's \\copy: COPY … TO STDOUT through the driver's CopyManager (reflectively: no compile dependency on the driver). */
    private static long copy(DataSource ds, String sql, Setup s, Counter counter) throws Exception {
        try (Connection c = ds.getConnection()) {
            Class<?> pg = Class.forName("org.postgresql.PGConnection");
            Object api = pg.getMethod("getCopyAPI").invoke(c.unwrap(pg));
            String query = String.format(sql, s.partnership(), s.popA(), s.popB());
            api.getClass().getMethod("copyOut", String.class, OutputStream.class).invoke(api,
                    "copy (" + query + ") to stdout with (format csv, header)", counter);
            return counter.lines - 1;
        }
    }

    /** The naive export: every row read into a list first (no cursor), then written. */
    private static long inMemory(JdbcClient jdbc, String sql, Setup s, Counter counter) throws IOException {
        List<String[]> all = jdbc.sql(String.format(sql, s.partnership(), s.popA(), s.popB()))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)})
                .list();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(counter, StandardCharsets.UTF_8), 64 * 1024)) {
            w.write("a_sf_id,a_object,my_name,evidence,matched_key,b_object,partner_name,partner_website\r\n");
            for (String[] row : all) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(quote(row[i]));
                }
                w.write("\r\n");
            }
        }
        return all.size();
    }

    private static String quote(String v) {
        if (v == null) {
            return "";
        }
        return v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /** Two organizations, N Accounts each on the same N domains, one population each holding all, B sharing it (Name, Website). */
    private static Setup seed(ConfigurableApplicationContext ctx, JdbcClient jdbc, int rows) throws ReflectiveOperationException {
        jdbc.sql("set work_mem = '256MB'").update();
        UUID a = organization(jdbc, "Bench Export A");
        UUID b = organization(jdbc, "Bench Export B");
        UUID intA = integration(jdbc, a);
        UUID intB = integration(jdbc, b);
        Timestamp ts = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        for (UUID[] side : new UUID[][] {{a, intA}, {b, intB}}) {
            jdbc.sql("""
                    insert into crm_record (organization_id, integration_id, object, sf_id, fields, is_deleted, system_modstamp, synced_at)
                    select ?, ?, 'Account', '001' || lpad(g::text, 12, '0') || 'AAA',
                           jsonb_build_object('Name', 'Company ' || g, 'Website', 'https://www.c' || g || '.com/', 'Type', 'Customer',
                                              'Industry', 'Technology'), false, ?, ?
                    from generate_series(1, ?) g""").params(side[0], side[1], ts, ts, rows).update();
            jdbc.sql("""
                    insert into record_key (organization_id, integration_id, object, sf_id, domain, key_reason, name_key, name_reason,
                                            source_synced_at, computed_at, changed_at)
                    select ?, ?, 'Account', '001' || lpad(g::text, 12, '0') || 'AAA', 'c' || g || '.com', 'WEBSITE', 'company ' || g,
                           'NAME', ?, ?, ?
                    from generate_series(1, ?) g""").params(side[0], side[1], ts, ts, ts, rows).update();
        }
        UUID popA = population(jdbc, a, intA);
        UUID popB = population(jdbc, b, intB);
        jdbc.sql("""
                insert into sharing_rule (id, organization_id, population_id, partner_org_id, level, fields, updated_at)
                values (?, ?, ?, null, 'OVERLAPPING', cast(? as jsonb), now())""")
                .params(UUID.randomUUID(), b, popB, "{\"Account\": [\"Name\", \"Website\"]}").update();
        UUID partnership = UUID.randomUUID();
        jdbc.sql("""
                insert into partnership (id, inviter_org_id, invitee_org_id, status, created_at, responded_at)
                values (?, ?, ?, 'ACCEPTED', now(), now())""").params(partnership, a, b).update();
        jdbc.sql("analyze").update();
        Class<?> engine = Class.forName("dev.crosswalk.app.overlap.OverlapEngine");
        engine.getMethod("recomputeFull", UUID.class).invoke(ctx.getBean(engine), partnership);
        jdbc.sql("analyze").update();
        return new Setup(a, partnership, popA, popB);
    }

    /**
     * The organization's standard populations (empty: created here so the service does not compute
     * them over a million records on first read) and one custom population holding every Account.
     */
    private static UUID population(JdbcClient jdbc, UUID org, UUID integration) {
        for (String kind : List.of("CUSTOMERS", "OPEN_OPPORTUNITIES", "PROSPECTS")) {
            jdbc.sql("""
                    insert into population (id, organization_id, name, base_object, filter, standard_kind, created_at, updated_at)
                    values (?, ?, ?, 'Account', cast(? as jsonb), ?, now(), now())""")
                    .params(UUID.randomUUID(), org, "Standard " + kind, "{\"type\":\"group\",\"logic\":\"OR\",\"children\":[]}", kind)
                    .update();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into population (id, organization_id, name, base_object, filter, created_at, updated_at)
                values (?, ?, 'All accounts', 'Account', cast(? as jsonb), now(), now())""")
                .params(id, org, "{\"type\":\"group\",\"logic\":\"AND\",\"children\":[]}").update();
        jdbc.sql("""
                insert into population_member (population_id, organization_id, integration_id, object, sf_id)
                select ?, organization_id, integration_id, object, sf_id from crm_record where integration_id = ?""")
                .params(id, integration).update();
        return id;
    }

    private static UUID organization(JdbcClient jdbc, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organization (id, name) values (?, ?)").params(id, name).update();
        return id;
    }

    private static UUID integration(JdbcClient jdbc, UUID org) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into integration (id, organization_id, kind, name, paused, status, created_at, updated_at)
                values (?, ?, 'SALESFORCE_DATA_SOURCE', 'bench', true, 'ACTIVE', now(), now())""").params(id, org).update();
        return id;
    }

    private static double median(List<Result> results, String variant, java.util.function.ToDoubleFunction<Result> f) {
        List<Double> xs = results.stream().filter(r -> r.variant().equals(variant)).map(f::applyAsDouble).sorted().toList();
        return xs.get(xs.size() / 2);
    }

    private CsvExportBench() {
    }
}
