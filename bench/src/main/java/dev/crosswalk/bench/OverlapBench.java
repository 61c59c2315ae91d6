package dev.crosswalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * P3: the overlap engine at scale, on the service's own embedded PostgreSQL (the real Spring
 * context, the real {@code OverlapEngine}). Two organizations with {@code --records} Accounts each,
 * {@code --overlap} of them (10%) sharing a registrable domain. Per run, in the same process and
 * database: a bare hash join of the two key columns ({@code count(*)}, the floor any engine
 * pays), the engine's full computation (delete + insert of every pair with its evidence), and the
 * incremental re-match after 1% of one side's keys changed. Medians over {@code --runs}.
 */
public final class OverlapBench {

    public static void main(String[] args) throws Exception {
        int records = 1_000_000;
        double overlap = 0.10;
        double changed = 0.01;
        int runs = 3;
        Path out = Path.of("bench/results/overlap-p3.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--overlap" -> overlap = Double.parseDouble(args[++i]);
                case "--changed" -> changed = Double.parseDouble(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dataDir = Files.createTempDirectory("crosswalk-p3-");
        // Command-line style arguments: they win over application.properties (builder defaults would not).
        // The scheduler stays on (the service's beans need it) but polls once an hour: no job runs during the measurement.
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Class.forName("dev.crosswalk.app.CrosswalkApplication")).run(
                "--server.address=127.0.0.1", "--server.port=0", "--crosswalk.data-dir=" + dataDir,
                "--db-scheduler.polling-interval=1h", "--logging.level.root=WARN", "--springdoc.api-docs.enabled=false",
                // The engine's time per step (its debug log) with -Dp3.steps=true.
                "--logging.level.dev.crosswalk.app.overlap.OverlapEngine=" + (Boolean.getBoolean("p3.steps") ? "DEBUG" : "WARN"))) {
            run(ctx, records, overlap, changed, runs, out);
        } finally {
            // The embedded PostgreSQL stopped with the context; its files (gigabytes at 1,000,000 records) are of no further use.
            ScratchFiles.delete(dataDir);
        }
    }

    private static void run(ConfigurableApplicationContext ctx, int records, double overlap, double changed, int runs, Path out)
            throws IOException, ReflectiveOperationException {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        Engine engine = new Engine(ctx);
        jdbc.sql("set work_mem = '256MB'").update();

        Org a = organization(jdbc, "Bench A");
        Org b = organization(jdbc, "Bench B");
        UUID intA = integration(jdbc, a.organizationId());
        UUID intB = integration(jdbc, b.organizationId());
        int shared = (int) Math.round(records * overlap);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        long load = System.nanoTime();
        // A: companies 1..N; B: companies N-shared+1 .. 2N-shared, so exactly `shared` domains are in both.
        load(jdbc, a.organizationId(), intA, 1, records, t0);
        load(jdbc, b.organizationId(), intB, records - shared + 1, records, t0);
        jdbc.sql("analyze crm_record").update();
        jdbc.sql("analyze record_key").update();
        System.out.printf(Locale.ROOT, "loaded 2 x %,d records in %.1f s%n", records, (System.nanoTime() - load) / 1e9);
        UUID partnership = UUID.randomUUID();
        jdbc.sql("""
                insert into partnership (id, inviter_org_id, invitee_org_id, status, created_at, responded_at)
                values (?, ?, ?, 'ACCEPTED', now(), now())""").params(partnership, a.organizationId(), b.organizationId()).update();

        List<Double> bare = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        List<Double> incremental = new ArrayList<>();
        long pairs = 0;
        int changedRecords = (int) Math.round(records * changed);
        for (int run = 1; run <= runs; run++) {
            long[] joined = new long[1];
            bare.add(millis(() -> joined[0] = jdbc.sql("""
                    select count(*) from record_key a join record_key b on b.domain = a.domain
                    where a.organization_id = ? and b.organization_id = ?""").params(a.organizationId(), b.organizationId())
                    .query(Long.class).single()));
            full.add(millis(() -> engine.recomputeFull(partnership)));
            pairs = jdbc.sql("select count(*) from overlap_pair where partnership_id = ?").param(partnership).query(Long.class).single();
            if (pairs != joined[0]) {
                throw new IllegalStateException("the engine stored " + pairs + " pairs, the bare join found " + joined[0]);
            }
            // 1% of A's records change: half move onto a domain only B has (new overlaps), half off a shared one.
            Instant tRun = t0.plusSeconds(3600L * run);
            jdbc.sql("insert into overlap_watermark (integration_id, pairs_at) values (?, ?)"
                    + " on conflict (integration_id) do update set pairs_at = excluded.pairs_at")
                    .params(intA, Timestamp.from(tRun.minusSeconds(1))).update();
            int half = changedRecords / 2;
            // Half move from an A-only company onto a domain only B has (new overlaps), half leave a shared one.
            move(jdbc, intA, 1 + (run - 1) * half, half, "'c' || (g + " + records + ") || '.com'", tRun);
            move(jdbc, intA, records - shared + 1 + (run - 1) * (changedRecords - half), changedRecords - half,
                    "'gone' || g || '.com'", tRun);
            incremental.add(millis(() -> engine.afterKeysChanged(a.organizationId(), intA)));
            long after = jdbc.sql("select count(*) from overlap_pair where partnership_id = ?").param(partnership).query(Long.class)
                    .single();
            long expected = jdbc.sql("""
                    select count(*) from record_key a join record_key b on b.domain = a.domain
                    where a.organization_id = ? and b.organization_id = ? and a.object = 'Account' and b.object = 'Account'""")
                    .params(a.organizationId(), b.organizationId()).query(Long.class).single();
            if (after != expected) {
                throw new IllegalStateException("incremental gave " + after + " pairs, a full join " + expected);
            }
            System.out.printf(Locale.ROOT, "run %d: bare join %.0f ms, full %.0f ms, incremental (%,d changed) %.0f ms%n", run,
                    bare.get(run - 1), full.get(run - 1), changedRecords, incremental.get(run - 1));
        }
        if (Boolean.getBoolean("p3.explain")) {
            jdbc.sql("set parallel_tuple_cost = 0.001").update();
            // The plans of the bare join and of the engine's full join (the same SELECT as OverlapEngine's domain pairs).
            for (String sql : List.of("""
                    explain (analyze, buffers) select count(*) from record_key a join record_key b on b.domain = a.domain
                    where a.organization_id = :a and b.organization_id = :b""", """
                    explain (analyze, buffers) create unlogged table explain_pairs as
                    select cast(:p as uuid) as partnership_id, a.integration_id as a_integration_id, a.object as a_object,
                           a.sf_id as a_sf_id, b.integration_id as b_integration_id, b.object as b_object, b.sf_id as b_sf_id,
                           'DOMAIN'::text as evidence, a.domain as matched_key
                    from record_key a join record_key b on b.domain = a.domain
                    where a.organization_id = :a and b.organization_id = :b and a.object = any('{Account,Lead}') and b.object = any('{Account,Lead}')
                      and a.domain is not null
                      and not exists (select 1 from organization_domain d where d.domain = a.domain and d.organization_id in (:a, :b))""")) {
                System.out.println(String.join("\n", jdbc.sql(sql).param("a", a.organizationId()).param("b", b.organizationId())
                        .param("p", partnership).query(String.class).list()));
            }
        }
        double bareMs = median(bare);
        double fullMs = median(full);
        double incMs = median(incremental);
        String row = String.format(Locale.ROOT, "%s,%d,%.2f,%d,%d,%.1f,%.1f,%.3f,%d,%.1f,%.4f%n", Instant.now(), records, overlap, runs,
                pairs, bareMs, fullMs, fullMs / bareMs, changedRecords, incMs, incMs / fullMs);
        System.out.printf(Locale.ROOT, "P3 medians: bare %.0f ms, full %.0f ms (ratio %.2f, goal <= 1.5), incremental %.0f ms"
                + " (%.1f%% of full, goal <= 5%%)%n", bareMs, fullMs, fullMs / bareMs, incMs, 100 * incMs / fullMs);
        Files.createDirectories(out.toAbsolutePath().getParent());
        if (!Files.exists(out)) {
            Files.writeString(out, "timestamp,records_per_org,overlap,runs,pairs,bare_join_ms,full_ms,full_vs_bare,"
                    + "changed_records,incremental_ms,incremental_vs_full\n");
        }
        Files.writeString(out, row, StandardOpenOption.APPEND);
    }

    private static void move(JdbcClient jdbc, UUID integration, int first, int count, String newDomain, Instant at) {
        jdbc.sql("update record_key set domain = " + newDomain + ", changed_at = ? from generate_series(?, ?) g"
                        + " where integration_id = ? and object = 'Account' and sf_id = '001' || lpad(g::text, 12, '0') || 'AAA'")
                .params(Timestamp.from(at), first, first + count - 1, integration).update();
    }

    private record Org(UUID organizationId) {
    }

    private static Org organization(JdbcClient jdbc, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organization (id, name) values (?, ?)").params(id, name).update();
        return new Org(id);
    }

    /** The service's OverlapEngine bean, called reflectively (see the pom: no compile dependency on app). */
    private static final class Engine {
        private final Object bean;
        private final java.lang.reflect.Method full;
        private final java.lang.reflect.Method incremental;

        Engine(ConfigurableApplicationContext ctx) throws ReflectiveOperationException {
            Class<?> type = Class.forName("dev.crosswalk.app.overlap.OverlapEngine");
            bean = ctx.getBean(type);
            full = type.getMethod("recomputeFull", UUID.class);
            incremental = type.getMethod("afterKeysChanged", UUID.class, UUID.class);
        }

        Object recomputeFull(UUID partnership) {
            return call(full, partnership);
        }

        Object afterKeysChanged(UUID org, UUID integration) {
            return call(incremental, org, integration);
        }

        private Object call(java.lang.reflect.Method m, Object... args) {
            try {
                return m.invoke(bean, args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static UUID integration(JdbcClient jdbc, UUID org) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into integration (id, organization_id, kind, name, paused, status, created_at, updated_at)
                values (?, ?, 'SALESFORCE_DATA_SOURCE', 'bench', true, 'ACTIVE', now(), now())""").params(id, org).update();
        return id;
    }

    /** Records and their keys as the sync and the key computation would leave them, generated inside PostgreSQL. */
    private static void load(JdbcClient jdbc, UUID org, UUID integration, int first, int count, Instant at) {
        Timestamp ts = Timestamp.from(at);
        jdbc.sql("""
                insert into crm_record (organization_id, integration_id, object, sf_id, fields, is_deleted, system_modstamp, synced_at)
                select ?, ?, 'Account', '001' || lpad(g::text, 12, '0') || 'AAA',
                       jsonb_build_object('Name', 'Company ' || g, 'Website', 'https://www.c' || g || '.com/'), false, ?, ?
                from generate_series(?, ?) g""").params(org, integration, ts, ts, first, first + count - 1).update();
        jdbc.sql("""
                insert into record_key (organization_id, integration_id, object, sf_id, domain, key_reason, name_key, name_reason,
                                        source_synced_at, computed_at, changed_at)
                select ?, ?, 'Account', '001' || lpad(g::text, 12, '0') || 'AAA', 'c' || g || '.com', 'WEBSITE', 'company ' || g,
                       'NAME', ?, ?, ?
                from generate_series(?, ?) g""").params(org, integration, ts, ts, ts, first, first + count - 1).update();
    }

    private static double millis(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        return s.get(s.size() / 2);
    }

    private OverlapBench() {
    }
}
